package server

import (
	"github.com/go-chi/chi/v5"

	"kursuskatalog/internal/server/forms"
)

// mySeatRoutes are a participant's own pages, opened by their personal
// link (/min-plads/{token}): their seats and stay, the diploma and the
// evaluation.
func (s *Server) mySeatRoutes(r chi.Router) {
	small, text := forms.LimitBody(forms.SmallBody), forms.LimitBody(forms.TextBody)
	r.Get("/min-plads/{token}", s.showMySeat)
	r.With(small).Post("/min-plads/{token}/ophold/{seat}", s.saveStay)
	r.Get("/min-plads/{token}/kursusbevis/{seat}", s.showDiploma)
	r.Get("/min-plads/{token}/evaluering/{seat}", s.showEvaluation)
	r.With(text).Post("/min-plads/{token}/evaluering/{seat}", s.saveEvaluation)
}
