package enrolment

import (
	"context"

	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/jobs"
	"kursuskatalog/internal/mail"
	"kursuskatalog/internal/store"
)

// ComposeBookingMails composes the mails of new bookings (the receipt and
// a mail to each participant) as they were made, and records them with
// one send job, in one transaction and once: a second run (a retried or
// rescued job) finds the receipts recorded and does nothing. A booking
// deleted meanwhile gets no mails.
func (s *Service) ComposeBookingMails(ctx context.Context, bookings []jobs.BookingMail) error {
	ids := make([]int64, 0, len(bookings))
	links := make(map[int64]string, len(bookings))
	for _, b := range bookings {
		if _, named := links[b.BookingID]; !named { // once, even if named twice
			ids = append(ids, b.BookingID)
			links[b.BookingID] = b.ManageURL
		}
	}
	return s.store.InTx(ctx, func(tx pgx.Tx) error {
		recs, err := store.LockBookingsMails(ctx, tx, ids)
		if err != nil {
			return err
		}
		var mails []store.NewMail
		for _, rec := range recs {
			// Deadlines and calendar stamps as at the moment of booking,
			// not of the worker's turn.
			l := mail.Links{BaseURL: s.baseURL, ManageURL: links[rec.ID]}
			mails = append(mails, about(store.MailOwner{BookingID: rec.ID}, mail.BookingMails(rec, l, rec.CreatedAt)...)...)
		}
		// The staff search finds the bookings by their own row from now on
		// (store.SearchBookings); the booking's transaction did not write
		// it, to keep the trigram index out of the rush.
		if err := store.IndexBookings(ctx, tx, ids); err != nil {
			return err
		}
		return s.record(ctx, tx, mails)
	})
}
