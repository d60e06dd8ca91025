package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"time"

	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/catalog"
)

const bookedDateColumns = dateColumns + `, c.title, c.slug, c.price_ore, c.vat_rate_bp, c.residential, c.reminder_days`

func bookedDateScanArgs(d *booking.BookedDate) []any {
	return append(dateScanArgs(&d.CourseDate), &d.CourseTitle, &d.CourseSlug, &d.PriceOre, &d.VATRateBP,
		&d.Residential, &d.ReminderDays)
}

// BookableDates loads the dates of published courses with these ids, in
// start order, for the enrolment form. Unknown ids are left out.
func (s *Store) BookableDates(ctx context.Context, ids []int64) ([]booking.BookedDate, error) {
	return bookedDates(ctx, s.Pool, ids, false)
}

// BookedDates loads the dates of published courses with these ids in db,
// in start order.
func BookedDates(ctx context.Context, db DB, ids []int64) ([]booking.BookedDate, error) {
	return bookedDates(ctx, db, ids, false)
}

func bookedDates(ctx context.Context, db DB, ids []int64, lock bool) ([]booking.BookedDate, error) {
	rows, err := db.Query(ctx, bookedDatesSQL(lock), ids)
	if err != nil {
		return nil, err
	}
	return scanBookedDates(rows)
}

func bookedDatesSQL(lock bool) string {
	q := `SELECT ` + bookedDateColumns + datesFrom + `WHERE d.id = ANY($1) AND c.status = 'published'`
	if lock {
		// Locked in id order, so two bookings of the same dates never deadlock.
		q += ` ORDER BY d.id FOR UPDATE OF d`
	}
	return q
}

// scanBookedDates reads dates in start order and closes rows.
func scanBookedDates(rows pgx.Rows) ([]booking.BookedDate, error) {
	defer rows.Close()
	var out []booking.BookedDate
	for rows.Next() {
		var d booking.BookedDate
		if err := rows.Scan(bookedDateScanArgs(&d)...); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].StartsAt.Before(out[j].StartsAt) })
	return out, nil
}

// OtherDates returns the upcoming planned dates of the given courses and of
// the courses they share a bundle offer with, for adding to the form.
func (s *Store) OtherDates(ctx context.Context, courseIDs []int64, now time.Time) ([]booking.BookedDate, error) {
	rows, err := s.Pool.Query(ctx, `
		WITH wanted AS (
			SELECT unnest($1::bigint[]) AS course_id
			UNION
			SELECT oc2.course_id FROM bundle_offer_courses oc1
			JOIN bundle_offer_courses oc2 ON oc2.offer_id = oc1.offer_id
			WHERE oc1.course_id = ANY($1))
		SELECT `+bookedDateColumns+`
		FROM wanted w JOIN courses c ON c.id = w.course_id AND c.status = 'published'
		JOIN course_dates d ON d.course_id = c.id AND d.status = 'planned' AND d.starts_at > $2
		JOIN venues v ON v.id = d.venue_id
		ORDER BY c.title, d.starts_at
		LIMIT 100`, courseIDs, now)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []booking.BookedDate
	for rows.Next() {
		var d booking.BookedDate
		if err := rows.Scan(bookedDateScanArgs(&d)...); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// offersSQL selects the bundle offers whose every course is in the set
// of course ids that the %s subquery yields from $1.
const offersSQL = `
	WITH c AS (%s)
	SELECT o.id, o.price_ore, o.last_day, array_agg(oc.course_id ORDER BY oc.course_id)
	FROM bundle_offers o JOIN bundle_offer_courses oc ON oc.offer_id = o.id
	WHERE o.id IN (SELECT offer_id FROM bundle_offer_courses WHERE course_id IN (SELECT id FROM c))
	GROUP BY o.id
	HAVING bool_and(oc.course_id IN (SELECT id FROM c))`

var (
	offersForCoursesSQL = fmt.Sprintf(offersSQL, `SELECT unnest($1::bigint[]) AS id`)
	offersForDatesSQL   = fmt.Sprintf(offersSQL, `SELECT course_id AS id FROM course_dates WHERE id = ANY($1)`)
)

// offersForCourses returns the bundle offers whose every course is among ids.
func offersForCourses(ctx context.Context, db DB, ids []int64) ([]catalog.BundleOffer, error) {
	rows, err := db.Query(ctx, offersForCoursesSQL, ids)
	if err != nil {
		return nil, err
	}
	return scanOffers(rows)
}

func scanOffers(rows pgx.Rows) ([]catalog.BundleOffer, error) {
	defer rows.Close()
	var out []catalog.BundleOffer
	for rows.Next() {
		var o catalog.BundleOffer
		var courses []int64
		if err := rows.Scan(&o.ID, &o.PriceOre, &o.LastDay, &courses); err != nil {
			return nil, err
		}
		for _, c := range courses {
			o.Courses = append(o.Courses, catalog.BundleCourse{CourseID: c})
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// OffersFor returns the bundle offers whose every course is among the
// courses of dates, to price a booking of them.
func (s *Store) OffersFor(ctx context.Context, dates []booking.BookedDate) ([]catalog.BundleOffer, error) {
	var ids []int64
	for _, d := range dates {
		if !slices.Contains(ids, d.CourseID) {
			ids = append(ids, d.CourseID)
		}
	}
	return offersForCourses(ctx, s.Pool, ids)
}

// seatsSQL reads the seats of the booking whose id the SQL expression
// bookingID gives.
func seatsSQL(bookingID string) string {
	return `
	SELECT p.id, p.date_id, p.name, p.email, p.job_title, p.diet, p.accessibility, p.status,
	       CASE WHEN p.status = 'waitlisted' THEN (
	           SELECT count(*) FROM participants w
	           WHERE w.date_id = p.date_id AND w.status = 'waitlisted' AND w.waitlist_seq <= p.waitlist_seq)
	       ELSE 0 END,
	       p.binding, p.list_ore, p.price_ore, p.vat_rate_bp, p.vat_ore, coalesce(p.offer_id, 0),
	       p.substitute_for, p.cancel_reason, p.charged, coalesce(p.person_no, 0),
	       (SELECT o.expires_at FROM seat_offers o WHERE o.participant_id = p.id AND o.state = 'offered')
	FROM participants p JOIN course_dates d ON d.id = p.date_id
	WHERE p.booking_id = ` + bookingID + `
	ORDER BY d.starts_at, p.id`
}

func scanSeats(rows pgx.Rows) ([]booking.Seat, error) {
	defer rows.Close()
	var out []booking.Seat
	for rows.Next() {
		var s booking.Seat
		var offerUntil *time.Time
		if err := rows.Scan(&s.ID, &s.DateID, &s.Name, &s.Email, &s.JobTitle, &s.Diet, &s.Accessibility, &s.Status,
			&s.WaitlistPos, &s.Binding, &s.ListOre, &s.PriceOre, &s.VATRateBP, &s.VATOre, &s.OfferID,
			&s.SubstituteFor, &s.CancelReason, &s.Charged, &s.Person, &offerUntil); err != nil {
			return nil, err
		}
		if offerUntil != nil {
			s.OfferUntil = *offerUntil
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// RefByFormToken returns the booking a form token made, or ErrNotFound.
func (s *Store) RefByFormToken(ctx context.Context, hash []byte) (string, error) {
	var ref string
	err := s.Pool.QueryRow(ctx, `SELECT ref FROM bookings WHERE form_token_hash = $1`, hash).Scan(&ref)
	return ref, notFound(err)
}

const receiptColumns = `b.id, b.ref, b.created_at, b.booker_name, b.booker_email, b.booker_phone, b.org_name,
	b.department, b.ean, b.cvr, b.invoice_address, b.invoice_reference, b.comment,
	b.list_ore, b.excl_ore, b.vat_ore, b.incl_ore`

func receiptScanArgs(r *booking.Receipt) []any {
	return []any{&r.ID, &r.Ref, &r.CreatedAt, &r.BookerName, &r.BookerEmail, &r.BookerPhone, &r.OrgName,
		&r.Department, &r.EAN, &r.CVR, &r.InvoiceAddress, &r.InvoiceReference, &r.Comment,
		&r.ListOre, &r.ExclOre, &r.VATOre, &r.InclOre}
}

// ReceiptByRef loads a booking when formHash is the hash of the token of
// the form that made it (the browser that booked), else ErrNotFound.
func (s *Store) ReceiptByRef(ctx context.Context, ref string, formHash []byte) (booking.Receipt, error) {
	return receipt(ctx, s.Pool, `b.ref = $1 AND b.form_token_hash = $2`, ref, formHash)
}

// ReceiptByManageToken loads the booking a manage link opens.
func (s *Store) ReceiptByManageToken(ctx context.Context, hash []byte) (booking.Receipt, error) {
	return receipt(ctx, s.Pool, `b.manage_token_hash = $1`, hash)
}

// receipt loads the booking that where (on bookings b) selects, with its
// seats and dates, in one round trip.
func receipt(ctx context.Context, db DB, where string, args ...any) (booking.Receipt, error) {
	b := &pgx.Batch{}
	reads := queueReceipt(b, where, false, args...)
	if err := db.SendBatch(ctx, b).Close(); err != nil {
		return booking.Receipt{}, err
	}
	return reads.result()
}

// receiptReads gathers what queueReceipt's statements read.
type receiptReads struct {
	r                           booking.Receipt
	headErr, seatsErr, datesErr error
}

// queueReceipt queues in b the reads of the booking that where (on
// bookings b) selects, locked FOR UPDATE when lock is set, its seats and
// its dates. The seats and dates find the booking by where again, so the
// three go to Postgres as one pipelined batch.
func queueReceipt(b *pgx.Batch, where string, lock bool, args ...any) *receiptReads {
	q := &receiptReads{}
	head := `SELECT ` + receiptColumns + ` FROM bookings b WHERE ` + where
	if lock {
		head += ` FOR UPDATE`
	}
	id := `(SELECT b.id FROM bookings b WHERE ` + where + `)`
	b.Queue(head, args...).QueryRow(func(row pgx.Row) error { q.headErr = row.Scan(receiptScanArgs(&q.r)...); return nil })
	b.Queue(seatsSQL(id), args...).Query(func(rows pgx.Rows) error { q.r.Seats, q.seatsErr = scanSeats(rows); return nil })
	b.Queue(`SELECT `+bookedDateColumns+datesFrom+`WHERE d.id IN (SELECT date_id FROM participants WHERE booking_id = `+id+`)
		AND c.status = 'published'`, args...).
		Query(func(rows pgx.Rows) error { q.r.Dates, q.datesErr = scanBookedDates(rows); return nil })
	return q
}

// result is the receipt, or ErrNotFound when no booking matched.
func (q *receiptReads) result() (booking.Receipt, error) {
	if q.headErr != nil {
		return q.r, fmt.Errorf("receipt: %w", notFound(q.headErr))
	}
	return q.r, errors.Join(q.seatsErr, q.datesErr)
}

// BookingByManageToken returns the id of the booking a manage link opens.
func BookingByManageToken(ctx context.Context, db DB, hash []byte) (int64, error) {
	var id int64
	err := db.QueryRow(ctx, `SELECT id FROM bookings WHERE manage_token_hash = $1`, hash).Scan(&id)
	return id, notFound(err)
}

// LockBookingDates locks, in id order, the dates on which a booking has
// participants not cancelled, and returns them by id.
func LockBookingDates(ctx context.Context, tx pgx.Tx, bookingID int64) (map[int64]catalog.CourseDate, error) {
	rows, err := tx.Query(ctx, `
		SELECT d.id, d.course_id, d.starts_at, d.ends_at, d.deadline, d.capacity, d.seats_taken, d.status
		FROM course_dates d
		WHERE d.id IN (SELECT date_id FROM participants WHERE booking_id = $1 AND status <> 'cancelled')
		ORDER BY d.id FOR UPDATE`, bookingID)
	if err != nil {
		return nil, err
	}
	out := map[int64]catalog.CourseDate{}
	var d catalog.CourseDate
	_, err = pgx.ForEachRow(rows, []any{&d.ID, &d.CourseID, &d.StartsAt, &d.EndsAt, &d.Deadline, &d.Capacity, &d.SeatsTaken, &d.Status},
		func() error { out[d.ID] = d; return nil })
	return out, err
}

// SeatsOf loads the participants of a booking with their places on the
// waiting lists.
func SeatsOf(ctx context.Context, db DB, bookingID int64) ([]booking.Seat, error) {
	rows, err := db.Query(ctx, seatsSQL("$1"), bookingID)
	if err != nil {
		return nil, err
	}
	return scanSeats(rows)
}

// ReleaseSeat gives a freed seat back to its date.
func ReleaseSeat(ctx context.Context, tx pgx.Tx, dateID int64) error {
	_, err := tx.Exec(ctx, `UPDATE course_dates SET seats_taken = seats_taken - 1 WHERE id = $1`, dateID)
	return err
}

// TakeSeat takes a free seat of a date; ok is false when it has none.
func TakeSeat(ctx context.Context, tx pgx.Tx, dateID int64) (ok bool, err error) {
	tag, err := tx.Exec(ctx, `UPDATE course_dates SET seats_taken = seats_taken + 1 WHERE id = $1 AND seats_taken < capacity`, dateID)
	return tag.RowsAffected() == 1, err
}

// LockSeatOfBooking locks a participant (not cancelled) of the booking a
// manage link opens and returns the booking's id, the participant and
// their date.
func LockSeatOfBooking(ctx context.Context, tx pgx.Tx, manageHash []byte, seatID int64) (int64, booking.Seat, catalog.CourseDate, error) {
	var bookingID int64
	var st booking.Seat
	var d catalog.CourseDate
	err := tx.QueryRow(ctx, `
		SELECT b.id, p.id, p.date_id, p.name, p.email, p.status, d.starts_at, d.status
		FROM bookings b JOIN participants p ON p.booking_id = b.id JOIN course_dates d ON d.id = p.date_id
		WHERE b.manage_token_hash = $1 AND p.id = $2 AND p.status <> 'cancelled'
		FOR UPDATE OF p`, manageHash, seatID).
		Scan(&bookingID, &st.ID, &st.DateID, &st.Name, &st.Email, &st.Status, &d.StartsAt, &d.Status)
	return bookingID, st, d, notFound(err)
}

// SubstituteSeat puts another person in a seat, remembering the name it
// was first booked for. The same person already on the date is
// ErrPersonTaken. What was the old person's goes: their residential
// details (the new one has the default stay until they say otherwise),
// attendance and the record of mails sent to them.
func SubstituteSeat(ctx context.Context, tx pgx.Tx, seatID int64, sub booking.Person) error {
	var bookingID int64
	err := tx.QueryRow(ctx, `
		WITH gone AS (DELETE FROM attendance WHERE participant_id = $1)
		UPDATE participants SET name = $2, email = $3, job_title = $4, diet = $5, accessibility = $6,
			substitute_for = CASE WHEN substitute_for = '' THEN name ELSE substitute_for END,
			stay_overnight = CASE WHEN stay_overnight IS NOT NULL THEN true END, stay_early_arrival = false,
			diet_allergens = '{}', stay_needs = '', reminded_at = NULL, after_mailed_at = NULL, evaluated = false
		WHERE id = $1 RETURNING booking_id`, seatID, sub.Name, sub.Email, sub.JobTitle, sub.Diet, sub.Accessibility).Scan(&bookingID)
	if err != nil {
		return insertError(err)
	}
	// The search finds the booking by its new participant's name at once.
	return rewriteSearch(ctx, tx, []int64{bookingID})
}

// ReceiptOf loads a booking with its seats and dates.
func ReceiptOf(ctx context.Context, db DB, id int64) (booking.Receipt, error) {
	return receipt(ctx, db, `b.id = $1`, id)
}
