package enrolment

import (
	"context"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/audit"
	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/catalog"
	"kursuskatalog/internal/diploma"
	"kursuskatalog/internal/mail"
	"kursuskatalog/internal/store"
)

// A participant's own page, opened by their personal link: their seats,
// their residential details, the diploma and the evaluation.

// MySeats loads what a personal link opens (store.ErrNotFound for none).
func (s *Service) MySeats(ctx context.Context, token string) (booking.MySeats, error) {
	return store.SeatsByLink(ctx, s.store.Pool, HashToken(token))
}

// lockMySeat locks the seat a personal link opens and reads the link's
// seats and dates after the lock.
func lockMySeat(ctx context.Context, tx pgx.Tx, token string, seatID int64) (booking.MySeats, booking.MySeat, error) {
	hash := HashToken(token)
	if err := store.LockSeatByLink(ctx, tx, hash, seatID); err != nil {
		return booking.MySeats{}, booking.MySeat{}, err
	}
	m, err := store.SeatsByLink(ctx, tx, hash)
	if err != nil {
		return m, booking.MySeat{}, err
	}
	seat, ok := m.Seat(seatID)
	if !ok {
		return m, seat, store.ErrNotFound
	}
	return m, seat, nil
}

// ErrNotResidential means residential details were sent for a date whose
// course has no overnight stay.
var ErrNotResidential = errors.New("enrolment: the course has no stay")

// SaveStay saves a participant's own residential details (and diet and
// accessibility) on a seat of a residential course, until it starts
// (booking.CheckStayChange).
func (s *Service) SaveStay(ctx context.Context, token string, seatID int64, diet, access string, st booking.Stay) error {
	now := s.now()
	return s.store.InTx(ctx, func(tx pgx.Tx) error {
		m, seat, err := lockMySeat(ctx, tx, token, seatID)
		if err != nil {
			return err
		}
		d := m.Date(seat.DateID)
		if !d.Residential {
			return ErrNotResidential
		}
		if err := booking.CheckStayChange(d.CourseDate, seat.Status, now); err != nil {
			return err
		}
		return store.UpdateStay(ctx, tx, seatID, diet, access, st)
	})
}

// Evaluate records a participant's anonymous answer to the evaluation of
// a date they attended, once (booking.CheckEvaluation).
func (s *Service) Evaluate(ctx context.Context, token string, seatID int64, a booking.Answer) error {
	now := s.now()
	return s.store.InTx(ctx, func(tx pgx.Tx) error {
		m, seat, err := lockMySeat(ctx, tx, token, seatID)
		if err != nil {
			return err
		}
		if err := booking.CheckEvaluation(m.Date(seat.DateID).CourseDate, m.Attended(seat), seat.Evaluated, now); err != nil {
			return err
		}
		return store.SaveEvaluation(ctx, tx, seatID, seat.DateID, a)
	})
}

// ErrNoDiploma means the seat has no diploma: its holder did not attend,
// or the course has not ended.
var ErrNoDiploma = errors.New("enrolment: no diploma for this seat")

// Diploma makes the diploma PDF of a seat a personal link opens, and its
// file name: the same document the after-course mail carried.
func (s *Service) Diploma(ctx context.Context, token string, seatID int64) ([]byte, string, error) {
	m, err := s.MySeats(ctx, token)
	if err != nil {
		return nil, "", err
	}
	seat, ok := m.Seat(seatID)
	if !ok {
		return nil, "", store.ErrNotFound
	}
	d := m.Date(seat.DateID)
	if !m.Attended(seat) || s.now().Before(d.EndsAt) {
		return nil, "", ErrNoDiploma
	}
	p, err := store.PracticalOf(ctx, s.store.Pool, d.ID)
	if err != nil {
		return nil, "", err
	}
	pdf, err := diploma.PDF(DiplomaOf(p, seat.Name, seat.ID))
	return pdf, mail.DiplomaFileName(d.CourseSlug), err
}

// MarkAttendance marks a confirmed participant of a date present or absent
// on one of its days (booking.CheckAttendanceDay), audited. Marked after
// the course, an attendee's diploma and evaluation mail is queued at once.
func (s *Service) MarkAttendance(ctx context.Context, staffID, dateID, seatID int64, day time.Time, present bool) error {
	now := s.now()
	return s.store.InTx(ctx, func(tx pgx.Tx) error {
		ds, err := store.DatesByID(ctx, tx, []int64{dateID})
		if err != nil {
			return err
		}
		if len(ds) == 0 {
			return store.ErrNotFound
		}
		d := ds[0].CourseDate
		if err := booking.CheckAttendanceDay(d, day, now); err != nil {
			return err
		}
		if err := store.SetAttendance(ctx, tx, dateID, seatID, day, present, staffID, now); err != nil {
			return err
		}
		if err := store.Record(ctx, tx, audit.Entry{StaffID: staffID, Entity: "participant", EntityID: seatID, Action: "attendance",
			Changes: audit.Changes{{Field: "present", New: catalog.FormatDate(day) + ": " + presentText(present)}}}, now); err != nil {
			return err
		}
		if present && booking.AfterCourseNow(d, now) {
			return s.queue.AfterCourse(ctx, tx, dateID)
		}
		return nil
	})
}

func presentText(present bool) string {
	if present {
		return "til stede"
	}
	return "fraværende"
}
