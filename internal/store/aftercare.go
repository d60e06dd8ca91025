package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/booking"
)

// After the booking: personal links, residential details, the practical
// information and after-course mails, attendance, the rooming list and
// the evaluation.

// NewLink is a personal link to store: the hash of its token and the
// person (e-mail in a booking) it opens.
type NewLink struct {
	Hash      []byte
	BookingID int64
	Email     string
}

// InsertLinks stores personal links, in one statement.
func InsertLinks(ctx context.Context, tx pgx.Tx, links []NewLink, now time.Time) error {
	if len(links) == 0 {
		return nil
	}
	hashes, bookings, emails := make([][]byte, len(links)), make([]int64, len(links)), make([]string, len(links))
	for i, l := range links {
		hashes[i], bookings[i], emails[i] = l.Hash, l.BookingID, strings.ToLower(l.Email)
	}
	_, err := tx.Exec(ctx, `
		INSERT INTO participant_links (token_hash, booking_id, email, created_at)
		SELECT u.h, u.b, u.e, $4 FROM unnest($1::bytea[], $2::bigint[], $3::text[]) AS u(h, b, e)`,
		hashes, bookings, emails, now)
	return err
}

// staySQL reads the residential details, the marks and whether the
// evaluation was answered of participant p.
const staySQL = `p.stay_overnight, p.stay_early_arrival, p.diet_allergens, p.stay_needs,
	coalesce((SELECT array_agg(a.day ORDER BY a.day) FROM attendance a WHERE a.participant_id = p.id), '{}'),
	coalesce((SELECT array_agg(a.present ORDER BY a.day) FROM attendance a WHERE a.participant_id = p.id), '{}')`

// stayScan gathers what staySQL reads.
type stayScan struct {
	overnight *bool
	early     bool
	allergens []string
	needs     string
	days      []time.Time
	present   []bool
}

func (s *stayScan) args() []any {
	return []any{&s.overnight, &s.early, &s.allergens, &s.needs, &s.days, &s.present}
}

func (s *stayScan) stay() *booking.Stay {
	if s.overnight == nil {
		return nil
	}
	return &booking.Stay{Overnight: *s.overnight, EarlyArrival: s.early, Allergens: s.allergens, Needs: s.needs}
}

func (s *stayScan) marks() []booking.Mark {
	out := make([]booking.Mark, len(s.days))
	for i := range s.days {
		out[i] = booking.Mark{Day: s.days[i], Present: s.present[i]}
	}
	return out
}

// SeatsByLink loads what a personal link opens: its person's seats in its
// booking (cancelled ones too), the booking's head and the dates.
// ErrNotFound when no link has the hash.
func SeatsByLink(ctx context.Context, db DB, hash []byte) (booking.MySeats, error) {
	var out booking.MySeats
	var email string
	err := db.QueryRow(ctx, `
		SELECT b.id, b.ref, b.booker_name, b.booker_email, b.org_name, l.email
		FROM participant_links l JOIN bookings b ON b.id = l.booking_id WHERE l.token_hash = $1`, hash).
		Scan(&out.BookingID, &out.Ref, &out.BookerName, &out.BookerEmail, &out.OrgName, &email)
	if err != nil {
		return out, fmt.Errorf("personal link: %w", notFound(err))
	}
	rows, err := db.Query(ctx, `
		SELECT p.id, p.date_id, p.name, p.email, p.job_title, p.diet, p.accessibility, p.status,
			CASE WHEN p.status = 'waitlisted' THEN (
				SELECT count(*) FROM participants w
				WHERE w.date_id = p.date_id AND w.status = 'waitlisted' AND w.waitlist_seq <= p.waitlist_seq)
			ELSE 0 END, p.evaluated, `+staySQL+`
		FROM participants p JOIN course_dates d ON d.id = p.date_id
		WHERE p.booking_id = $1 AND lower(p.email) = $2
		ORDER BY d.starts_at, p.id`, out.BookingID, email)
	if err != nil {
		return out, err
	}
	defer rows.Close()
	var dateIDs []int64
	for rows.Next() {
		var m booking.MySeat
		var st stayScan
		scan := append([]any{&m.ID, &m.DateID, &m.Name, &m.Email, &m.JobTitle, &m.Diet, &m.Accessibility, &m.Status,
			&m.WaitlistPos, &m.Evaluated}, st.args()...)
		if err := rows.Scan(scan...); err != nil {
			return out, err
		}
		m.Stay, m.Marks = st.stay(), st.marks()
		out.Seats = append(out.Seats, m)
		dateIDs = append(dateIDs, m.DateID)
	}
	if err := rows.Err(); err != nil {
		return out, err
	}
	out.Dates, err = DatesByID(ctx, db, dateIDs)
	return out, err
}

// DatesByID loads dates with their courses (drafts too: a course taken
// off the catalogue still ran), in start order.
func DatesByID(ctx context.Context, db DB, ids []int64) ([]booking.BookedDate, error) {
	rows, err := db.Query(ctx, `SELECT `+bookedDateColumns+datesFrom+`WHERE d.id = ANY($1)`, ids)
	if err != nil {
		return nil, err
	}
	return scanBookedDates(rows)
}

// LockSeatByLink locks a participant a personal link opens, for a change
// of their own; ErrNotFound when the link does not open it.
func LockSeatByLink(ctx context.Context, tx pgx.Tx, hash []byte, seatID int64) error {
	var id int64
	err := tx.QueryRow(ctx, `
		SELECT p.id FROM participant_links l
		JOIN participants p ON p.booking_id = l.booking_id AND lower(p.email) = l.email
		WHERE l.token_hash = $1 AND p.id = $2 FOR UPDATE OF p`, hash, seatID).Scan(&id)
	return notFound(err)
}

// UpdateStay saves a participant's diet, accessibility and residential
// details.
func UpdateStay(ctx context.Context, tx pgx.Tx, seatID int64, diet, access string, st booking.Stay) error {
	_, err := tx.Exec(ctx, `
		UPDATE participants SET diet = $2, accessibility = $3, stay_overnight = $4, stay_early_arrival = $5,
			diet_allergens = $6, stay_needs = $7
		WHERE id = $1`, seatID, diet, access, st.Overnight, st.EarlyArrival, booking.KnownAllergens(st.Allergens), st.Needs)
	return err
}

// practicalSQL reads a date with its course and venue, and what the
// practical information and the diploma say beyond it.
const practicalSQL = `SELECT ` + bookedDateColumns + `, v.arrival_note, c.bring_note, c.content_intro, c.content_bullets,
	c.diploma_minutes` + datesFrom + `WHERE d.id = $1`

// PracticalOf loads what the practical information and the diploma of a
// date say.
func PracticalOf(ctx context.Context, db DB, dateID int64) (booking.Practical, error) {
	var p booking.Practical
	scan := append(bookedDateScanArgs(&p.Date), &p.ArrivalNote, &p.BringNote, &p.ContentIntro, &p.ContentBullets, &p.DiplomaMinutes)
	if err := db.QueryRow(ctx, practicalSQL, dateID).Scan(scan...); err != nil {
		return p, fmt.Errorf("date %d: %w", dateID, notFound(err))
	}
	var err error
	p.Agenda, err = agendaOf(ctx, db, p.Date.CourseID)
	return p, err
}

// DatesToRemind lists the planned dates starting within the reminder
// horizon after now that have confirmed participants without their
// practical information; the rules decide which are due.
func (s *Store) DatesToRemind(ctx context.Context, now time.Time) ([]booking.BookedDate, error) {
	rows, err := s.Pool.Query(ctx, `SELECT `+bookedDateColumns+datesFrom+`
		WHERE d.status = 'planned' AND d.starts_at > $1 AND d.starts_at <= $2 AND c.reminder_days > 0
		AND EXISTS (SELECT 1 FROM participants p
			WHERE p.date_id = d.id AND p.status = 'confirmed' AND p.reminded_at IS NULL)`,
		now, now.Add(booking.ReminderHorizon))
	if err != nil {
		return nil, err
	}
	return scanBookedDates(rows)
}

// DatesAfterCourse lists the planned dates that ended within the
// after-course window before now and have a participant marked present
// who has not had the after-course mail.
func (s *Store) DatesAfterCourse(ctx context.Context, now time.Time) ([]booking.BookedDate, error) {
	rows, err := s.Pool.Query(ctx, `SELECT `+bookedDateColumns+datesFrom+`
		WHERE d.status = 'planned' AND d.ends_at <= $1 AND d.ends_at > $2
		AND EXISTS (SELECT 1 FROM participants p JOIN attendance a ON a.participant_id = p.id AND a.present
			WHERE p.date_id = d.id AND p.status = 'confirmed' AND p.after_mailed_at IS NULL)`,
		now, now.Add(-booking.AfterCourseWindow))
	if err != nil {
		return nil, err
	}
	return scanBookedDates(rows)
}

// recipientsSQL reads a date's confirmed participants that the condition
// (on p) selects, locked, with their booker and residential details.
const recipientsSQL = `
	SELECT p.id, p.booking_id, p.name, p.email, p.diet, p.accessibility, b.booker_name, b.booker_email, ` + staySQL + `
	FROM participants p JOIN bookings b ON b.id = p.booking_id
	WHERE p.date_id = $1 AND p.status = 'confirmed' AND %s
	ORDER BY p.id FOR UPDATE OF p`

// LockRecipients locks and returns a date's confirmed participants who
// have not had the practical information (after: the after-course mail).
// Two workers on one date wait for each other, and the second finds
// them mailed.
func LockRecipients(ctx context.Context, tx pgx.Tx, dateID int64, after bool) ([]booking.Recipient, error) {
	cond := "p.reminded_at IS NULL"
	if after {
		cond = "p.after_mailed_at IS NULL"
	}
	rows, err := tx.Query(ctx, fmt.Sprintf(recipientsSQL, cond), dateID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []booking.Recipient
	for rows.Next() {
		var r booking.Recipient
		var st stayScan
		scan := append([]any{&r.SeatID, &r.BookingID, &r.Name, &r.Email, &r.Diet, &r.Accessibility,
			&r.BookerName, &r.BookerMail}, st.args()...)
		if err := rows.Scan(scan...); err != nil {
			return nil, err
		}
		r.Stay, r.Marks = st.stay(), st.marks()
		out = append(out, r)
	}
	return out, rows.Err()
}

// MarkMailed records that participants got the practical information
// (after: the after-course mail) at now.
func MarkMailed(ctx context.Context, tx pgx.Tx, seatIDs []int64, after bool, now time.Time) error {
	col := "reminded_at"
	if after {
		col = "after_mailed_at"
	}
	_, err := tx.Exec(ctx, `UPDATE participants SET `+col+` = $2 WHERE id = ANY($1)`, seatIDs, now)
	return err
}

// AttendanceOf lists a date's confirmed participants with their marks, in
// name order (how they are found at the door).
func (s *Store) AttendanceOf(ctx context.Context, dateID int64) ([]booking.AttendanceRow, error) {
	return attendanceOf(ctx, s.Pool, dateID, 0)
}

// AttendanceRowOf is one participant's row of their date's attendance.
func (s *Store) AttendanceRowOf(ctx context.Context, dateID, seatID int64) (booking.AttendanceRow, error) {
	rows, err := attendanceOf(ctx, s.Pool, dateID, seatID)
	if err == nil && len(rows) == 0 {
		err = ErrNotFound
	}
	if err != nil {
		return booking.AttendanceRow{}, err
	}
	return rows[0], nil
}

func attendanceOf(ctx context.Context, db DB, dateID, seatID int64) ([]booking.AttendanceRow, error) {
	rows, err := db.Query(ctx, `
		SELECT p.id, p.name, b.org_name, `+staySQL+`
		FROM participants p JOIN bookings b ON b.id = p.booking_id
		WHERE p.date_id = $1 AND p.status = 'confirmed' AND ($2 = 0 OR p.id = $2)
		ORDER BY lower(p.name), p.id`, dateID, seatID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []booking.AttendanceRow
	for rows.Next() {
		var r booking.AttendanceRow
		var st stayScan
		if err := rows.Scan(append([]any{&r.SeatID, &r.Name, &r.OrgName}, st.args()...)...); err != nil {
			return nil, err
		}
		r.Marks = st.marks()
		out = append(out, r)
	}
	return out, rows.Err()
}

// ErrNotOnDate means a participant is not confirmed on the date.
var ErrNotOnDate = errors.New("store: participant not confirmed on the date")

// SetAttendance marks a confirmed participant of a date present or absent
// on day (a second mark replaces the first).
func SetAttendance(ctx context.Context, tx pgx.Tx, dateID, seatID int64, day time.Time, present bool, staffID int64, now time.Time) error {
	tag, err := tx.Exec(ctx, `
		INSERT INTO attendance (participant_id, day, present, marked_at, marked_by)
		SELECT p.id, $3, $4, $5, nullif($6, 0) FROM participants p
		WHERE p.id = $2 AND p.date_id = $1 AND p.status = 'confirmed'
		ON CONFLICT (participant_id, day) DO UPDATE
		SET present = EXCLUDED.present, marked_at = EXCLUDED.marked_at, marked_by = EXCLUDED.marked_by`,
		dateID, seatID, pgDate(day), present, now, staffID)
	if err == nil && tag.RowsAffected() == 0 {
		return ErrNotOnDate
	}
	return err
}

// DateStays lists a date's confirmed participants with their residential
// details and diets, in name order: the venue's rooming and diet list.
func (s *Store) DateStays(ctx context.Context, dateID int64) ([]booking.StayRow, error) {
	rows, err := s.Pool.Query(ctx, `
		SELECT p.name, b.org_name, p.diet, p.accessibility, `+staySQL+`
		FROM participants p JOIN bookings b ON b.id = p.booking_id
		WHERE p.date_id = $1 AND p.status = 'confirmed'
		ORDER BY lower(p.name), p.id`, dateID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []booking.StayRow
	for rows.Next() {
		var r booking.StayRow
		var st stayScan
		if err := rows.Scan(append([]any{&r.Name, &r.OrgName, &r.Diet, &r.Accessibility}, st.args()...)...); err != nil {
			return nil, err
		}
		r.Stay = st.stay()
		out = append(out, r)
	}
	return out, rows.Err()
}

// SaveEvaluation records a participant's answer, without them, and that
// they answered. A participant who answered already is
// booking.ErrEvaluationAnswered (two posts at once: the second waits for
// the first's lock and finds it answered).
func SaveEvaluation(ctx context.Context, tx pgx.Tx, seatID, dateID int64, a booking.Answer) error {
	tag, err := tx.Exec(ctx, `UPDATE participants SET evaluated = true WHERE id = $1 AND NOT evaluated`, seatID)
	if err != nil {
		return err
	}
	if tag.RowsAffected() == 0 {
		return booking.ErrEvaluationAnswered
	}
	_, err = tx.Exec(ctx, `INSERT INTO evaluations (date_id, overall, relevance, teaching, improve) VALUES ($1, $2, $3, $4, $5)`,
		dateID, a.Overall, a.Relevance, a.Teaching, a.Improve)
	return err
}

// DateEvaluation is one date's evaluation answers.
type DateEvaluation struct {
	Date    booking.DateOverview
	Answers []booking.Answer
}

// Evaluations loads the answers of one date (dateID) or of every date of
// a course (courseID, dateID 0), by date in start order; dates without
// answers are left out.
func (s *Store) Evaluations(ctx context.Context, courseID, dateID int64) ([]DateEvaluation, error) {
	dates, err := s.dateOverviews(ctx, `(d.id = $1 OR ($1 = 0 AND d.course_id = $2))
		AND EXISTS (SELECT 1 FROM evaluations e WHERE e.date_id = d.id) ORDER BY d.starts_at, d.id`, dateID, courseID)
	if err != nil {
		return nil, err
	}
	out := make([]DateEvaluation, len(dates))
	at := map[int64]int{}
	ids := make([]int64, len(dates))
	for i, d := range dates {
		out[i].Date, at[d.ID], ids[i] = d, i, d.ID
	}
	rows, err := s.Pool.Query(ctx, `
		SELECT date_id, overall, relevance, teaching, improve FROM evaluations WHERE date_id = ANY($1)
		ORDER BY date_id, improve, overall, relevance, teaching`, ids)
	if err != nil {
		return nil, err
	}
	var dID int64
	var a booking.Answer
	_, err = pgx.ForEachRow(rows, []any{&dID, &a.Overall, &a.Relevance, &a.Teaching, &a.Improve}, func() error {
		out[at[dID]].Answers = append(out[at[dID]].Answers, a)
		return nil
	})
	return out, err
}
