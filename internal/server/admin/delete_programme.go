package admin

import (
	"errors"
	"net/http"

	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

// deleteProgramme deletes a programme that has no modules left.
func (a *adminArea) deleteProgramme(w http.ResponseWriter, r *http.Request) {
	id, ok := idParam(r)
	if !ok {
		a.notFound(w, r)
		return
	}
	err := a.store.DeleteProgramme(r.Context(), staffOf(r).ID, id, a.now())
	switch {
	case errors.Is(err, store.ErrInUse):
		p, lerr := a.store.ProgrammeRowByID(r.Context(), id)
		if lerr != nil {
			a.ServerError(w, r, lerr)
			return
		}
		a.showProgrammeForm(w, r, http.StatusConflict, p.Title, programmeTypedFrom(p), p.ID, p.Version, views.FormErrors{},
			"Forløbet kan ikke slettes, fordi det har "+countNoun(len(p.Modules), "modul", "moduler")+". Fjern modulerne og gem først.")
	case errors.Is(err, store.ErrNotFound):
		a.notFound(w, r)
	case err != nil:
		a.ServerError(w, r, err)
	default:
		a.flash(r, "Forløbet er slettet.")
		http.Redirect(w, r, "/admin/forloeb", http.StatusSeeOther)
	}
}
