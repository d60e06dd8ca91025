package store

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"
)

// InquiryRow is an inquiry in the staff inbox, with the names of its
// course and consultant.
type InquiryRow struct {
	Inquiry
	CourseTitle    string
	ConsultantName string
	InternalNote   string
}

const inquiryRowColumns = `i.id, i.kind, coalesce(i.course_id, 0), coalesce(i.consultant_id, 0), i.name, i.email, i.phone,
	i.organisation, coalesce(i.participants, 0), i.period, i.place, i.message, i.page_url, i.client_addr, i.state,
	i.created_at, coalesce(c.title, ''), coalesce(k.name, ''), i.internal_note`

func scanInquiryRow(row pgx.Row) (InquiryRow, error) {
	var q InquiryRow
	err := row.Scan(&q.ID, &q.Kind, &q.CourseID, &q.ConsultantID, &q.Name, &q.Email, &q.Phone, &q.Organisation,
		&q.Participants, &q.Period, &q.Place, &q.Message, &q.PageURL, &q.ClientAddr, &q.State, &q.CreatedAt,
		&q.CourseTitle, &q.ConsultantName, &q.InternalNote)
	return q, notFound(err)
}

const inquiryFrom = ` FROM inquiries i LEFT JOIN courses c ON c.id = i.course_id LEFT JOIN consultants k ON k.id = i.consultant_id`

// Inquiries lists the inbox, newest first; state "" lists all.
func (s *Store) Inquiries(ctx context.Context, state string, limit int) ([]InquiryRow, error) {
	rows, err := s.Pool.Query(ctx, `SELECT `+inquiryRowColumns+inquiryFrom+`
		WHERE $1 = '' OR i.state = $1 ORDER BY i.created_at DESC, i.id DESC LIMIT $2`, state, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []InquiryRow
	for rows.Next() {
		q, err := scanInquiryRow(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, q)
	}
	return out, rows.Err()
}

// InquiryByID loads one inquiry for staff.
func (s *Store) InquiryByID(ctx context.Context, id int64) (InquiryRow, error) {
	return scanInquiryRow(s.Pool.QueryRow(ctx, `SELECT `+inquiryRowColumns+inquiryFrom+` WHERE i.id = $1`, id))
}

// ConsultantOption is a consultant to choose in a form.
type ConsultantOption struct {
	ID   int64
	Name string
}

// ConsultantOptions lists every consultant by name.
func (s *Store) ConsultantOptions(ctx context.Context) ([]ConsultantOption, error) {
	rows, err := s.Pool.Query(ctx, `SELECT id, name FROM consultants ORDER BY name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ConsultantOption
	for rows.Next() {
		var c ConsultantOption
		if err := rows.Scan(&c.ID, &c.Name); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// InquiryUpdate is what staff change on an inquiry.
type InquiryUpdate struct {
	State        string
	ConsultantID int64 // 0: none
	InternalNote string
}

// UpdateInquiry saves state, consultant and note, and audits the fields
// that changed.
func (s *Store) UpdateInquiry(ctx context.Context, id, staffID int64, u InquiryUpdate, now time.Time) error {
	return s.InTx(ctx, func(tx pgx.Tx) error {
		var state, note string
		var consultant int64
		if err := tx.QueryRow(ctx, `SELECT state, coalesce(consultant_id, 0), internal_note FROM inquiries WHERE id = $1 FOR UPDATE`, id).
			Scan(&state, &consultant, &note); err != nil {
			return notFound(err)
		}
		var changed []string
		if state != u.State {
			changed = append(changed, "state")
		}
		if consultant != u.ConsultantID {
			changed = append(changed, "consultant_id")
		}
		if note != u.InternalNote {
			changed = append(changed, "internal_note")
		}
		if len(changed) == 0 {
			return nil
		}
		// handled_at starts the year after which the inquiry is deleted
		// (privacy.InquiryMonths); reopening it stops that.
		if _, err := tx.Exec(ctx, `UPDATE inquiries SET state = $2, consultant_id = nullif($3, 0), internal_note = $4,
				handled_at = CASE WHEN $2 = 'handled' THEN coalesce(handled_at, $5) END WHERE id = $1`,
			id, u.State, u.ConsultantID, u.InternalNote, now); err != nil {
			return err
		}
		return Audit(ctx, tx, staffID, "inquiry", id, "update", changed, now)
	})
}
