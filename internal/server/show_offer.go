package server

import (
	"errors"
	"net/http"

	"github.com/go-chi/chi/v5"

	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

// showOffer is the page of an offer of a seat, which the mail's "Ja tak"
// and "Nej tak" links open (svar=ja or nej); the answer is a button there.
func (s *Server) showOffer(w http.ResponseWriter, r *http.Request) {
	token := chi.URLParam(r, "token")
	o, err := s.enrol.OfferPage(r.Context(), token)
	if errors.Is(err, store.ErrNotFound) {
		s.notFound(w, r)
		return
	} else if err != nil {
		s.ServerError(w, r, err)
		return
	}
	p := views.OfferProps{Page: s.page(r, "Tilbud om plads: "+o.Date.CourseTitle, ""), O: o, Token: token,
		Answer: r.URL.Query().Get("svar"), Now: s.now()}
	p.Page.NoIndex = true
	personalHeaders(w)
	s.Render(w, r, http.StatusOK, views.Offer(p))
}
