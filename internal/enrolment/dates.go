package enrolment

import (
	"context"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/audit"
	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/catalog"
	"kursuskatalog/internal/jobs"
	"kursuskatalog/internal/mail"
	"kursuskatalog/internal/store"
)

// SaveDate saves a date's venue, times, deadline and capacity if nobody
// saved it since d.Version was read (else store.ErrConflict). A capacity
// below the seats taken (those held for offers included) is a
// *booking.CapacityError; new seats are offered to those waiting, in
// turn. When the time or place changes, every participant with a seat
// gets the change with their calendar's update.
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
		before, err := store.BookedDates(ctx, tx, []int64{d.ID})
		if err != nil {
			return err
		}
		if err := store.UpdateDate(ctx, tx, d); err != nil {
			return err
		}
		if err := store.Record(ctx, tx, audit.Entry{StaffID: staffID, Entity: "course_date", EntityID: d.ID,
			Action: "update", Changes: changed}, now); err != nil {
			return err
		}
		var box outbox
		if err := s.dateMoved(ctx, tx, before, old, d, &box); err != nil {
			return err
		}
		if err := s.offerNewSeats(ctx, tx, d.ID, seats, now, &box); err != nil {
			return err
		}
		return s.post(ctx, tx, box, now)
	})
}

// offerNewSeats holds up to n new seats of a locked date for those
// waiting on it, in turn, and offers them.
func (s *Service) offerNewSeats(ctx context.Context, tx pgx.Tx, dateID int64, n int, now time.Time, box *outbox) error {
	for range n {
		made, err := s.offer(ctx, tx, dateID, 0, booking.CauseCapacity, now, box)
		if err != nil || !made {
			return err
		}
		if _, err := store.TakeSeat(ctx, tx, dateID); err != nil {
			return err
		}
	}
	return nil
}

// dateMoved mails every participant with a seat on a date whose time or
// place changed, with their calendar event updated, and has their
// bookings' invoice times looked at again when it starts at another time.
func (s *Service) dateMoved(ctx context.Context, tx pgx.Tx, before []booking.BookedDate, old, d store.DateEdit, box *outbox) error {
	if len(before) == 0 || (old.VenueID == d.VenueID && old.StartsAt.Equal(d.StartsAt) && old.EndsAt.Equal(d.EndsAt)) {
		return nil
	}
	seats, err := store.ActiveParticipants(ctx, tx, d.ID)
	if err != nil {
		return err
	}
	recs := map[int64]booking.Receipt{}
	for _, st := range seats {
		if st.Status != booking.StatusConfirmed {
			continue
		}
		rec, ok := recs[st.BookingID]
		if !ok {
			if rec, err = store.ReceiptOf(ctx, tx, st.BookingID); err != nil {
				return err
			}
			recs[st.BookingID] = rec
		}
		box.add(rec.ID, mail.DateChangedMail(rec, seatIn(rec, st.ID), before[0], rec.Date(d.ID)))
	}
	if old.StartsAt.Equal(d.StartsAt) {
		return nil
	}
	// The invoice time follows the first course: each booking's job looks
	// again (and waits for the new time when it is later).
	var bills []jobs.BillAt
	for id := range recs {
		bills = append(bills, jobs.BillAt{BookingID: id, At: s.now()})
	}
	return s.queue.Bill(ctx, tx, bills...)
}

// CancelDate cancels a date with a reason: every confirmed and waiting
// participant is cancelled with it, free of charge and without touching
// a bundle price of their other seats (COK cancelled, not they), and
// mailed with their calendar's cancel; open offers are withdrawn. All in
// the same transaction, so nobody is left unmailed and no mail goes out
// for a cancellation that was rolled back. A second cancel is
// booking.ErrDateCancelled; a date saved since version was read is
// store.ErrConflict.
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
		dates, err := store.BookedDates(ctx, tx, []int64{id})
		if err != nil {
			return err
		}
		if err := s.recordDateCancelled(ctx, tx, seats, id, now); err != nil {
			return err
		}
		if err := store.WithdrawDateOffers(ctx, tx, id, now); err != nil {
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
		if len(dates) == 0 {
			o, err := store.DateOverviewIn(ctx, tx, id)
			if err != nil {
				return err
			}
			dates = []booking.BookedDate{{CourseDate: o.CourseDate, CourseTitle: o.CourseTitle, CourseSlug: o.CourseSlug}}
		}
		return s.mailDateCancelled(ctx, tx, dates[0], seats, reason, now)
	})
}

// mailDateCancelled records the mail of a cancelled date to each of its
// participants. Each booking's mails go together (a send job each), as
// its booker's organisation's mail server takes them.
func (s *Service) mailDateCancelled(ctx context.Context, tx pgx.Tx, d booking.BookedDate, seats []store.CancelledSeat, reason string, now time.Time) error {
	var order []int64
	byBooking := map[int64]outbox{}
	for _, st := range seats {
		m := mail.DateCancelledMail(d, reason, st.Name, st.Email, st.Ref, st.Status == booking.StatusWaitlisted)
		if _, ok := byBooking[st.BookingID]; !ok {
			order = append(order, st.BookingID)
		}
		box := byBooking[st.BookingID]
		box.add(st.BookingID, m)
		byBooking[st.BookingID] = box
	}
	for _, id := range order {
		if err := s.post(ctx, tx, byBooking[id], now); err != nil {
			return err
		}
	}
	return nil
}

// recordDateCancelled records, for each booking with a participant on a
// date COK cancels, what it costs without its seats there.
func (s *Service) recordDateCancelled(ctx context.Context, tx pgx.Tx, seats []store.CancelledSeat, dateID int64, now time.Time) error {
	done := map[int64]bool{}
	for _, st := range seats {
		if done[st.BookingID] {
			continue
		}
		done[st.BookingID] = true
		rec, err := store.ReceiptOf(ctx, tx, st.BookingID)
		if err != nil {
			return err
		}
		if c, ok := booking.DateCancelled(rec, dateID); ok {
			if err := s.recordChange(ctx, tx, rec.ID, c, store.BySystem, 0, now); err != nil {
				return err
			}
		}
	}
	return nil
}
