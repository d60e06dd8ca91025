package admin

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/store"
)

// cancelCourseDate cancels a date with a reason. Every confirmed and
// waiting participant is cancelled and mailed, in the same transaction as
// the cancellation, so nobody is left unmailed and no mail goes out for a
// cancellation that was rolled back.
func (a *adminArea) cancelCourseDate(w http.ResponseWriter, r *http.Request) {
	id, ok := a.postedID(w, r)
	if !ok {
		return
	}
	saved, err := a.store.DateForEdit(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		a.notFound(w, r)
		return
	} else if err != nil {
		a.ServerError(w, r, err)
		return
	}
	f := dateFormOf(saved)
	f.Reason = strings.TrimSpace(r.PostForm.Get("reason"))
	switch {
	case f.Reason == "":
		f.Errors.Add("reason", "Skriv en begrundelse for aflysningen. Den står i mailen til deltagerne.")
	case utf8.RuneCountInString(f.Reason) > 500:
		f.Errors.Add("reason", "Begrundelsen må højst have 500 tegn.")
	}
	if f.Errors.Any() {
		a.renderDateForm(w, r, http.StatusUnprocessableEntity, f)
		return
	}
	version, _ := strconv.Atoi(r.PostForm.Get("version"))
	err = a.enrol.CancelDate(r.Context(), staffOf(r).ID, id, version, f.Reason)
	switch {
	case errors.Is(err, store.ErrConflict):
		f.Errors.Add("aflys", "Datoen er ændret af en anden siden du åbnede den. Se ændringerne, og aflys igen.")
		a.renderDateForm(w, r, http.StatusUnprocessableEntity, f)
	case errors.Is(err, booking.ErrDateCancelled):
		a.flash(r, "Datoen var allerede aflyst.")
		http.Redirect(w, r, "/admin/datoer/"+strconv.FormatInt(id, 10), http.StatusSeeOther)
	case errors.Is(err, store.ErrNotFound):
		a.notFound(w, r)
	case err != nil:
		a.ServerError(w, r, err)
	default:
		a.flash(r, "Datoen er aflyst, og deltagerne har fået besked.")
		http.Redirect(w, r, "/admin/datoer/"+strconv.FormatInt(id, 10), http.StatusSeeOther)
	}
}
