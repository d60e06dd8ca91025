package server

import (
	"errors"
	"net/http"

	"github.com/go-chi/chi/v5"

	"kursuskatalog/internal/enrolment"
	"kursuskatalog/internal/privacy"
	"kursuskatalog/internal/server/forms"
	"kursuskatalog/internal/server/respond"
	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

// showErase is the erasure's confirmation step: what is deleted at once,
// what is kept and until when; or, after it, what was done.
func (s *Server) showErase(w http.ResponseWriter, r *http.Request) {
	s.renderErase(w, r, http.StatusOK, views.FormErrors{})
}

func (s *Server) renderErase(w http.ResponseWriter, r *http.Request, status int, errs views.FormErrors) {
	token, e, ok := s.myData(w, r)
	if !ok {
		return
	}
	p := views.EraseProps{Page: s.page(r, "Slet oplysningerne i tilmelding "+e.Ref, ""), Token: token, E: e, Errors: errs,
		Ahead: !privacy.CanErase(privacy.SeatsOf(e), s.now())}
	if e.Anonymised != nil {
		p.Page.Title, p.Done, p.Kept = "Oplysningerne er slettet", true, e.Kept.Bookkeeping
	}
	p.Page.NoIndex, p.Page.Errors = true, errs.Any()
	s.Render(w, r, status, views.EraseBooking(p))
}

// eraseMyData anonymises the booking's people at once, when the booker
// has ticked the confirmation, and shows what was kept.
func (s *Server) eraseMyData(w http.ResponseWriter, r *http.Request) {
	if !respond.ParseForm(w, r) {
		return
	}
	if r.PostForm.Get("bekraeft") != "ja" {
		s.renderErase(w, r, http.StatusUnprocessableEntity,
			forms.OneError("bekraeft", "Sæt flueben, hvis du vil slette oplysningerne. Det kan ikke fortrydes."))
		return
	}
	token := chi.URLParam(r, "token")
	_, err := s.enrol.EraseBooking(r.Context(), enrolment.HashToken(token))
	switch {
	case errors.Is(err, store.ErrNotFound):
		s.notFound(w, r)
	case errors.Is(err, privacy.ErrSeatsAhead):
		s.renderErase(w, r, http.StatusConflict, views.FormErrors{})
	case err != nil:
		s.ServerError(w, r, err)
	default:
		http.Redirect(w, r, "/min-tilmelding/"+token+"/slet", http.StatusSeeOther)
	}
}
