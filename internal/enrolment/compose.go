package enrolment

import (
	"context"
	"strings"

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
	named := make(map[int64]bool, len(bookings))
	for _, b := range bookings {
		if !named[b.BookingID] { // once, even if named twice
			ids = append(ids, b.BookingID)
			named[b.BookingID] = true
		}
	}
	return s.store.InTx(ctx, func(tx pgx.Tx) error {
		recs, err := store.LockBookingsMails(ctx, tx, ids)
		if err != nil {
			return err
		}
		tokens, err := store.TakeBookingTokens(ctx, tx, ids)
		if err != nil {
			return err
		}
		var box outbox
		personal := &linkMaker{base: s.baseURL}
		for _, rec := range recs {
			// Deadlines as at the moment of booking, not of the worker's turn.
			l := mail.Links{BaseURL: s.baseURL, ManageURL: manageURL(s.baseURL, tokens[rec.ID]), PersonURLs: map[string]string{}}
			for _, p := range rec.People() {
				l.PersonURLs[strings.ToLower(p.Email)] = personal.url(rec.ID, p.Email)
			}
			box.add(rec.ID, mail.BookingMails(rec, l, rec.CreatedAt)...)
		}
		// The staff search finds the bookings by their own row from now on
		// (store.SearchBookings); the booking's transaction only marked
		// them pending, to keep the trigram index out of the rush.
		if err := store.IndexBookings(ctx, tx, ids); err != nil {
			return err
		}
		if err := personal.save(ctx, tx, s.now()); err != nil {
			return err
		}
		if err := s.remindLate(ctx, tx, recs); err != nil {
			return err
		}
		return s.post(ctx, tx, box, s.now())
	})
}

// manageURL is the booker's link; "" when its token is gone (the receipt
// then tells them to use the link of an earlier mail or ask COK).
func manageURL(base, token string) string {
	if token == "" {
		return ""
	}
	return base + "/min-tilmelding/" + token
}
