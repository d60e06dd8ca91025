package enrolment

import (
	"context"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/audit"
	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/mail"
	"kursuskatalog/internal/store"
)

// The booker's own changes, from the manage link: cancelling seats and
// handing a seat on.

// cancelledByBooker is the reason stored with a booker's own cancellation.
const cancelledByBooker = "Afmeldt af bookeren"

// CancelSeats cancels seats of the booking a manage link opens (every seat
// when none are named), free of charge before the deadline
// (booking.ToCancel). Each seat freed goes to the first on its date's
// waiting list. The booker, the participants and whoever got a seat are
// mailed. Nothing to cancel is store.ErrNotFound.
func (s *Service) CancelSeats(ctx context.Context, manageToken string, seatIDs []int64) error {
	now := s.now()
	return s.seatTx(ctx, func(tx pgx.Tx) error {
		id, err := store.BookingByManageToken(ctx, tx, HashToken(manageToken))
		if err != nil {
			return err
		}
		dates, err := store.LockBookingDates(ctx, tx, id)
		if err != nil {
			return err
		}
		seats, err := store.SeatsOf(ctx, tx, id)
		if err != nil {
			return err
		}
		cancelled, err := booking.ToCancel(seats, dates, seatIDs, now)
		if err != nil {
			return err
		}
		if len(cancelled) == 0 {
			return store.ErrNotFound
		}
		if err := store.CancelParticipants(ctx, tx, seatIDsOf(cancelled), cancelledByBooker, now); err != nil {
			return err
		}
		promoted, err := passOn(ctx, tx, booking.Freed(cancelled), now)
		if err != nil {
			return err
		}
		rec, err := store.ReceiptOf(ctx, tx, id)
		if err != nil {
			return err
		}
		for _, st := range cancelled {
			if err := store.Record(ctx, tx, audit.Entry{Actor: bookerActor(rec), Entity: "participant", EntityID: st.ID,
				Action: "booker_cancel", Changes: []audit.Change{{Field: "status", Old: audit.StatusText(st.Status),
					New: audit.StatusText(booking.StatusCancelled)}}}, now); err != nil {
				return err
			}
		}
		others, err := s.promotionMails(ctx, tx, promoted, now)
		if err != nil {
			return err
		}
		return s.record(ctx, tx, append(about(store.MailOwner{BookingID: rec.ID}, mail.CancelledMails(rec, cancelled)...), others...))
	})
}

// Substitute names a colleague who takes a participant's seat in the
// booking a manage link opens, until the course starts.
func (s *Service) Substitute(ctx context.Context, manageToken string, seatID int64, sub booking.Person) error {
	now := s.now()
	return s.store.InTx(ctx, func(tx pgx.Tx) error {
		bookingID, old, d, err := store.LockSeatOfBooking(ctx, tx, HashToken(manageToken), seatID)
		if err != nil {
			return err
		}
		if err := booking.CheckSubstitute(d, now); err != nil {
			return err
		}
		if err := store.SubstituteSeat(ctx, tx, seatID, sub); err != nil {
			return personError(err, sub.Email)
		}
		rec, err := store.ReceiptOf(ctx, tx, bookingID)
		if err != nil {
			return err
		}
		if err := store.Record(ctx, tx, substituteEntry(0, bookerActor(rec), seatID, old, sub), now); err != nil {
			return err
		}
		return s.record(ctx, tx, about(store.MailOwner{BookingID: rec.ID},
			mail.SubstituteMails(rec, old, seatIn(rec, seatID), s.links(), now)...))
	})
}

// passOn gives each freed seat (a date id per seat) to the first waiting on
// its date, or back to the date when nobody waits.
func passOn(ctx context.Context, tx pgx.Tx, freed []int64, now time.Time) ([]store.Promotion, error) {
	var out []store.Promotion
	for _, dateID := range freed {
		p, ok, err := store.PromoteFirstWaiting(ctx, tx, dateID, now)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, p)
			continue
		}
		if err := store.ReleaseSeat(ctx, tx, dateID); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// promotionMails are the mails to everyone who got a seat from a waiting
// list, and their bookers.
func (s *Service) promotionMails(ctx context.Context, tx pgx.Tx, promoted []store.Promotion, now time.Time) ([]store.NewMail, error) {
	var out []store.NewMail
	for _, p := range promoted {
		other, err := store.ReceiptOf(ctx, tx, p.BookingID)
		if err != nil {
			return nil, err
		}
		out = append(out, about(store.MailOwner{BookingID: other.ID},
			mail.PromotedMail(other, seatIn(other, p.Seat.ID), s.links(), now)...)...)
	}
	return out, nil
}

// personError is the booking error of a person put on a date they are on.
func personError(err error, email string) error {
	if errors.Is(err, store.ErrPersonTaken) {
		return &booking.AlreadyBookedError{Email: email}
	}
	return err
}

func seatIDsOf(seats []booking.Seat) []int64 {
	ids := make([]int64, len(seats))
	for i, st := range seats {
		ids[i] = st.ID
	}
	return ids
}

func seatIn(r booking.Receipt, seatID int64) booking.Seat {
	for _, st := range r.Seats {
		if st.ID == seatID {
			return st
		}
	}
	return booking.Seat{}
}

// bookerActor names the booker in the audit log when they act from their
// manage link.
func bookerActor(r booking.Receipt) string {
	return "Bookeren " + r.BookerName + " (" + r.BookerEmail + ")"
}
