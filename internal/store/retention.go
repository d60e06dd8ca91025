package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"kursuskatalog/internal/catalog"
)

// applyRule runs one retention rule in db: targets is a SELECT of the ids
// the rule touches (as "id"), actions the statements that delete or
// anonymise them (each may refer to "targets"). It returns how many rows
// the rule touched. All actions run in one statement, on one snapshot, so
// each sees the rows as they were. (A dry run is the service's: it rolls
// the transaction back.)
func applyRule(ctx context.Context, db DB, targets string, actions []string, args ...any) (int64, error) {
	var q strings.Builder
	q.WriteString("WITH targets AS MATERIALIZED (" + targets + ")")
	for i, a := range actions {
		fmt.Fprintf(&q, ", act%d AS (%s)", i, a)
	}
	q.WriteString(" SELECT count(*) FROM targets")
	var n int64
	err := db.QueryRow(ctx, q.String(), args...).Scan(&n)
	return n, err
}

// ClearNeeds deletes the diet, allergens, accessibility and stay needs of
// participants whose date ended before cutoff.
func ClearNeeds(ctx context.Context, db DB, cutoff time.Time) (int64, error) {
	return applyRule(ctx, db, `
		SELECT p.id FROM participants p JOIN course_dates d ON d.id = p.date_id
		WHERE d.ends_at < $1 AND (p.diet <> '' OR p.accessibility <> '' OR p.stay_needs <> '' OR p.diet_allergens <> '{}')`,
		[]string{`UPDATE participants SET diet = '', accessibility = '', stay_needs = '', diet_allergens = '{}'
			WHERE id IN (SELECT id FROM targets)`}, cutoff)
}

// ClearClientAddrs deletes the client address of inquiries made before
// cutoff.
func ClearClientAddrs(ctx context.Context, db DB, cutoff time.Time) (int64, error) {
	return applyRule(ctx, db, `SELECT id FROM inquiries WHERE client_addr <> '' AND created_at < $1`,
		[]string{`UPDATE inquiries SET client_addr = '' WHERE id IN (SELECT id FROM targets)`}, cutoff)
}

// ClearMailBodies deletes the text, calendar file, attachments and link
// tokens of mails made before cutoff and no longer waiting to be sent;
// who, when and the subject stay.
func ClearMailBodies(ctx context.Context, db DB, cutoff, now time.Time) (int64, error) {
	return applyRule(ctx, db, `
		SELECT id FROM outgoing_mails WHERE body_deleted_at IS NULL AND created_at < $1 AND state <> 'queued'`,
		[]string{
			`UPDATE outgoing_mails SET text_body = '', html_body = '', ics = '', body_deleted_at = $2
				WHERE id IN (SELECT id FROM targets)`,
			`DELETE FROM mail_attachments WHERE mail_id IN (SELECT id FROM targets)`,
			`DELETE FROM mail_link_tokens WHERE mail_id IN (SELECT id FROM targets)`,
		}, cutoff, now)
}

// DeleteInquiries deletes inquiries closed before cutoff, with the mails
// about them.
func DeleteInquiries(ctx context.Context, db DB, cutoff time.Time) (int64, error) {
	return applyRule(ctx, db, `SELECT id FROM inquiries WHERE state = 'handled' AND handled_at < $1`,
		deleteInquiries, cutoff)
}

// deleteInquiries are the statements that delete the inquiries in targets
// with the mails about them, and leave their audit rows without the person.
var deleteInquiries = []string{
	`DELETE FROM outgoing_mails WHERE inquiry_id IN (SELECT id FROM targets)`,
	`DELETE FROM inquiries WHERE id IN (SELECT id FROM targets)`,
	`UPDATE audit_log SET ` + auditForgetsPerson + `, label = 'Slettet henvendelse'
		WHERE entity = 'inquiry' AND entity_id IN (SELECT id FROM targets)`,
}

// anonymiseBookings are the statements that anonymise the people of the
// bookings in targets ($2 is the time): the booker's and participants'
// names, e-mails, phone, titles, comments and needs, their personal
// links, calendar sequences (keyed by e-mail), and their mails' receivers
// and text (a mail still waiting is not sent). The billing data (organisation, EAN/CVR, address, reference,
// prices, changes) stays for the bookkeeping rule.
var anonymiseBookings = append([]string{
	`UPDATE bookings SET booker_name = 'Anonymiseret', booker_email = 'anonymiseret@invalid', booker_phone = '-',
		comment = '', anonymised_at = $2 WHERE id IN (SELECT id FROM targets)`,
	`UPDATE participants SET name = 'Anonymiseret', email = 'anonym-' || id || '@invalid', job_title = '',
		diet = '', accessibility = '', stay_needs = '', diet_allergens = '{}', substitute_for = '', cancel_reason = ''
		WHERE booking_id IN (SELECT id FROM targets)`,
	`DELETE FROM participant_links WHERE booking_id IN (SELECT id FROM targets)`,
	`DELETE FROM booking_mail_tokens WHERE booking_id IN (SELECT id FROM targets)`,
	`DELETE FROM calendar_sequences c USING participants p
		WHERE p.booking_id IN (SELECT id FROM targets) AND c.date_id = p.date_id
		AND c.person_key = sha256(convert_to(lower(p.email), 'UTF8'))`,
	// The staff search finds the booking by its number and billing, no more
	// by its people.
	`UPDATE booking_search s SET doc = b.ref || ' ' || b.org_name || ' ' || b.ean || ' ' || b.cvr || ' ' || b.invoice_reference
		FROM bookings b WHERE b.id = s.booking_id AND s.booking_id IN (SELECT id FROM targets)`,
	// The audit log keeps what was done and when, not to whom.
	`UPDATE audit_log SET ` + auditForgetsPerson + `,
		label = CASE WHEN entity = 'booking'
			THEN (SELECT b.ref || ', ' || b.org_name FROM bookings b WHERE b.id = audit_log.booking_id)
			ELSE 'Anonymiseret deltager' END
		WHERE booking_id IN (SELECT id FROM targets)`,
}, forgetMails(`m.booking_id IN (SELECT id FROM targets)`, "$2")...)

// forgetMails are the statements that take the receiver, text, calendar
// file, attachments and link tokens from the mails m where holds, at time
// now (a parameter). A mail still waiting is not sent: it would carry what
// is erased.
func forgetMails(where, now string) []string {
	mails := `SELECT m.id FROM outgoing_mails m WHERE ` + where
	return []string{
		`UPDATE outgoing_mails m SET to_addr = 'anonymiseret@invalid', to_name = '', reply_to = '',
			text_body = '', html_body = '', ics = '', body_deleted_at = coalesce(body_deleted_at, ` + now + `),
			state = CASE WHEN state = 'queued' THEN 'failed' ELSE state END,
			last_error = CASE WHEN state = 'queued' THEN 'anonymiseret før afsendelse' ELSE last_error END
			WHERE ` + where,
		`DELETE FROM mail_attachments WHERE mail_id IN (` + mails + `)`,
		`DELETE FROM mail_link_tokens WHERE mail_id IN (` + mails + `)`,
	}
}

// auditForgetsPerson is the SET list that keeps an audit row's action and
// the fields it changed, but not the values nor a booker acting as actor.
const auditForgetsPerson = `actor = CASE WHEN actor <> '' THEN 'Anonymiseret' ELSE '' END,
		changes = (SELECT coalesce(jsonb_agg(jsonb_build_object('field', c->'field')), '[]') FROM jsonb_array_elements(changes) c)`

// AnonymisePeople anonymises the bookings none of whose dates ended on
// or after cutoff (see anonymiseBookings).
func AnonymisePeople(ctx context.Context, db DB, cutoff, now time.Time) (int64, error) {
	return applyRule(ctx, db, `
		SELECT b.id FROM bookings b WHERE b.anonymised_at IS NULL AND NOT EXISTS (
			SELECT 1 FROM participants p JOIN course_dates d ON d.id = p.date_id
			WHERE p.booking_id = b.id AND d.ends_at >= $1)`, anonymiseBookings, cutoff, now)
}

// AnonymiseBookings anonymises the people of the bookings ids at once (an
// erasure), and returns how many it anonymised.
func AnonymiseBookings(ctx context.Context, db DB, ids []int64, now time.Time) (int64, error) {
	return applyRule(ctx, db, `SELECT id FROM bookings WHERE id = ANY($1) AND anonymised_at IS NULL`,
		anonymiseBookings, ids, now)
}

// DeleteBookkeeping deletes the bookings last made, invoiced or changed
// before cutoff (the start of a financial year) whose dates have all
// ended, with everything about them.
func DeleteBookkeeping(ctx context.Context, db DB, cutoff, now time.Time) (int64, error) {
	return applyRule(ctx, db, `
		SELECT b.id FROM bookings b
		WHERE greatest(b.created_at, (SELECT max(i.issued_at) FROM invoice_documents i WHERE i.booking_id = b.id),
				(SELECT max(c.created_at) FROM booking_changes c WHERE c.booking_id = b.id)) < $1
			AND NOT EXISTS (SELECT 1 FROM participants p JOIN course_dates d ON d.id = p.date_id
				WHERE p.booking_id = b.id AND d.ends_at >= $2)`,
		[]string{
			`DELETE FROM outgoing_mails WHERE booking_id IN (SELECT id FROM targets)`,
			`DELETE FROM bookings WHERE id IN (SELECT id FROM targets)`,
		}, cutoff, now)
}

// DeleteInvoiceDocuments deletes the invoices and credit notes of the
// financial years before cutoff's, with their lines: credit notes first,
// then the invoices no later credit note still names (those go in the
// year their last credit note does). The documents' own trigger, which
// refuses deleting a younger one, reads the retention's as-of time from
// katalog.as_of, so a run for a given day follows the same law.
func DeleteInvoiceDocuments(ctx context.Context, db DB, cutoff, asOf time.Time) (int64, error) {
	if _, err := db.Exec(ctx, `SELECT set_config('katalog.as_of', $1, true)`, asOf.Format(time.RFC3339Nano)); err != nil {
		return 0, err
	}
	year := cutoff.In(catalog.Copenhagen).Year()
	var n int64
	for _, q := range []string{
		`SELECT id FROM invoice_documents WHERE kind = 'credit_note' AND year < $1`,
		`SELECT d.id FROM invoice_documents d WHERE d.kind = 'invoice' AND d.year < $1
			AND NOT EXISTS (SELECT 1 FROM invoice_documents c WHERE c.credits_id = d.id)`,
	} {
		got, err := applyRule(ctx, db, q, []string{
			`UPDATE outgoing_mails SET document_id = NULL WHERE document_id IN (SELECT id FROM targets)`,
			`DELETE FROM invoice_lines WHERE document_id IN (SELECT id FROM targets)`,
			`DELETE FROM invoice_documents WHERE id IN (SELECT id FROM targets)`,
		}, year)
		if err != nil {
			return n, err
		}
		n += got
	}
	return n, nil
}

// DeleteAudit deletes audit rows older than cutoff.
func DeleteAudit(ctx context.Context, db DB, cutoff time.Time) (int64, error) {
	return applyRule(ctx, db, `SELECT id FROM audit_log WHERE at < $1`,
		[]string{`DELETE FROM audit_log WHERE id IN (SELECT id FROM targets)`}, cutoff)
}
