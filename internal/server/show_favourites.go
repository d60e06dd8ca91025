package server

import (
	"net/http"

	"kursuskatalog/internal/catalog"
	"kursuskatalog/web/views"
)

// showFavourites lists the visitor's favourites with their coming dates.
func (s *Server) showFavourites(w http.ResponseWriter, r *http.Request) {
	p := views.FavouritesProps{Page: s.page(r, "Dine favoritter", ""), Now: s.now()}
	p.Page.NoIndex = true
	if id, ok := visitorID(r); ok {
		data, err := s.store.FavouritesOf(r.Context(), id, s.now())
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		p.Data = data
	} else {
		p.Data = catalog.Favourites{}
	}
	w.Header().Set("Cache-Control", "private, no-cache")
	s.render(w, r, http.StatusOK, views.Favourites(p))
}
