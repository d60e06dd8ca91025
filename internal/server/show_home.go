package server

import (
	"net/http"

	"kursuskatalog/web/views"
)

// showHome renders the front page: what COK offers, search, programmes,
// topics and the next dates with seats.
func (s *Server) showHome(w http.ResponseWriter, r *http.Request) {
	now := s.now()
	programmes, err := s.store.ListProgrammes(r.Context())
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	topics, err := s.store.TopicsInUse(r.Context())
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	open, err := s.store.OpenDates(r.Context(), now, 6)
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	ids := make([]int64, len(open))
	for i, l := range open {
		ids[i] = l.Date.CourseID
	}
	imgs, err := s.store.CourseImages(r.Context(), ids)
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	p := s.page(r, "", "Kurser, moduler og forløb for kommunale medarbejdere fra COK – se datoer, ledige pladser og tilmeld dig.")
	p.Canonical = s.baseURL.String() + "/"
	s.Render(w, r, http.StatusOK, views.Home(views.HomeProps{Page: p, Programmes: programmes, Topics: topics, Open: open, Images: imgs, Now: now}))
}
