package enrolment

import (
	"context"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/audit"
	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/catalog"
	"kursuskatalog/internal/mail"
	"kursuskatalog/internal/store"
)

// SaveDate saves a date's venue, times, deadline and capacity if nobody
// saved it since d.Version was read (else store.ErrConflict). A capacity
// below the seats taken is a *booking.CapacityError; new seats go to those
// waiting, in turn, and they are mailed.
func (s *Service) SaveDate(ctx context.Context, staffID int64, d store.DateEdit) error {
	now := s.now()
	return s.seatTx(ctx, func(tx pgx.Tx) error {
		old, err := store.LockDate(ctx, tx, d.ID)
		if err != nil {
			return err
		}
		if old.Version != d.Version {
			return store.ErrConflict
		}
		if old.Status == catalog.DateCancelled {
			return booking.ErrDateCancelled
		}
		seats, err := booking.NewSeats(old.Capacity, d.Capacity, old.SeatsTaken)
		if err != nil {
			return err
		}
		venues, err := store.VenueNames(ctx, tx)
		if err != nil {
			return err
		}
		changed := store.DateChanges(old, d, venues)
		if len(changed) == 0 {
			return nil
		}
		if err := store.UpdateDate(ctx, tx, d); err != nil {
			return err
		}
		promoted, err := promoteWaiting(ctx, tx, d.ID, seats, now)
		if err != nil {
			return err
		}
		if err := store.Record(ctx, tx, audit.Entry{StaffID: staffID, Entity: "course_date", EntityID: d.ID,
			Action: "update", Changes: changed}, now); err != nil {
			return err
		}
		mails, err := s.promotionMails(ctx, tx, promoted, now)
		if err != nil {
			return err
		}
		return s.record(ctx, tx, mails)
	})
}

// promoteWaiting gives up to n new seats of a locked date to those waiting
// on it, in turn.
func promoteWaiting(ctx context.Context, tx pgx.Tx, dateID int64, n int, now time.Time) ([]store.Promotion, error) {
	var out []store.Promotion
	for range n {
		p, ok, err := store.PromoteFirstWaiting(ctx, tx, dateID, now)
		if err != nil || !ok {
			return out, err
		}
		if _, err := store.TakeSeat(ctx, tx, dateID); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

// CancelDate cancels a date with a reason: every confirmed and waiting
// participant is cancelled with it and mailed, in the same transaction, so
// nobody is left unmailed and no mail goes out for a cancellation that was
// rolled back. A second cancel is booking.ErrDateCancelled; a date saved
// since version was read is store.ErrConflict.
func (s *Service) CancelDate(ctx context.Context, staffID, id int64, version int, reason string) error {
	now := s.now()
	return s.seatTx(ctx, func(tx pgx.Tx) error {
		old, err := store.LockDate(ctx, tx, id)
		if err != nil {
			return err
		}
		if old.Status == catalog.DateCancelled {
			return booking.ErrDateCancelled
		}
		if old.Version != version {
			return store.ErrConflict
		}
		seats, err := store.ActiveParticipants(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := store.CancelDateRows(ctx, tx, id, reason, now); err != nil {
			return err
		}
		if err := store.Record(ctx, tx, audit.Entry{StaffID: staffID, Entity: "course_date", EntityID: id, Action: "cancel",
			Changes: []audit.Change{{Field: "status", Old: "Planlagt", New: "Aflyst"}, {Field: "cancel_reason", New: reason},
				{Field: "participants", Old: strconv.Itoa(len(seats)), New: "0"}}}, now); err != nil {
			return err
		}
		d, err := store.DateOverviewIn(ctx, tx, id)
		if err != nil {
			return err
		}
		info := mail.CancelledDate{CourseTitle: d.CourseTitle, StartsAt: d.StartsAt, EndsAt: d.EndsAt,
			Place: d.Venue.Address(), Reason: reason}
		// Each booking's mails go together, as its booker's organisation's
		// mail server takes them.
		var order []int64
		byBooking := map[int64][]store.NewMail{}
		for _, st := range seats {
			m := mail.DateCancelledMail(info, st.Name, st.Email, st.Ref, st.Status == booking.StatusWaitlisted)
			if _, ok := byBooking[st.BookingID]; !ok {
				order = append(order, st.BookingID)
			}
			byBooking[st.BookingID] = append(byBooking[st.BookingID], about(store.MailOwner{BookingID: st.BookingID}, m)...)
		}
		for _, id := range order {
			if err := s.record(ctx, tx, byBooking[id]); err != nil {
				return err
			}
		}
		return nil
	})
}
