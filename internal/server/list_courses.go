package server

import (
	"net/http"

	"kursuskatalog/internal/catalog"
	"kursuskatalog/web/views"
)

// listCourses renders the catalogue: search, filters with counts, sorting
// and pages, all in the URL.
func (s *Server) listCourses(w http.ResponseWriter, r *http.Request) {
	now := s.now()
	f := catalog.ParseFilter(r.URL.Query().Get)
	res, err := s.store.Search(r.Context(), f, now)
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	ids := make([]int64, len(res.Cards))
	for i, c := range res.Cards {
		ids[i] = c.ID
	}
	imgs, err := s.store.CourseImages(r.Context(), ids)
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	title := "Kurser og forløb"
	if f.Q != "" {
		title = "Søgning: " + f.Q
	}
	p := s.page(r, title, "Find kurser, moduler og forløb for kommunale medarbejdere: søg, filtrér på emne, sted og måned, og se ledige pladser.")
	if f.IsEmpty() && f.Page == 1 {
		p.Canonical = s.baseURL.String() + "/kurser"
	} else {
		p.NoIndex = true // filtered views are many; the plain list is the one to index
	}
	s.Render(w, r, http.StatusOK, views.Catalogue(views.CatalogueProps{Page: p, Filter: f, Result: res, Images: imgs, Now: now}))
}
