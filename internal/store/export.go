package store

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/privacy"
)

// BookingExport reads everything held about one booking: booker, billing,
// each participant with their needs, stay and attendance, the changes to
// its price and the mails about it (who, when, subject), and until when
// it is kept.
func BookingExport(ctx context.Context, db DB, id int64) (privacy.Export, error) {
	var e privacy.Export
	var lastEnd, lastEntry time.Time
	err := db.QueryRow(ctx, `
		SELECT b.ref, b.created_at, b.anonymised_at, b.booker_name, b.booker_email, b.booker_phone, b.comment,
			b.org_name, b.department, b.ean, b.cvr, b.invoice_address, b.invoice_reference,
			b.excl_ore, b.vat_ore, b.incl_ore,
			coalesce((SELECT string_agg(i.number, ', ' ORDER BY i.id) FROM invoice_documents i WHERE i.booking_id = b.id), ''),
			(SELECT max(i.issued_at) FROM invoice_documents i WHERE i.booking_id = b.id),
			coalesce((SELECT max(d.ends_at) FROM participants p JOIN course_dates d ON d.id = p.date_id WHERE p.booking_id = b.id), b.created_at),
			greatest(b.created_at, (SELECT max(i.issued_at) FROM invoice_documents i WHERE i.booking_id = b.id),
				(SELECT max(c.created_at) FROM booking_changes c WHERE c.booking_id = b.id))
		FROM bookings b WHERE b.id = $1`, id).Scan(&e.Ref, &e.Made, &e.Anonymised,
		&e.Booker.Name, &e.Booker.Email, &e.Booker.Phone, &e.Booker.Comment,
		&e.Billing.Organisation, &e.Billing.Department, &e.Billing.EAN, &e.Billing.CVR, &e.Billing.Address, &e.Billing.Reference,
		&e.Billing.ExclOre, &e.Billing.VATOre, &e.Billing.InclOre, &e.Billing.InvoiceNumber, &e.Billing.InvoicedAt, &lastEnd, &lastEntry)
	if err != nil {
		return e, notFound(err)
	}
	e.Kept = privacy.KeptFor(lastEnd, lastEntry)
	if e.Participants, err = exportParticipants(ctx, db, id); err != nil {
		return e, err
	}
	rows, err := db.Query(ctx, `SELECT created_at, kind, old_incl_ore, new_incl_ore FROM booking_changes WHERE booking_id = $1 ORDER BY id`, id)
	if err != nil {
		return e, err
	}
	if e.Changes, err = pgx.CollectRows(rows, pgx.RowToStructByPos[privacy.Change]); err != nil {
		return e, err
	}
	rows, err = db.Query(ctx, `SELECT created_at, to_addr, subject, state FROM outgoing_mails WHERE booking_id = $1 ORDER BY id`, id)
	if err != nil {
		return e, err
	}
	e.Mails, err = pgx.CollectRows(rows, pgx.RowToStructByPos[privacy.SentMail])
	return e, err
}

func exportParticipants(ctx context.Context, db DB, bookingID int64) ([]privacy.Participant, error) {
	rows, err := db.Query(ctx, `
		SELECT p.name, p.email, p.job_title, c.title, d.starts_at, d.ends_at, v.name || ', ' || v.city, p.status, p.price_ore,
			p.diet, p.diet_allergens, p.accessibility, p.stay_overnight, p.stay_early_arrival, p.stay_needs,
			p.substitute_for, p.cancel_reason, p.evaluated,
			array(SELECT to_char(a.day, 'YYYY-MM-DD') FROM attendance a WHERE a.participant_id = p.id ORDER BY a.day),
			array(SELECT a.present FROM attendance a WHERE a.participant_id = p.id ORDER BY a.day)
		FROM participants p JOIN course_dates d ON d.id = p.date_id JOIN courses c ON c.id = d.course_id
			JOIN venues v ON v.id = d.venue_id
		WHERE p.booking_id = $1 ORDER BY d.starts_at, p.id`, bookingID)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (privacy.Participant, error) {
		var p privacy.Participant
		var days []string
		var present []bool
		err := r.Scan(&p.Name, &p.Email, &p.JobTitle, &p.Course, &p.Starts, &p.Ends, &p.Venue, &p.Status, &p.PriceOre,
			&p.Diet, &p.Allergens, &p.Accessibility, &p.Overnight, &p.EarlyArrival, &p.StayNeeds,
			&p.SubstituteFor, &p.CancelReason, &p.Evaluated, &days, &present)
		for i := range days {
			p.Attendance = append(p.Attendance, privacy.Day{Day: days[i], Present: present[i]})
		}
		return p, err
	})
}

// PersonBooking is a booking one e-mail address is on, as booker or
// participant.
type PersonBooking struct {
	ID         int64
	Ref        string
	Org        string
	AsBooker   bool
	Seats      []privacy.Seat
	Courses    []string
	Anonymised bool
}

// PersonInquiry is an inquiry from one e-mail address.
type PersonInquiry struct {
	ID      int64
	Kind    string
	At      time.Time
	State   string
	Subject string // the course asked about, or "" for a general contact
}

// PersonRecords finds every booking and inquiry of an e-mail address
// (any case).
func (s *Store) PersonRecords(ctx context.Context, email string) ([]PersonBooking, []PersonInquiry, error) {
	return PersonRecordsTx(ctx, s.Pool, email)
}

// PersonRecordsTx is PersonRecords in db (a transaction that erases).
func PersonRecordsTx(ctx context.Context, db DB, email string) ([]PersonBooking, []PersonInquiry, error) {
	rows, err := db.Query(ctx, `
		SELECT b.id, b.ref, b.org_name, lower(b.booker_email) = lower($1), b.anonymised_at IS NOT NULL,
			array(SELECT p.status = 'cancelled' FROM participants p JOIN course_dates d ON d.id = p.date_id
				WHERE p.booking_id = b.id AND (lower(b.booker_email) = lower($1) OR lower(p.email) = lower($1)) ORDER BY p.id),
			array(SELECT d.ends_at FROM participants p JOIN course_dates d ON d.id = p.date_id
				WHERE p.booking_id = b.id AND (lower(b.booker_email) = lower($1) OR lower(p.email) = lower($1)) ORDER BY p.id),
			array(SELECT DISTINCT c.title FROM participants p JOIN course_dates d ON d.id = p.date_id JOIN courses c ON c.id = d.course_id
				WHERE p.booking_id = b.id AND (lower(b.booker_email) = lower($1) OR lower(p.email) = lower($1)))
		FROM bookings b
		WHERE lower(b.booker_email) = lower($1)
			OR EXISTS (SELECT 1 FROM participants p WHERE p.booking_id = b.id AND lower(p.email) = lower($1))
		ORDER BY b.id DESC`, email)
	if err != nil {
		return nil, nil, err
	}
	bs, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (PersonBooking, error) {
		var b PersonBooking
		var cancelled []bool
		var ends []time.Time
		err := r.Scan(&b.ID, &b.Ref, &b.Org, &b.AsBooker, &b.Anonymised, &cancelled, &ends, &b.Courses)
		for i := range ends {
			b.Seats = append(b.Seats, privacy.Seat{Cancelled: cancelled[i], Ends: ends[i]})
		}
		return b, err
	})
	if err != nil {
		return nil, nil, err
	}
	rows, err = db.Query(ctx, `
		SELECT i.id, i.kind, i.created_at, i.state, coalesce(c.title, '')
		FROM inquiries i LEFT JOIN courses c ON c.id = i.course_id
		WHERE lower(i.email) = lower($1) ORDER BY i.id DESC`, email)
	if err != nil {
		return nil, nil, err
	}
	is, err := pgx.CollectRows(rows, pgx.RowToStructByPos[PersonInquiry])
	return bs, is, err
}

// AnonymiseParticipantsByEmail anonymises one person's participant rows
// in the bookings ids (booked by someone else), with their personal links,
// calendar sequences and the text and receiver of the mails to them.
func AnonymiseParticipantsByEmail(ctx context.Context, db DB, ids []int64, email string, now time.Time) (int64, error) {
	n, err := applyRule(ctx, db, `
		SELECT id FROM participants WHERE booking_id = ANY($1) AND lower(email) = lower($2)`,
		append([]string{
			`UPDATE participants SET name = 'Anonymiseret', email = 'anonym-' || id || '@invalid', job_title = '',
				diet = '', accessibility = '', stay_needs = '', diet_allergens = '{}', substitute_for = '', cancel_reason = ''
				WHERE id IN (SELECT id FROM targets)`,
			`DELETE FROM participant_links WHERE booking_id = ANY($1) AND lower(email) = lower($2)`,
			`DELETE FROM calendar_sequences c USING participants p WHERE p.id IN (SELECT id FROM targets)
				AND c.date_id = p.date_id AND c.person_key = sha256(convert_to(lower(p.email), 'UTF8'))`,
			`UPDATE audit_log SET ` + auditForgetsPerson + `, label = 'Anonymiseret deltager'
				WHERE entity = 'participant' AND entity_id IN (SELECT id FROM targets)`,
		}, forgetMails(`m.booking_id = ANY($1) AND lower(m.to_addr) = lower($2)`, "$3")...), ids, email, now)
	if err != nil {
		return n, err
	}
	// The staff search no longer finds the bookings by the person.
	return n, rewriteSearch(ctx, db, ids)
}

// DeleteInquiriesOf deletes every inquiry from an e-mail address, with the
// mails about them, and returns their ids.
func DeleteInquiriesOf(ctx context.Context, db DB, email string) ([]int64, error) {
	rows, err := db.Query(ctx, `SELECT id FROM inquiries WHERE lower(email) = lower($1) ORDER BY id`, email)
	if err != nil {
		return nil, err
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil || len(ids) == 0 {
		return ids, err
	}
	_, err = applyRule(ctx, db, `SELECT unnest($1::bigint[]) AS id`, deleteInquiries, ids)
	return ids, err
}

// LockBookingByManageToken locks the booking of a manage link in tx.
func LockBookingByManageToken(ctx context.Context, tx DB, hash []byte) (int64, error) {
	var id int64
	err := tx.QueryRow(ctx, `SELECT id FROM bookings WHERE manage_token_hash = $1 FOR UPDATE`, hash).Scan(&id)
	return id, notFound(err)
}
