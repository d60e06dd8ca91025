package admin

import (
	"errors"
	"net/http"

	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

// deleteVenue deletes a venue that no date uses; one in use is refused
// with the reason on its form (409).
func (a *adminArea) deleteVenue(w http.ResponseWriter, r *http.Request) {
	id, ok := idParam(r)
	if !ok {
		a.notFound(w, r)
		return
	}
	err := a.store.DeleteVenue(r.Context(), staffOf(r).ID, id, a.now())
	switch {
	case errors.Is(err, store.ErrInUse):
		v, lerr := a.store.VenueRowByID(r.Context(), id)
		if lerr != nil {
			a.ServerError(w, r, lerr)
			return
		}
		p := venueForm(v.Venue, v.Version, views.FormErrors{})
		p.Notice = "Stedet kan ikke slettes, fordi " + countNoun(v.Dates, "dato", "datoer") + " holdes der. Flyt eller slet datoerne først."
		a.renderEditor(w, r, http.StatusConflict, v.Name, p)
	case errors.Is(err, store.ErrNotFound):
		a.notFound(w, r)
	case err != nil:
		a.ServerError(w, r, err)
	default:
		a.flash(r, "Stedet er slettet.")
		http.Redirect(w, r, "/admin/steder", http.StatusSeeOther)
	}
}
