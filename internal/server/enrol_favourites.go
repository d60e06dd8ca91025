package server

import (
	"net/http"
	"net/url"

	"kursuskatalog/internal/catalog"
	"kursuskatalog/internal/server/forms"
	"kursuskatalog/web/views"
)

// enrolFavourites is "Tilmeld valgte datoer" on /favoritter: the dates
// ticked go on to the enrolment form; with none ticked the list comes back
// (422) with a message that says what to do.
func (s *Server) enrolFavourites(w http.ResponseWriter, r *http.Request) {
	ids := forms.DateIDs(r.URL.Query()["dato"])
	if len(ids) > 0 {
		v := url.Values{}
		for _, id := range ids {
			v.Add("dato", views.FormatID(id))
		}
		http.Redirect(w, r, "/tilmelding?"+v.Encode(), http.StatusSeeOther)
		return
	}
	p := views.FavouritesProps{Page: s.page(r, "Dine favoritter", ""), Now: s.now()}
	p.Page.NoIndex, p.Page.Errors = true, true
	if id, ok := visitorID(r); ok {
		data, err := s.store.FavouritesOf(r.Context(), id, s.now())
		if err != nil {
			s.ServerError(w, r, err)
			return
		}
		p.Data = data
	} else {
		p.Data = catalog.Favourites{}
	}
	field := "fav-tilmeld-knap"
	if id := p.FirstOpenDate(); id != 0 {
		field = "fav-d-" + views.FormatID(id)
	}
	p.Errors.Add(field, "Sæt kryds ved mindst én dato, før du vælger “Tilmeld valgte datoer”")
	w.Header().Set("Cache-Control", "no-store")
	s.Render(w, r, http.StatusUnprocessableEntity, views.Favourites(p))
}
