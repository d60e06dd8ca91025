package store

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/audit"
)

// Audit records who changed what (the fields named, without their values),
// in the transaction of the change; Record keeps the values too.
func Audit(ctx context.Context, db DB, staffID int64, entity string, entityID int64, action string, fields []string, now time.Time) error {
	e := audit.Entry{StaffID: staffID, Entity: entity, EntityID: entityID, Action: action}
	for _, f := range fields {
		e.Changes = append(e.Changes, audit.Change{Field: f})
	}
	return Record(ctx, db, e, now)
}

// Record writes an audit entry in the transaction of the change. When the
// entry has no label, the thing is named as it is now in the database
// (course title, date, person), with the date and booking it concerns.
func Record(ctx context.Context, db DB, e audit.Entry, now time.Time) error {
	if e.Action == "update" && len(e.Changes) == 0 {
		return nil // a save that changed nothing (line endings at most) is no event
	}
	if e.Changes == nil {
		e.Changes = []audit.Change{}
	}
	fields := audit.Changes(e.Changes).Fields()
	_, err := db.Exec(ctx, `
		WITH named AS (`+labelSQL+`)
		INSERT INTO audit_log (at, staff_user_id, actor, entity, entity_id, action, changed_fields, changes,
			label, date_id, booking_id)
		SELECT $1, nullif($2::bigint, 0), $3, $4::text, $5::bigint, $6, $7, $8,
			CASE WHEN $9 <> '' THEN $9 ELSE coalesce((SELECT label FROM named), '') END,
			coalesce(nullif($10::bigint, 0), (SELECT date_id FROM named)),
			coalesce(nullif($11::bigint, 0), (SELECT booking_id FROM named))`,
		now, e.StaffID, e.Actor, e.Entity, e.EntityID, e.Action, fields, e.Changes, e.Label, e.DateID, e.BookingID)
	return err
}

// labelSQL names the thing $4/$5 points at as staff know it, with the date
// and booking it concerns.
const labelSQL = `
	SELECT c.title AS label, NULL::bigint AS date_id, NULL::bigint AS booking_id
	FROM courses c WHERE $4 = 'course' AND c.id = $5
	UNION ALL
	SELECT c.title || ', ' || to_char(d.starts_at AT TIME ZONE 'Europe/Copenhagen', 'DD.MM.YYYY') || ', ' || v.city, d.id, NULL
	FROM course_dates d JOIN courses c ON c.id = d.course_id JOIN venues v ON v.id = d.venue_id
	WHERE $4 = 'course_date' AND d.id = $5
	UNION ALL
	SELECT p.name || ', ' || c.title || ', ' || to_char(d.starts_at AT TIME ZONE 'Europe/Copenhagen', 'DD.MM.YYYY'), d.id, p.booking_id
	FROM participants p JOIN course_dates d ON d.id = p.date_id JOIN courses c ON c.id = d.course_id
	WHERE $4 = 'participant' AND p.id = $5
	UNION ALL
	SELECT b.ref || ', ' || b.org_name || ' (' || b.booker_name || ')', NULL, b.id
	FROM bookings b WHERE $4 = 'booking' AND b.id = $5
	UNION ALL
	SELECT 'Fra ' || i.name || coalesce(' om ' || c.title, ''), NULL, NULL
	FROM inquiries i LEFT JOIN courses c ON c.id = i.course_id WHERE $4 = 'inquiry' AND i.id = $5
	UNION ALL
	SELECT v.name || ', ' || v.city, NULL, NULL FROM venues v WHERE $4 = 'venue' AND v.id = $5
	UNION ALL
	SELECT k.name, NULL, NULL FROM consultants k WHERE $4 = 'consultant' AND k.id = $5
	UNION ALL
	SELECT t.name, NULL, NULL FROM topics t WHERE $4 = 'topic' AND t.id = $5
	UNION ALL
	SELECT o.title, NULL, NULL FROM bundle_offers o WHERE $4 = 'bundle_offer' AND o.id = $5
	UNION ALL
	SELECT p.title, NULL, NULL FROM programmes p WHERE $4 = 'programme' AND p.id = $5
	UNION ALL
	SELECT coalesce(nullif(u.name, ''), u.email), NULL, NULL FROM staff_users u WHERE $4 = 'staff_user' AND u.id = $5`

// AuditRow is one line of the audit log as staff read it.
type AuditRow struct {
	audit.Entry
	ID        int64
	At        time.Time
	StaffName string
	// Whether the thing still exists, so the log links to it only then.
	Exists     bool
	BookingRef string // the booking's reference, to find it by
}

// AuditLog lists entries newest first, those with an id below before
// (0: from the newest), at most limit.
func (s *Store) AuditLog(ctx context.Context, before int64, limit int) ([]AuditRow, error) {
	rows, err := s.Pool.Query(ctx, `
		SELECT a.id, a.at, coalesce(a.staff_user_id, 0), coalesce(nullif(u.name, ''), u.email, ''), a.actor,
			a.entity, a.entity_id, a.action, a.label, coalesce(a.date_id, 0), coalesce(a.booking_id, 0), a.changes,
			CASE a.entity
				WHEN 'course' THEN EXISTS (SELECT 1 FROM courses x WHERE x.id = a.entity_id)
				WHEN 'course_date' THEN EXISTS (SELECT 1 FROM course_dates x WHERE x.id = a.entity_id)
				WHEN 'participant' THEN EXISTS (SELECT 1 FROM participants x WHERE x.id = a.entity_id)
				WHEN 'booking' THEN EXISTS (SELECT 1 FROM bookings x WHERE x.id = a.entity_id)
				WHEN 'inquiry' THEN EXISTS (SELECT 1 FROM inquiries x WHERE x.id = a.entity_id)
				WHEN 'venue' THEN EXISTS (SELECT 1 FROM venues x WHERE x.id = a.entity_id)
				WHEN 'consultant' THEN EXISTS (SELECT 1 FROM consultants x WHERE x.id = a.entity_id)
				WHEN 'topic' THEN EXISTS (SELECT 1 FROM topics x WHERE x.id = a.entity_id)
				WHEN 'bundle_offer' THEN EXISTS (SELECT 1 FROM bundle_offers x WHERE x.id = a.entity_id)
				WHEN 'programme' THEN EXISTS (SELECT 1 FROM programmes x WHERE x.id = a.entity_id)
				WHEN 'staff_user' THEN EXISTS (SELECT 1 FROM staff_users x WHERE x.id = a.entity_id)
				ELSE false END,
			coalesce((SELECT b.ref FROM bookings b WHERE b.id = a.booking_id), '')
		FROM audit_log a LEFT JOIN staff_users u ON u.id = a.staff_user_id
		WHERE $1 = 0 OR a.id < $1
		ORDER BY a.id DESC LIMIT $2`, before, limit)
	return scanAll(rows, err, func(r pgx.Rows) (AuditRow, error) {
		var e AuditRow
		err := r.Scan(&e.ID, &e.At, &e.StaffID, &e.StaffName, &e.Actor, &e.Entity, &e.EntityID, &e.Action, &e.Label,
			&e.DateID, &e.BookingID, &e.Changes, &e.Exists, &e.BookingRef)
		return e, err
	})
}
