package admin

import (
	"errors"
	"net/http"
	"strings"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

// cancelParticipant cancels a participant on their behalf, also after the
// deadline, with a reason that goes into the mail, charged as the booker's
// own cancellation would be unless staff waive it (uden_beregning). The
// freed seat is offered to the first on the waiting list.
func (a *adminArea) cancelParticipant(w http.ResponseWriter, r *http.Request) {
	seatID, dateID, ok := a.participantForm(w, r)
	if !ok {
		return
	}
	reason := strings.TrimSpace(r.PostForm.Get("reason"))
	f := views.ActionForm{For: seatID, Reason: reason, Waive: r.PostForm.Get("uden_beregning") != ""}
	field := views.ActionFieldID("reason", seatID)
	if reason == "" {
		a.refuse(w, r, dateID, f, field, "Skriv en begrundelse for afmeldingen. Den står i mailen til deltageren.")
		return
	}
	if len(reason) > 500 {
		a.refuse(w, r, dateID, f, field, "Begrundelsen må højst have 500 tegn.")
		return
	}
	err := a.enrol.StaffCancel(r.Context(), staffOf(r).ID, seatID, reason, f.Waive)
	switch {
	case errors.Is(err, booking.ErrCancelled):
		a.refuse(w, r, dateID, f, field, "Deltageren er allerede afmeldt.")
	case errors.Is(err, store.ErrNotFound):
		a.notFound(w, r)
	case err != nil:
		a.ServerError(w, r, err)
	default:
		a.actionDone(w, r, dateID, "Deltageren er afmeldt, og der er sendt besked.")
	}
}
