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

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/ical"
	"kursuskatalog/internal/invoice"
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
	// OfferWindows are how long an offered seat waits for an answer;
	// booking.DefaultOfferWindows when zero.
	OfferWindows booking.OfferWindows
	// Organizer is who sends the calendar invitations (their ORGANIZER):
	// COK's mail address.
	Organizer ical.Person
	// Supplier is COK as invoices name it; invoice.DefaultSupplier when
	// it has no CVR number.
	Supplier invoice.Supplier
	// AccessPoint takes the OIOUBL documents for NemHandel; without one
	// they are issued but not sent (the sending job fails and retries).
	AccessPoint invoice.AccessPoint
}

// Service runs the enrolment use cases.
type Service struct {
	store   *store.Store
	queue   *jobs.Queue
	baseURL string
	now     func() time.Time
	groups  *groups
	windows booking.OfferWindows
	org     ical.Person

	supplier    invoice.Supplier
	accessPoint invoice.AccessPoint
}

// defaultOrganizer sends the invitations when Deps names nobody.
var defaultOrganizer = ical.Person{Name: "COK Kursuskatalog", Email: "kurser@cok.dk"}

// New makes the service.
func New(d Deps) *Service {
	if d.Now == nil {
		d.Now = time.Now
	}
	if d.Logger == nil {
		d.Logger = slog.New(slog.DiscardHandler)
	}
	if d.OfferWindows.Window == 0 {
		d.OfferWindows = booking.DefaultOfferWindows
	}
	if d.Organizer.Email == "" {
		d.Organizer = defaultOrganizer
	}
	if d.Supplier.CVR == "" {
		d.Supplier = invoice.DefaultSupplier
	}
	s := &Service{store: d.Store, queue: d.Queue, baseURL: d.BaseURL, now: d.Now,
		windows: d.OfferWindows, org: d.Organizer, supplier: d.Supplier, accessPoint: d.AccessPoint}
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
	_, err := s.recordIDs(ctx, tx, mails)
	return err
}

// recordIDs is record, returning the mails' ids.
func (s *Service) recordIDs(ctx context.Context, tx pgx.Tx, mails []store.NewMail) ([]int64, error) {
	if len(mails) == 0 {
		return nil, nil
	}
	// The stored text opens nothing: the links' tokens are kept apart
	// until the mail is sent (see mail.Redact).
	for i := range mails {
		mails[i].Tokens = mail.Redact(&mails[i].Text, &mails[i].HTML)
	}
	ids, err := store.InsertMails(ctx, tx, mails)
	if err != nil {
		return nil, err
	}
	if err := store.InsertAttachments(ctx, tx, ids, mails); err != nil {
		return nil, err
	}
	if err := store.InsertLinkTokens(ctx, tx, ids, mails); err != nil {
		return nil, err
	}
	return ids, s.queue.SendMails(ctx, tx, ids)
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

// outbox gathers the mails of one change, each with what it is about,
// until post records them.
type outbox []owned

type owned struct {
	owner store.MailOwner
	msg   mail.Message
}

// add puts mails about a booking in the outbox.
func (o *outbox) add(bookingID int64, msgs ...mail.Message) {
	for _, m := range msgs {
		*o = append(*o, owned{store.MailOwner{BookingID: bookingID}, m})
	}
}

// post records the outbox's mails with the one job that sends them, in
// tx, after rendering their calendar invitations: each event's SEQUENCE
// is raised in the same transaction, so a later change always carries a
// higher one.
func (s *Service) post(ctx context.Context, tx pgx.Tx, o outbox, now time.Time) error {
	var events []store.CalendarEvent
	msgs := make([]mail.Message, len(o))
	for i, m := range o {
		msgs[i] = m.msg
		for _, inv := range m.msg.Invites {
			date, email := inv.Key()
			events = append(events, store.CalendarEvent{DateID: date, Email: email})
		}
	}
	seqs, err := store.NextSequences(ctx, tx, events)
	if err != nil {
		return err
	}
	mail.Calendars{Organizer: s.org, BaseURL: s.baseURL, Now: now, Sequence: func(inv mail.Invite) int {
		date, email := inv.Key()
		return seqs[store.CalendarEvent{DateID: date, Email: email}]
	}}.Attach(msgs)
	out := make([]store.NewMail, len(o))
	for i, m := range msgs {
		out[i] = about(o[i].owner, m)[0]
	}
	return s.record(ctx, tx, out)
}
