package server

import (
	"errors"
	"net/http"

	"github.com/go-chi/chi/v5"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/server/respond"
	"kursuskatalog/internal/store"
)

// answerOffer says "Ja tak" (svar=ja) or "Nej tak" (svar=nej) to an offer
// and shows its page, which says what became of it: also when it had
// expired or been answered before.
func (s *Server) answerOffer(w http.ResponseWriter, r *http.Request) {
	token := chi.URLParam(r, "token")
	if !respond.ParseForm(w, r) {
		return
	}
	answer := r.PostForm.Get("svar")
	if answer == "ja" || answer == "nej" {
		err := s.enrol.AnswerOffer(r.Context(), token, answer == "ja")
		switch {
		case errors.Is(err, store.ErrNotFound):
			s.notFound(w, r)
			return
		case err != nil && !errors.Is(err, booking.ErrOfferClosed):
			s.ServerError(w, r, err)
			return
		}
	}
	http.Redirect(w, r, "/tilbud/"+token, http.StatusSeeOther)
}
