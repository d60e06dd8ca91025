package admin

import (
	"errors"
	"net/http"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

// promoteParticipant gives someone on the waiting list a free seat.
func (a *adminArea) promoteParticipant(w http.ResponseWriter, r *http.Request) {
	seatID, dateID, ok := a.participantForm(w, r)
	if !ok {
		return
	}
	f := views.ActionForm{For: seatID}
	field := views.ActionFieldID("promote", seatID)
	err := a.enrol.Promote(r.Context(), staffOf(r).ID, seatID)
	switch {
	case errors.Is(err, booking.ErrNoSeat):
		a.refuse(w, r, dateID, f, field, "Der er ingen ledige pladser. Afmeld en deltager eller hæv antallet af pladser først.")
	case errors.Is(err, booking.ErrNotWaiting):
		a.refuse(w, r, dateID, f, field, "Deltageren står ikke på ventelisten.")
	case errors.Is(err, store.ErrNotFound):
		a.notFound(w, r)
	case err != nil:
		a.ServerError(w, r, err)
	default:
		a.actionDone(w, r, dateID, "Deltageren har fået en plads, og der er sendt besked.")
	}
}
