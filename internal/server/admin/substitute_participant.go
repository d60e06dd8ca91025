package admin

import (
	"errors"
	"net/http"
	"strings"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

// substituteParticipant lets a colleague take a participant's seat, at any
// time (staff may do it after the deadline too).
func (a *adminArea) substituteParticipant(w http.ResponseWriter, r *http.Request) {
	seatID, dateID, ok := a.participantForm(w, r)
	if !ok {
		return
	}
	name := strings.TrimSpace(r.PostForm.Get("name"))
	email := strings.TrimSpace(r.PostForm.Get("email"))
	f := views.ActionForm{For: seatID, SubName: name, SubEmail: email}
	var errs views.FormErrors
	if name == "" {
		errs.Add(views.ActionFieldID("subname", seatID), "Skriv stedfortræderens navn")
	} else if len(name) > 200 {
		errs.Add(views.ActionFieldID("subname", seatID), "Navnet må højst have 200 tegn")
	}
	errs.Add(views.ActionFieldID("subemail", seatID), booking.CheckEmail(email))
	if errs.Any() {
		a.renderAdminDate(w, r, http.StatusUnprocessableEntity, dateID, f, errs)
		return
	}
	err := a.enrol.StaffSubstitute(r.Context(), staffOf(r).ID, seatID, booking.Person{Name: name, Email: email})
	var dup *booking.AlreadyBookedError
	switch {
	case errors.As(err, &dup):
		a.refuse(w, r, dateID, f, views.ActionFieldID("subemail", seatID), "Personen med den e-mail er allerede tilmeldt denne dato.")
	case errors.Is(err, booking.ErrCancelled):
		a.refuse(w, r, dateID, f, views.ActionFieldID("subname", seatID), "Deltageren er afmeldt, så der er ingen plads at overtage.")
	case errors.Is(err, store.ErrNotFound):
		a.notFound(w, r)
	case err != nil:
		a.ServerError(w, r, err)
	default:
		a.actionDone(w, r, dateID, "Stedfortræderen er indsat, og der er sendt besked.")
	}
}
