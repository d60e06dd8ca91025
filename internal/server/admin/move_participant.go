package admin

import (
	"errors"
	"net/http"
	"strconv"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

// moveParticipant moves a participant to another date of the same course:
// a seat if there is one, else that date's waiting list.
func (a *adminArea) moveParticipant(w http.ResponseWriter, r *http.Request) {
	seatID, dateID, ok := a.participantForm(w, r)
	if !ok {
		return
	}
	f := views.ActionForm{For: seatID}
	field := views.ActionFieldID("move", seatID)
	to, err := strconv.ParseInt(r.PostForm.Get("dato"), 10, 64)
	if err != nil || to <= 0 {
		a.refuse(w, r, dateID, f, field, "Vælg den dato, deltageren skal flyttes til.")
		return
	}
	moved, err := a.enrol.Move(r.Context(), staffOf(r).ID, seatID, to)
	var dup *booking.AlreadyBookedError
	switch {
	case errors.Is(err, booking.ErrOtherCourse):
		a.refuse(w, r, dateID, f, field, "Deltageren kan kun flyttes til en kommende dato af samme kursus.")
	case errors.As(err, &dup):
		a.refuse(w, r, dateID, f, field, "Deltageren er allerede tilmeldt den dato.")
	case errors.Is(err, booking.ErrCancelled):
		a.refuse(w, r, dateID, f, field, "Deltageren er afmeldt og kan ikke flyttes.")
	case errors.Is(err, store.ErrNotFound):
		a.notFound(w, r)
	case err != nil:
		a.ServerError(w, r, err)
	default:
		msg := "Deltageren er flyttet og har fået en plads på den nye dato."
		if moved.Status == booking.StatusWaitlisted {
			msg = "Deltageren er flyttet og står på ventelisten på den nye dato, som nr. " + strconv.Itoa(moved.WaitlistPos) + "."
		}
		a.actionDone(w, r, dateID, msg)
	}
}
