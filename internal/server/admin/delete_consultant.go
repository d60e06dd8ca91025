package admin

import (
	"errors"
	"net/http"

	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

// deleteConsultant deletes a consultant no course or programme names.
func (a *adminArea) deleteConsultant(w http.ResponseWriter, r *http.Request) {
	id, ok := idParam(r)
	if !ok {
		a.notFound(w, r)
		return
	}
	err := a.store.DeleteConsultant(r.Context(), staffOf(r).ID, id, a.now())
	switch {
	case errors.Is(err, store.ErrInUse):
		c, lerr := a.store.ConsultantRowByID(r.Context(), id)
		if lerr != nil {
			a.ServerError(w, r, lerr)
			return
		}
		p := consultantForm(c.Consultant, c.Version, views.FormErrors{})
		p.Notice = "Konsulenten kan ikke slettes, fordi " + countNoun(c.Uses, "kursus eller forløb", "kurser og forløb") +
			" har konsulenten som kontaktperson. Vælg en anden konsulent der først."
		a.renderEditor(w, r, http.StatusConflict, c.Name, p)
	case errors.Is(err, store.ErrNotFound):
		a.notFound(w, r)
	case err != nil:
		a.ServerError(w, r, err)
	default:
		a.flash(r, "Konsulenten er slettet.")
		http.Redirect(w, r, "/admin/konsulenter", http.StatusSeeOther)
	}
}
