package enrolment

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/audit"
	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/catalog"
	"kursuskatalog/internal/mail"
	"kursuskatalog/internal/store"
)

// The staff's actions on one participant, from a date's page. Each is
// audited with the member of staff who did it, and mails whom it concerns.

// StaffCancel cancels a participant on their behalf, also after the
// deadline, with a reason that goes into the mail. It costs what the
// booker's own cancellation would (booking.PlanStaffCancel), unless staff
// waive that. A freed seat is offered to the first on the date's waiting
// list.
func (s *Service) StaffCancel(ctx context.Context, staffID, seatID int64, reason string, waive bool) error {
	now := s.now()
	return s.seatTx(ctx, func(tx pgx.Tx) error {
		ref, err := store.LockSeat(ctx, tx, seatID, 0)
		if err != nil {
			return err
		}
		if err := booking.CheckActive(ref.Status); err != nil {
			return err
		}
		rec, err := store.ReceiptOf(ctx, tx, ref.BookingID)
		if err != nil {
			return err
		}
		plan, err := booking.PlanStaffCancel(rec, seatID, waive, now)
		if err != nil {
			return err
		}
		var box outbox
		mails := func(after booking.Receipt, p booking.CancelPlan) []mail.Message {
			return mail.StaffCancelledMails(after, p, reason)
		}
		if err := s.cancel(ctx, tx, rec, plan, reason, store.ByStaff, staffID, now, &box, mails); err != nil {
			return err
		}
		if err := store.Record(ctx, tx, staffCancelEntry(staffID, ref.Status, plan, seatID, reason), now); err != nil {
			return err
		}
		return s.post(ctx, tx, box, now)
	})
}

// Promote gives a participant on the waiting list a seat by hand: the
// seat offered to them, if any (staff say yes for them, as they would
// have), else a free seat, out of turn if staff so decide. It refuses
// when there is neither. After the deadline the seat binds.
func (s *Service) Promote(ctx context.Context, staffID, seatID int64) error {
	now := s.now()
	return s.seatTx(ctx, func(tx pgx.Tx) error {
		ref, err := store.LockSeat(ctx, tx, seatID, 0)
		if err != nil {
			return err
		}
		o, offered, err := store.OpenOfferOf(ctx, tx, seatID)
		if err != nil {
			return err
		}
		if err := booking.CheckPromote(ref.Status, offered, ref.Date); err != nil {
			return err
		}
		var box outbox
		if offered {
			err = s.accept(ctx, tx, o, ref.Date, store.ByStaff, staffID, now, &box)
		} else {
			err = s.promote(ctx, tx, ref, staffID, now, &box)
		}
		if err != nil {
			return err
		}
		if err := store.Record(ctx, tx, audit.Entry{StaffID: staffID, Entity: "participant", EntityID: seatID, Action: "promote",
			Changes: []audit.Change{{Field: "status", Old: audit.StatusText(ref.Status), New: audit.StatusText(booking.StatusConfirmed)}}},
			now); err != nil {
			return err
		}
		return s.post(ctx, tx, box, now)
	})
}

// promote gives a waiting participant a free seat of their locked date.
func (s *Service) promote(ctx context.Context, tx pgx.Tx, ref store.SeatRef, staffID int64, now time.Time, box *outbox) error {
	if _, err := store.TakeSeat(ctx, tx, ref.DateID); err != nil {
		return err
	}
	before, err := store.ReceiptOf(ctx, tx, ref.BookingID)
	if err != nil {
		return err
	}
	change, ok := booking.SeatTaken(before, ref.ID)
	if !ok {
		return booking.ErrNotWaiting
	}
	if err := store.ConfirmParticipant(ctx, tx, ref.ID, booking.AcceptBinds(ref.Date, now), now); err != nil {
		return err
	}
	if err := s.recordChange(ctx, tx, ref.BookingID, change, store.ByStaff, staffID, now); err != nil {
		return err
	}
	rec, err := store.ReceiptOf(ctx, tx, ref.BookingID)
	if err != nil {
		return err
	}
	box.add(rec.ID, mail.PromotedMail(rec, seatIn(rec, ref.ID), now)...)
	return nil
}

// StaffSubstitute names a colleague who takes a participant's seat; staff
// may do it whatever the phase.
func (s *Service) StaffSubstitute(ctx context.Context, staffID, seatID int64, sub booking.Person) error {
	now := s.now()
	return s.store.InTx(ctx, func(tx pgx.Tx) error {
		ref, err := store.LockSeat(ctx, tx, seatID, 0)
		if err != nil {
			return err
		}
		if err := booking.CheckActive(ref.Status); err != nil {
			return err
		}
		before, err := store.ReceiptOf(ctx, tx, ref.BookingID)
		if err != nil {
			return err
		}
		if err := store.SubstituteSeat(ctx, tx, seatID, sub); err != nil {
			return personError(err, sub.Email)
		}
		if err := store.Record(ctx, tx, substituteEntry(staffID, "", seatID, seatIn(before, seatID), sub), now); err != nil {
			return err
		}
		rec, err := store.ReceiptOf(ctx, tx, ref.BookingID)
		if err != nil {
			return err
		}
		var box outbox
		box.add(rec.ID, mail.SubstituteMails(rec, seatIn(before, seatID), seatIn(rec, seatID), now)...)
		return s.post(ctx, tx, box, now)
	})
}

// Move puts a participant on another planned date of the same course
// (booking.PlanMove) and returns where they are now. A seat left behind
// is offered to the first waiting on the old date; an offer open to them
// there is withdrawn. When the move changes what the booking costs (a
// waiting place becomes a seat, or the other way), that is a change.
func (s *Service) Move(ctx context.Context, staffID, seatID, toDateID int64) (booking.Seat, error) {
	now := s.now()
	var moved booking.Seat
	err := s.seatTx(ctx, func(tx pgx.Tx) error {
		ref, err := store.LockSeat(ctx, tx, seatID, toDateID)
		if err != nil {
			return err
		}
		from, to, err := datePair(ctx, tx, ref.DateID, toDateID)
		if err != nil {
			return err
		}
		plan, err := booking.PlanMove(ref.Status, ref.Binding, from, to, now)
		if err != nil {
			return err
		}
		before, err := store.ReceiptOf(ctx, tx, ref.BookingID)
		if err != nil {
			return err
		}
		if err := s.moveSeat(ctx, tx, ref, plan, toDateID, now); err != nil {
			return err
		}
		rec, err := store.ReceiptOf(ctx, tx, ref.BookingID)
		if err != nil {
			return err
		}
		if c, ok := booking.Moved(before, rec, seatID); ok {
			if err := s.recordChange(ctx, tx, rec.ID, c, store.ByStaff, staffID, now); err != nil {
				return err
			}
		}
		if err := store.Record(ctx, tx, audit.Entry{StaffID: staffID, Entity: "participant", EntityID: seatID, Action: "move",
			Changes: audit.Changes{{Field: "date", Old: dateText(from), New: dateText(to)},
				{Field: "status", Old: audit.StatusText(ref.Status), New: audit.StatusText(moveStatus(plan.Seat))}}}, now); err != nil {
			return err
		}
		moved = seatIn(rec, seatID)
		var box outbox
		box.add(rec.ID, mail.MovedMails(rec, seatIn(before, seatID), moved, from, rec.Date(moved.DateID), now)...)
		if plan.Frees {
			if err := s.offerFreed(ctx, tx, []freedSeat{{dateID: from.ID, cause: booking.CauseMoved}}, now, &box); err != nil {
				return err
			}
		}
		return s.post(ctx, tx, box, now)
	})
	return moved, err
}

// moveSeat moves a participant's row to another date, into a seat taken
// there or onto its waiting list, withdrawing an offer open to them.
func (s *Service) moveSeat(ctx context.Context, tx pgx.Tx, ref store.SeatRef, plan booking.Move, toDateID int64, now time.Time) error {
	if plan.Seat {
		if _, err := store.TakeSeat(ctx, tx, toDateID); err != nil {
			return err
		}
	}
	if err := s.withdraw(ctx, tx, []int64{ref.ID}, now); err != nil {
		return err
	}
	if err := store.MoveParticipant(ctx, tx, ref.ID, toDateID, plan.Seat, plan.Binding, now); err != nil {
		return personError(err, "")
	}
	return nil
}

// datePair reads the date a participant leaves and the one they go to.
func datePair(ctx context.Context, tx pgx.Tx, fromID, toID int64) (from, to booking.BookedDate, err error) {
	pair, err := store.BookedDates(ctx, tx, []int64{fromID, toID})
	for _, d := range pair {
		switch d.ID {
		case fromID:
			from = d
		case toID:
			to = d
		}
	}
	return from, to, err
}

// substituteEntry is the audit entry of a seat handed from old to sub, by
// staff (staffID) or by the booker (actor).
func substituteEntry(staffID int64, actor string, seatID int64, old booking.Seat, sub booking.Person) audit.Entry {
	var c audit.Changes
	c.Add("name", old.Name, sub.Name)
	c.Add("email", old.Email, sub.Email)
	c.Add("job_title", old.JobTitle, sub.JobTitle)
	if !audit.Same(old.Diet, sub.Diet) || !audit.Same(old.Accessibility, sub.Accessibility) {
		// Health data: the log says that it changed, not what it is.
		c = append(c, audit.Change{Field: "diet", Old: "(skjult)", New: "(skjult)"})
	}
	action := "substitute"
	if actor != "" {
		action = "booker_substitute"
	}
	return audit.Entry{StaffID: staffID, Actor: actor, Entity: "participant", EntityID: seatID, Action: action, Changes: c}
}

// dateText names a date in the log: "03.03.2027, Odense NV".
func dateText(d booking.BookedDate) string {
	return catalog.FormatDate(d.StartsAt) + ", " + d.Venue.City
}

func moveStatus(seat bool) string {
	if seat {
		return booking.StatusConfirmed
	}
	return booking.StatusWaitlisted
}

// staffCancelEntry is the audit entry of staff cancelling seat seatID
// (status old) as plan planned it, with the reason and whether it is paid.
func staffCancelEntry(staffID int64, old string, plan booking.CancelPlan, seatID int64, reason string) audit.Entry {
	charged := "Nej"
	for _, c := range plan.Seats {
		if c.ID == seatID && c.Charged {
			charged = "Ja"
		}
	}
	return audit.Entry{StaffID: staffID, Entity: "participant", EntityID: seatID, Action: "cancel",
		Changes: audit.Changes{{Field: "status", Old: audit.StatusText(old), New: audit.StatusText(booking.StatusCancelled)},
			{Field: "cancel_reason", New: reason}, {Field: "charged", New: charged}}}
}
