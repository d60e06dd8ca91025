package server

import (
	"net/http"

	"kursuskatalog/web/views"
)

// showHome renders the front page: search, programmes and the next dates.
func (s *Server) showHome(w http.ResponseWriter, r *http.Request) {
	now := s.now()
	programmes, err := s.store.ListProgrammes(r.Context())
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	upcoming, err := s.store.UpcomingDates(r.Context(), now, 9)
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	p := s.page(r, "", "Kurser, moduler og forløb for kommunale medarbejdere fra COK – se datoer, ledige pladser og tilmeld dig.")
	p.Canonical = s.baseURL.String() + "/"
	s.Render(w, r, http.StatusOK, views.Home(views.HomeProps{Page: p, Programmes: programmes, Upcoming: upcoming, Now: now}))
}
