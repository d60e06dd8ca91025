package enrolment

import (
	"context"

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
// deadline, with a reason that goes into the mail. A freed seat goes to
// the first on the date's waiting list, who is mailed too.
func (s *Service) StaffCancel(ctx context.Context, staffID, seatID int64, reason string) error {
	now := s.now()
	return s.seatTx(ctx, func(tx pgx.Tx) error {
		ref, err := store.LockSeat(ctx, tx, seatID, 0)
		if err != nil {
			return err
		}
		if err := booking.CheckActive(ref.Status); err != nil {
			return err
		}
		if err := store.CancelParticipants(ctx, tx, []int64{seatID}, reason, now); err != nil {
			return err
		}
		var freed []int64
		if ref.Status == booking.StatusConfirmed {
			freed = []int64{ref.DateID}
		}
		promoted, err := passOn(ctx, tx, freed, now)
		if err != nil {
			return err
		}
		if err := store.Record(ctx, tx, audit.Entry{StaffID: staffID, Entity: "participant", EntityID: seatID, Action: "cancel",
			Changes: []audit.Change{{Field: "status", Old: audit.StatusText(ref.Status), New: audit.StatusText(booking.StatusCancelled)},
				{Field: "cancel_reason", New: reason}}}, now); err != nil {
			return err
		}
		rec, err := store.ReceiptOf(ctx, tx, ref.BookingID)
		if err != nil {
			return err
		}
		cancelled := seatIn(rec, seatID)
		others, err := s.promotionMails(ctx, tx, promoted, now)
		if err != nil {
			return err
		}
		return s.record(ctx, tx, append(about(store.MailOwner{BookingID: rec.ID},
			mail.StaffCancelledMails(rec, cancelled, rec.Date(cancelled.DateID), reason)...), others...))
	})
}

// Promote gives a participant on the waiting list a free seat, out of turn
// if staff so decide; it refuses when the date is full.
func (s *Service) Promote(ctx context.Context, staffID, seatID int64) error {
	now := s.now()
	return s.seatTx(ctx, func(tx pgx.Tx) error {
		ref, err := store.LockSeat(ctx, tx, seatID, 0)
		if err != nil {
			return err
		}
		if err := booking.CheckPromote(ref.Status, ref.Date); err != nil {
			return err
		}
		if _, err := store.TakeSeat(ctx, tx, ref.DateID); err != nil {
			return err
		}
		if err := store.ConfirmParticipant(ctx, tx, seatID, now); err != nil {
			return err
		}
		if err := store.Record(ctx, tx, audit.Entry{StaffID: staffID, Entity: "participant", EntityID: seatID, Action: "promote",
			Changes: []audit.Change{{Field: "status", Old: audit.StatusText(ref.Status), New: audit.StatusText(booking.StatusConfirmed)}}},
			now); err != nil {
			return err
		}
		rec, err := store.ReceiptOf(ctx, tx, ref.BookingID)
		if err != nil {
			return err
		}
		return s.record(ctx, tx, about(store.MailOwner{BookingID: rec.ID},
			mail.PromotedMail(rec, seatIn(rec, seatID), s.links(), now)...))
	})
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
		return s.record(ctx, tx, about(store.MailOwner{BookingID: rec.ID},
			mail.SubstituteMails(rec, seatIn(before, seatID), seatIn(rec, seatID), s.links(), now)...))
	})
}

// Move puts a participant on another planned date of the same course
// (booking.PlanMove) and returns where they are now. A seat left behind
// goes to the first waiting on the old date.
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
		if plan.Seat {
			if _, err := store.TakeSeat(ctx, tx, toDateID); err != nil {
				return err
			}
		}
		if err := store.MoveParticipant(ctx, tx, seatID, toDateID, plan.Seat, plan.Binding, now); err != nil {
			return personError(err, "")
		}
		var freed []int64
		if plan.Frees {
			freed = []int64{from.ID}
		}
		promoted, err := passOn(ctx, tx, freed, now)
		if err != nil {
			return err
		}
		if err := store.Record(ctx, tx, audit.Entry{StaffID: staffID, Entity: "participant", EntityID: seatID, Action: "move",
			Changes: audit.Changes{{Field: "date", Old: dateText(from), New: dateText(to)},
				{Field: "status", Old: audit.StatusText(ref.Status), New: audit.StatusText(moveStatus(plan.Seat))}}}, now); err != nil {
			return err
		}
		rec, err := store.ReceiptOf(ctx, tx, ref.BookingID)
		if err != nil {
			return err
		}
		moved = seatIn(rec, seatID)
		others, err := s.promotionMails(ctx, tx, promoted, now)
		if err != nil {
			return err
		}
		return s.record(ctx, tx, append(about(store.MailOwner{BookingID: rec.ID},
			mail.MovedMails(rec, moved, from, rec.Date(moved.DateID), s.links(), now)...), others...))
	})
	return moved, err
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
