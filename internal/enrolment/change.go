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

// The booker's own changes, from the manage link: cancelling seats or the
// whole booking (with a confirmation step), leaving a waiting list, and
// handing a seat on.

// cancelledByBooker is the reason stored with a booker's own cancellation.
const cancelledByBooker = "Afmeldt af bookeren"

// CancelPreview is what cancelling would do, for the confirmation step.
type CancelPreview struct {
	Receipt booking.Receipt
	Plan    booking.CancelPlan
	Waiting map[int64]int // how many wait on each date of the booking
}

// PreviewCancel works out what cancelling the seats named (the whole
// booking when none are) of the booking a manage link opens would do now:
// booking.PlanCancel, and how many wait for each seat it frees.
func (s *Service) PreviewCancel(ctx context.Context, manageToken string, seatIDs []int64) (CancelPreview, error) {
	rec, err := s.store.ReceiptByManageToken(ctx, HashToken(manageToken))
	if err != nil {
		return CancelPreview{}, err
	}
	p := CancelPreview{Receipt: rec}
	if p.Plan, err = booking.PlanCancel(rec, seatIDs, s.now()); err != nil {
		return p, err
	}
	p.Waiting, err = s.store.WaitingCounts(ctx, p.Plan.Frees())
	return p, err
}

// CancelSeats cancels the seats named (the whole booking when none are)
// of the booking a manage link opens, as booking.PlanCancel plans it, when
// the plan is still the one confirmed (its Key; booking.ErrPlanChanged
// when not). The cancellation is recorded as a change; bundle prices that
// no longer hold are repriced; each seat freed is offered to the first on
// its date's waiting list; an offer open to a participant leaving a
// waiting list is withdrawn. The booker, the participants and whoever is
// offered a seat are mailed.
func (s *Service) CancelSeats(ctx context.Context, manageToken string, seatIDs []int64, confirmed string) error {
	now := s.now()
	return s.seatTx(ctx, func(tx pgx.Tx) error {
		id, err := store.BookingByManageToken(ctx, tx, HashToken(manageToken))
		if err != nil {
			return err
		}
		if _, err := store.LockBookingDates(ctx, tx, id); err != nil {
			return err
		}
		rec, err := store.ReceiptOf(ctx, tx, id)
		if err != nil {
			return err
		}
		plan, err := booking.PlanCancel(rec, seatIDs, now)
		if err != nil {
			return err
		}
		if plan.Key() != confirmed {
			return booking.ErrPlanChanged
		}
		var box outbox
		if err := s.cancel(ctx, tx, rec, plan, cancelledByBooker, store.ByBooker, 0, now, &box, mail.CancelledMails); err != nil {
			return err
		}
		for _, c := range plan.Seats {
			if err := store.Record(ctx, tx, audit.Entry{Actor: bookerActor(rec), Entity: "participant", EntityID: c.ID,
				Action: "booker_cancel", Changes: audit.Changes{{Field: "status", Old: audit.StatusText(c.Status),
					New: audit.StatusText(booking.StatusCancelled)}}}, now); err != nil {
				return err
			}
		}
		return s.post(ctx, tx, box, now)
	})
}

// cancel carries out a cancel plan of booking rec, records it as a
// change, mails it (mails of the booking after it) and offers the seats
// it frees.
func (s *Service) cancel(ctx context.Context, tx pgx.Tx, rec booking.Receipt, plan booking.CancelPlan, reason, by string, staffID int64,
	now time.Time, box *outbox, mails func(booking.Receipt, booking.CancelPlan) []mail.Message) error {
	if err := store.ApplyCancel(ctx, tx, plan, reason, now); err != nil {
		return err
	}
	var waiting []int64
	var freed []freedSeat
	for _, c := range plan.Seats {
		if c.Frees() {
			freed = append(freed, freedSeat{dateID: c.DateID, freedID: c.ID, cause: booking.CauseCancelled})
		} else {
			waiting = append(waiting, c.ID)
		}
	}
	if err := s.withdraw(ctx, tx, waiting, now); err != nil {
		return err
	}
	if err := s.recordChange(ctx, tx, rec.ID, plan.Change(), by, staffID, now); err != nil {
		return err
	}
	after, err := store.ReceiptOf(ctx, tx, rec.ID)
	if err != nil {
		return err
	}
	box.add(rec.ID, mails(after, plan)...)
	return s.offerFreed(ctx, tx, freed, now, box)
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
		before, err := store.ReceiptOf(ctx, tx, bookingID)
		if err != nil {
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
		var box outbox
		box.add(rec.ID, mail.SubstituteMails(rec, seatIn(before, old.ID), seatIn(rec, seatID), now)...)
		return s.post(ctx, tx, box, now)
	})
}

// personError is the booking error of a person put on a date they are on.
func personError(err error, email string) error {
	if errors.Is(err, store.ErrPersonTaken) {
		return &booking.AlreadyBookedError{Email: email}
	}
	return err
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
