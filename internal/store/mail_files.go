package store

import (
	"context"

	"github.com/jackc/pgx/v5"
)

// InsertAttachments records the files of the mails just recorded with
// ids (in the order of mails), in one statement; nothing when none has a
// file.
func InsertAttachments(ctx context.Context, tx DB, ids []int64, mails []NewMail) error {
	var mailIDs []int64
	var positions []int32
	var names, types []string
	var data [][]byte
	for i, m := range mails {
		for k, f := range m.Files {
			mailIDs, positions = append(mailIDs, ids[i]), append(positions, int32(k))
			names, types, data = append(names, f.Name), append(types, f.ContentType), append(data, f.Data)
		}
	}
	if len(mailIDs) == 0 {
		return nil
	}
	_, err := tx.Exec(ctx, `
		INSERT INTO mail_attachments (mail_id, position, name, content_type, data)
		SELECT * FROM unnest($1::bigint[], $2::int[], $3::text[], $4::text[], $5::bytea[])`,
		mailIDs, positions, names, types, data)
	return err
}

// AttachFiles reads the files of mails into them.
func (s *Store) AttachFiles(ctx context.Context, mails []OutgoingMail) error {
	ids := make([]int64, len(mails))
	at := make(map[int64]int, len(mails))
	for i, m := range mails {
		ids[i], at[m.ID] = m.ID, i
	}
	rows, err := s.Pool.Query(ctx, `SELECT mail_id, name, content_type, data FROM mail_attachments
		WHERE mail_id = ANY($1) ORDER BY mail_id, position`, ids)
	if err != nil {
		return err
	}
	var id int64
	var f File
	_, err = pgx.ForEachRow(rows, []any{&id, &f.Name, &f.ContentType, &f.Data}, func() error {
		f.Data = append([]byte(nil), f.Data...)
		mails[at[id]].Files = append(mails[at[id]].Files, f)
		return nil
	})
	return err
}
