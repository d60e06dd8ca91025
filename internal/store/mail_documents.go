package store

import (
	"context"

	"github.com/jackc/pgx/v5"
)

// attachDocuments puts the PDF of the document each mail delivers in its
// Files. The bytes stay with the document (kept for the bookkeeping law's
// five years); the mail only points at it.
func (s *Store) attachDocuments(ctx context.Context, mails []OutgoingMail) error {
	ids := make([]int64, len(mails))
	at := make(map[int64]int, len(mails))
	for i, m := range mails {
		ids[i], at[m.ID] = m.ID, i
	}
	rows, err := s.Pool.Query(ctx, `
		SELECT m.id, CASE d.kind WHEN 'credit_note' THEN 'kreditnota-' ELSE 'faktura-' END || d.number || '.pdf', d.pdf
		FROM outgoing_mails m JOIN invoice_documents d ON d.id = m.document_id
		WHERE m.id = ANY($1)`, ids)
	if err != nil {
		return err
	}
	var id int64
	var f File
	_, err = pgx.ForEachRow(rows, []any{&id, &f.Name, &f.Data}, func() error {
		f.ContentType = "application/pdf"
		f.Data = append([]byte(nil), f.Data...)
		mails[at[id]].Files = append(mails[at[id]].Files, f)
		return nil
	})
	return err
}
