package admin

import (
	"net/http"

	"kursuskatalog/internal/catalog"
	"kursuskatalog/web/views"
)

const searchLimit = 200

// searchBookings finds bookings by name, e-mail, organisation, EAN or
// reference.
func (a *adminArea) searchBookings(w http.ResponseWriter, r *http.Request) {
	q := catalog.CutWords(r.URL.Query().Get("q"), 200)
	p := views.AdminSearchProps{Query: q, Limit: searchLimit}
	if q != "" {
		hits, err := a.store.SearchBookings(r.Context(), q, searchLimit)
		if err != nil {
			a.ServerError(w, r, err)
			return
		}
		p.Hits = hits
	}
	p.Page = a.adminPage(r, "Søg i tilmeldinger")
	a.Render(w, r, http.StatusOK, views.AdminSearch(p))
}
