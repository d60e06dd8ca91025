// Package enrolment holds the use cases of enrolment: booking, cancelling,
// handing a seat on, the staff's actions on participants and dates, and
// inquiries. Each method opens the transaction, reads and writes rows
// through the store, asks the pure rules of package booking what to do,
// and records the mails and jobs that follow in that same transaction:
// a change that rolls back mails nobody, and one that commits always gets
// its mails sent.
package enrolment

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/jobs"
	"kursuskatalog/internal/mail"
	"kursuskatalog/internal/store"
)

// Deps is what the service needs.
type Deps struct {
	Store   *store.Store
	Queue   *jobs.Queue
	Logger  *slog.Logger
	BaseURL string // the site's address, for the links in mails
	// Now is the clock; tests move it instead of sleeping.
	Now func() time.Time
}

// Service runs the enrolment use cases.
type Service struct {
	store   *store.Store
	queue   *jobs.Queue
	log     *slog.Logger
	baseURL string
	now     func() time.Time
	groups  *groups
}

// New makes the service.
func New(d Deps) *Service {
	if d.Now == nil {
		d.Now = time.Now
	}
	if d.Logger == nil {
		d.Logger = slog.New(slog.DiscardHandler)
	}
	s := &Service{store: d.Store, queue: d.Queue, log: d.Logger, baseURL: d.BaseURL, now: d.Now}
	s.groups = &groups{run: s.bookGroup, log: d.Logger}
	return s
}

// Now is the service's clock, for the pages that show what a change would
// do at this moment.
func (s *Service) Now() time.Time { return s.now() }

// seatTx runs fn in a transaction that may take or free seats; once it
// has committed (or may have), the change is announced to every process.
func (s *Service) seatTx(ctx context.Context, fn func(tx pgx.Tx) error) error {
	err := s.store.InTx(ctx, fn)
	var unknown *store.CommitUnknownError
	if err == nil || errors.As(err, &unknown) {
		s.store.SeatsChanged()
	}
	return err
}

// record records mails, each with the booking or inquiry it is about, and
// the one job that sends them all, in tx: the outbox.
func (s *Service) record(ctx context.Context, tx pgx.Tx, mails []store.NewMail) error {
	if len(mails) == 0 {
		return nil
	}
	ids, err := store.InsertMails(ctx, tx, mails)
	if err != nil {
		return err
	}
	if err := store.InsertAttachments(ctx, tx, ids, mails); err != nil {
		return err
	}
	return s.queue.SendMails(ctx, tx, ids)
}

// about ties messages to the booking or inquiry they are about.
func about(owner store.MailOwner, msgs ...mail.Message) []store.NewMail {
	out := make([]store.NewMail, len(msgs))
	for i, m := range msgs {
		out[i] = store.NewMail{MailOwner: owner, Mail: store.Mail{Kind: m.Kind, To: m.To, ToName: m.ToName,
			ReplyTo: m.ReplyTo, Subject: m.Subject, Text: m.Text, HTML: m.HTML, ICS: m.ICS}}
		for _, f := range m.Files {
			out[i].Files = append(out[i].Files, store.File(f))
		}
	}
	return out
}

// links are the site's links for mails about bookings.
func (s *Service) links() mail.Links { return mail.Links{BaseURL: s.baseURL} }
