package enrolment

import (
	"context"
	"errors"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/catalog"
	"kursuskatalog/internal/diploma"
	"kursuskatalog/internal/mail"
	"kursuskatalog/internal/store"
)

// After the booking: the practical information before the start, and the
// diploma and evaluation after the course, mailed by River jobs; the
// participant's own page (a personal link); attendance at the door.

// linkMaker makes personal links in a transaction: each mail that carries one
// gets a new token, and only its hash is stored.
type linkMaker struct {
	base string
	new  []store.NewLink
}

// url makes a link for the person with email in a booking.
func (l *linkMaker) url(bookingID int64, email string) string {
	t := NewToken()
	l.new = append(l.new, store.NewLink{Hash: HashToken(t), BookingID: bookingID, Email: email})
	return l.base + "/min-plads/" + t
}

func (l *linkMaker) save(ctx context.Context, tx pgx.Tx, now time.Time) error {
	return store.InsertLinks(ctx, tx, l.new, now)
}

// QueueDueCourseMails queues the job of every date whose practical
// information or after-course mail is due and not sent to everyone yet.
// It runs periodically (jobs.CourseMailsEvery); the jobs do the work.
func (s *Service) QueueDueCourseMails(ctx context.Context) error {
	now := s.now()
	remind, err := s.store.DatesToRemind(ctx, now)
	if err != nil {
		return err
	}
	after, err := s.store.DatesAfterCourse(ctx, now)
	if err != nil {
		return err
	}
	return s.store.InTx(ctx, func(tx pgx.Tx) error {
		for _, d := range remind {
			if booking.RemindNow(d.CourseDate, d.ReminderDays, now) {
				if err := s.queue.RemindDate(ctx, tx, d.ID); err != nil {
					return err
				}
			}
		}
		for _, d := range after {
			if booking.AfterCourseNow(d.CourseDate, now) {
				if err := s.queue.AfterCourse(ctx, tx, d.ID); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// SendReminders mails the practical information of a date to each
// confirmed participant who has not had it, if it is due (a job for a
// date since moved finds it not due and does nothing), each with a new
// personal link, and records that they had it, in one transaction.
func (s *Service) SendReminders(ctx context.Context, dateID int64) error {
	now := s.now()
	return s.store.InTx(ctx, func(tx pgx.Tx) error {
		p, err := store.PracticalOf(ctx, tx, dateID)
		if err != nil || !booking.RemindNow(p.Date.CourseDate, p.Date.ReminderDays, now) {
			return ignoreNotFound(err)
		}
		rs, err := store.LockRecipients(ctx, tx, dateID, false)
		if err != nil || len(rs) == 0 {
			return err
		}
		l := &linkMaker{base: s.baseURL}
		var box outbox
		ids := make([]int64, len(rs))
		for i, r := range rs {
			ids[i] = r.SeatID
			box.add(r.BookingID, mail.ReminderMail(p, r, l.url(r.BookingID, r.Email)))
		}
		if err := l.save(ctx, tx, now); err != nil {
			return err
		}
		if err := store.MarkMailed(ctx, tx, ids, false, now); err != nil {
			return err
		}
		return s.post(ctx, tx, box, now)
	})
}

// SendAfterCourse mails each participant of an ended date who attended
// (booking.Attended) and has not had it their diploma as a PDF and the
// link to the evaluation, and records it, in one transaction. Those who
// did not attend get nothing (marked present later, within
// booking.AfterCourseWindow, they get it then).
func (s *Service) SendAfterCourse(ctx context.Context, dateID int64) error {
	now := s.now()
	return s.store.InTx(ctx, func(tx pgx.Tx) error {
		p, err := store.PracticalOf(ctx, tx, dateID)
		if err != nil || !booking.AfterCourseNow(p.Date.CourseDate, now) {
			return ignoreNotFound(err)
		}
		rs, err := store.LockRecipients(ctx, tx, dateID, true)
		if err != nil {
			return err
		}
		days := booking.CourseDays(p.Date.StartsAt, p.Date.EndsAt)
		l := &linkMaker{base: s.baseURL}
		var mails []store.NewMail
		var ids []int64
		for _, r := range rs {
			if !booking.Attended(days, r.Marks) {
				continue
			}
			pdf, err := diploma.PDF(DiplomaOf(p, r.Name, r.SeatID))
			if err != nil {
				return err
			}
			my := l.url(r.BookingID, r.Email)
			m := mail.AfterCourseMail(p, r, my, my+"/evaluering/"+strconv.FormatInt(r.SeatID, 10), pdf)
			mails = append(mails, about(store.MailOwner{BookingID: r.BookingID}, m)...)
			ids = append(ids, r.SeatID)
		}
		if len(ids) == 0 {
			return nil
		}
		if err := l.save(ctx, tx, now); err != nil {
			return err
		}
		if err := store.MarkMailed(ctx, tx, ids, true, now); err != nil {
			return err
		}
		return s.record(ctx, tx, mails)
	})
}

// DiplomaOf is what the diploma of the participant in seat says. It is
// dated the course's last day, so every copy of it is the same.
func DiplomaOf(p booking.Practical, name string, seatID int64) diploma.Data {
	d := p.Date
	return diploma.Data{Name: name, CourseTitle: d.CourseTitle, StartsAt: d.StartsAt, EndsAt: d.EndsAt,
		Place: d.Venue.Name + ", " + d.Venue.City, Minutes: p.DiplomaMinutes,
		ContentIntro: p.ContentIntro, Bullets: p.ContentBullets, Issued: d.EndsAt.In(catalog.Copenhagen),
		Number: strconv.FormatInt(d.ID, 10) + "-" + strconv.FormatInt(seatID, 10)}
}

// ignoreNotFound: a date deleted meanwhile has nothing to mail.
func ignoreNotFound(err error) error {
	if errors.Is(err, store.ErrNotFound) {
		return nil
	}
	return err
}

// remindLate queues the practical information of the dates of new
// bookings whose reminder is due already: a booking made after it went
// out gets it at once.
func (s *Service) remindLate(ctx context.Context, tx pgx.Tx, recs []booking.Receipt) error {
	now := s.now()
	queued := map[int64]bool{}
	for _, r := range recs {
		for _, d := range r.Dates {
			if queued[d.ID] || !booking.RemindNow(d.CourseDate, d.ReminderDays, now) || len(confirmedOn(r, d.ID)) == 0 {
				continue
			}
			queued[d.ID] = true
			if err := s.queue.RemindDate(ctx, tx, d.ID); err != nil {
				return err
			}
		}
	}
	return nil
}

func confirmedOn(r booking.Receipt, dateID int64) []booking.Seat {
	var out []booking.Seat
	for _, s := range r.SeatsOn(dateID) {
		if s.Status == booking.StatusConfirmed {
			out = append(out, s)
		}
	}
	return out
}
