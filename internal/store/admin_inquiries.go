package store

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/audit"
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
		var changed audit.Changes
		changed.Add("state", InquiryStateText(state), InquiryStateText(u.State))
		if consultant != u.ConsultantID {
			var from, to string
			if err := tx.QueryRow(ctx, `SELECT coalesce((SELECT name FROM consultants WHERE id = $1), ''),
				coalesce((SELECT name FROM consultants WHERE id = $2), '')`, consultant, u.ConsultantID).Scan(&from, &to); err != nil {
				return err
			}
			changed = append(changed, audit.Change{Field: "consultant", Old: from, New: to})
		}
		changed.Add("internal_note", note, u.InternalNote)
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
		return Record(ctx, tx, audit.Entry{StaffID: staffID, Entity: "inquiry", EntityID: id, Action: "update", Changes: changed}, now)
	})
}

// InquiryStateText is an inquiry's state in Danish.
func InquiryStateText(state string) string {
	if state == "handled" {
		return "Behandlet"
	}
	return "Ny"
}

// InquiryReply is one answer staff mailed to an inquiry.
type InquiryReply struct {
	ID        int64
	InquiryID int64
	StaffID   int64
	StaffName string
	MailID    int64
	ReplyTo   string
	Subject   string
	Body      string
	CreatedAt time.Time
}

// LockInquiry locks an inquiry and reads it with its consultant's e-mail
// ("" when none).
func LockInquiry(ctx context.Context, tx pgx.Tx, id int64) (InquiryRow, string, error) {
	if _, err := tx.Exec(ctx, `SELECT 1 FROM inquiries WHERE id = $1 FOR UPDATE`, id); err != nil {
		return InquiryRow{}, "", err
	}
	q, err := scanInquiryRow(tx.QueryRow(ctx, `SELECT `+inquiryRowColumns+inquiryFrom+` WHERE i.id = $1`, id))
	if err != nil {
		return q, "", err
	}
	var email string
	err = tx.QueryRow(ctx, `SELECT coalesce((SELECT email FROM consultants WHERE id = $1), '')`, q.ConsultantID).Scan(&email)
	return q, email, err
}

// InsertInquiryReply keeps an answer on its inquiry's thread.
func InsertInquiryReply(ctx context.Context, tx pgx.Tx, r InquiryReply, now time.Time) error {
	_, err := tx.Exec(ctx, `
		INSERT INTO inquiry_replies (inquiry_id, staff_user_id, mail_id, reply_to, subject, body, created_at)
		VALUES ($1, nullif($2::bigint, 0), nullif($3::bigint, 0), $4, $5, $6, $7)`,
		r.InquiryID, r.StaffID, r.MailID, r.ReplyTo, r.Subject, r.Body, now)
	return err
}

// SetInquiryState sets an inquiry's state (new or handled).
func SetInquiryState(ctx context.Context, tx pgx.Tx, id int64, state string) error {
	_, err := tx.Exec(ctx, `UPDATE inquiries SET state = $2 WHERE id = $1`, id, state)
	return err
}

// InquiryReplies is an inquiry's thread of answers, oldest first.
func (s *Store) InquiryReplies(ctx context.Context, inquiryID int64) ([]InquiryReply, error) {
	rows, err := s.Pool.Query(ctx, `
		SELECT r.id, r.inquiry_id, coalesce(r.staff_user_id, 0), coalesce(nullif(u.name, ''), u.email, ''),
			coalesce(r.mail_id, 0), r.reply_to, r.subject, r.body, r.created_at
		FROM inquiry_replies r LEFT JOIN staff_users u ON u.id = r.staff_user_id
		WHERE r.inquiry_id = $1 ORDER BY r.id`, inquiryID)
	return scanAll(rows, err, func(r pgx.Rows) (InquiryReply, error) {
		var x InquiryReply
		err := r.Scan(&x.ID, &x.InquiryID, &x.StaffID, &x.StaffName, &x.MailID, &x.ReplyTo, &x.Subject, &x.Body, &x.CreatedAt)
		return x, err
	})
}
