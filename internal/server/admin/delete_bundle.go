package admin

import (
	"errors"
	"net/http"

	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

// deleteBundle deletes an offer no booking has used: a booking names the
// offer its price came from.
func (a *adminArea) deleteBundle(w http.ResponseWriter, r *http.Request) {
	id, ok := idParam(r)
	if !ok {
		a.notFound(w, r)
		return
	}
	err := a.store.DeleteBundle(r.Context(), staffOf(r).ID, id, a.now())
	switch {
	case errors.Is(err, store.ErrInUse):
		b, lerr := a.store.BundleRowByID(r.Context(), id)
		if lerr != nil {
			a.ServerError(w, r, lerr)
			return
		}
		courses, lerr := a.store.CourseChoices(r.Context())
		if lerr != nil {
			a.ServerError(w, r, lerr)
			return
		}
		typed := bundleTyped{Title: b.Title, Description: b.Description, Price: kronerValue(b.PriceOre), LastDay: b.LastDay.Format("2006-01-02")}
		for _, c := range b.Courses {
			typed.Courses = append(typed.Courses, c.CourseID)
		}
		p := bundleForm(typed, b.ID, b.Version, courses, views.FormErrors{})
		p.Notice = "Pakketilbuddet kan ikke slettes, fordi " + countNoun(b.Uses, "deltager", "deltagere") +
			" er tilmeldt til pakkeprisen. Sæt sidste dag tilbage i stedet, så det ikke længere tilbydes."
		a.renderEditor(w, r, http.StatusConflict, b.Title, p)
	case errors.Is(err, store.ErrNotFound):
		a.notFound(w, r)
	case err != nil:
		a.ServerError(w, r, err)
	default:
		a.flash(r, "Pakketilbuddet er slettet.")
		http.Redirect(w, r, "/admin/pakker", http.StatusSeeOther)
	}
}
