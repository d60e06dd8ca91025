package admin

import (
	"errors"
	"net/http"
	"strconv"

	"kursuskatalog/internal/server/forms"
	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

// participantForm reads the participant id of an action URL and its form,
// and the date the participant is on (to return to). ok is false when the
// response has been written.
func (a *adminArea) participantForm(w http.ResponseWriter, r *http.Request) (seatID, dateID int64, ok bool) {
	if seatID, ok = a.postedID(w, r); !ok {
		return 0, 0, false
	}
	dateID, err := a.store.ParticipantDateID(r.Context(), seatID)
	if errors.Is(err, store.ErrNotFound) {
		a.notFound(w, r)
		return 0, 0, false
	} else if err != nil {
		a.ServerError(w, r, err)
		return 0, 0, false
	}
	return seatID, dateID, true
}

// actionDone shows msg on the date's page after a successful action.
func (a *adminArea) actionDone(w http.ResponseWriter, r *http.Request, dateID int64, msg string) {
	a.flash(r, msg)
	http.Redirect(w, r, "/admin/datoer/"+strconv.FormatInt(dateID, 10), http.StatusSeeOther)
}

// refuse re-renders the date's page with one message for the participant.
func (a *adminArea) refuse(w http.ResponseWriter, r *http.Request, dateID int64, f views.ActionForm, field, msg string) {
	a.renderAdminDate(w, r, http.StatusUnprocessableEntity, dateID, f, forms.OneError(field, msg))
}
