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
			s.ServerError(w, r, err)
			return
		}
		p.Data = data
		s.setSavedCookie(w, p.Page.Saved) // the pages show what is saved from it
		// A visitor's own list: no shared cache keeps it, and the page
		// cache leaves it alone (it only serves visitors without cookies).
		w.Header().Set("Cache-Control", "private, no-cache")
	} else {
		// The same empty list for everybody without the cookie, so the
		// page cache keeps it like the catalogue's pages.
		p.Data = catalog.Favourites{}
	}
	s.Render(w, r, http.StatusOK, views.Favourites(p))
}
