package server

import (
	"context"
	"errors"
	"net/http"

	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/mail"
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
	field := views.ActionFieldID("reason", seatID)
	err := a.store.Promote(r.Context(), seatID, staffOf(r).ID, a.now(),
		func(ctx context.Context, tx pgx.Tx, rec booking.Receipt, promoted booking.Seat) error {
			return a.jobs.QueueMails(ctx, tx, rec.ID, mail.PromotedMail(rec, promoted, mail.Links{BaseURL: a.baseURL.String()}, a.now()))
		})
	switch {
	case errors.Is(err, store.ErrNoSeat):
		a.refuse(w, r, dateID, f, field, "Der er ingen ledige pladser. Afmeld en deltager eller hæv antallet af pladser først.")
	case errors.Is(err, store.ErrNotWaiting):
		a.refuse(w, r, dateID, f, field, "Deltageren står ikke på ventelisten.")
	case errors.Is(err, store.ErrNotFound):
		a.notFound(w, r)
	case err != nil:
		a.serverError(w, r, err)
	default:
		a.actionDone(w, r, dateID, "Deltageren har fået en plads, og der er sendt besked.")
	}
}
