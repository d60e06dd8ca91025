// Package jobs runs the site's background work on River: sending the mails
// that bookings and inquiries record. Jobs are inserted in the same
// transaction as the rows they follow, so a rolled-back booking sends
// nothing and a committed one always gets its mails.
package jobs

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"

	"kursuskatalog/internal/mail"
	"kursuskatalog/internal/store"
)

// SendMailArgs asks for one recorded mail to be sent.
type SendMailArgs struct {
	MailID int64 `json:"mail_id"`
}

// Kind names the job in River's table.
func (SendMailArgs) Kind() string { return "send_mail" }

// Sender delivers a mail; *mail.Sender does it over SMTP.
type Sender interface {
	Send(ctx context.Context, m mail.Message) error
}

type mailWorker struct {
	river.WorkerDefaults[SendMailArgs]
	store  *store.Store
	sender Sender // nil: record only
	now    func() time.Time
}

// Work sends the mail, or marks it recorded when no SMTP server is
// configured. A failed send is returned so River retries it with backoff.
func (w *mailWorker) Work(ctx context.Context, job *river.Job[SendMailArgs]) error {
	m, err := w.store.Mail(ctx, job.Args.MailID)
	if errors.Is(err, store.ErrNotFound) {
		return nil
	} else if err != nil {
		return err
	}
	if m.State == "sent" || m.State == "recorded" {
		return nil
	}
	if w.sender == nil {
		return w.store.MarkMail(ctx, m.ID, "recorded", "", w.now())
	}
	if err := w.sender.Send(ctx, m.Message); err != nil {
		state := "queued"
		if job.Attempt >= job.MaxAttempts {
			state = "failed"
		}
		if merr := w.store.MarkMail(ctx, m.ID, state, err.Error(), w.now()); merr != nil {
			return errors.Join(err, merr)
		}
		return fmt.Errorf("send mail %d: %w", m.ID, err)
	}
	return w.store.MarkMail(ctx, m.ID, "sent", "", w.now())
}

// Timeout bounds one SMTP conversation.
func (w *mailWorker) Timeout(*river.Job[SendMailArgs]) time.Duration { return 30 * time.Second }

// BookingMailsArgs asks for the mails of new bookings made together (in
// one transaction): for each, the receipt to the booker and a mail to each
// participant. The worker composes and records them, so that the bookings'
// own transaction inserts only this small row (rendering and storing two or
// more mails in it halved the bookings a second).
type BookingMailsArgs struct {
	Bookings []BookingMail `json:"bookings,omitempty"`
	// One booking, as the jobs queued before bookings were made together
	// name it.
	BookingID int64  `json:"booking_id,omitempty"`
	ManageURL string `json:"manage_url,omitempty"`
}

// BookingMail names a booking to mail. ManageURL carries the booker's link,
// which the database keeps only as a hash; the receipt mail shows it.
type BookingMail struct {
	BookingID int64  `json:"booking_id"`
	ManageURL string `json:"manage_url"`
}

// all lists the bookings a job names.
func (a BookingMailsArgs) all() []BookingMail {
	if a.BookingID != 0 {
		return append([]BookingMail{{BookingID: a.BookingID, ManageURL: a.ManageURL}}, a.Bookings...)
	}
	return a.Bookings
}

// Kind names the job in River's table.
func (BookingMailsArgs) Kind() string { return "booking_mails" }

// composeQueue holds the booking_mails jobs. Composing is CPU and database
// work that competes with the bookings themselves, so one worker does it:
// in a rush of bookings most of the CPU goes to the bookings while the
// mails trail behind. A queue takes at most its free workers' worth of jobs
// per fetch, one fetch per FetchCooldown (50 ms), so this takes at most 20
// jobs a second; a job has the bookings of one transaction, up to 32 in a
// rush. Measured on the benchmark, 10 s of bookings at 32 connections
// (mails recorded, not sent): one compose worker gave 2,076 and 2,110
// bookings/s, two 1,201 and 1,268/s, four 1,361 and 1,180/s; the last mail
// was recorded 183–215 s after the rush with one worker (42,000 mails), 57–135 s
// with two or four. Before bookings were made together (a job and a
// transaction each) four workers gave 650–860 bookings/s.
const composeQueue = "compose"

// InsertOpts puts the job in its queue.
func (BookingMailsArgs) InsertOpts() river.InsertOpts { return river.InsertOpts{Queue: composeQueue} }

type bookingMailsWorker struct {
	river.WorkerDefaults[BookingMailsArgs]
	jobs *Jobs
}

func (w *bookingMailsWorker) Work(ctx context.Context, job *river.Job[BookingMailsArgs]) error {
	return w.jobs.RecordBookingMails(ctx, job.Args)
}

// CleanUpArgs asks for the daily clean-up: visitors (and their favourites)
// not seen for 13 months, expired staff sessions and old rate-limit counters.
type CleanUpArgs struct{}

// Kind names the job in River's table.
func (CleanUpArgs) Kind() string { return "clean_up" }

type cleanUpWorker struct {
	river.WorkerDefaults[CleanUpArgs]
	store *store.Store
	now   func() time.Time
	log   *slog.Logger
}

func (w *cleanUpWorker) Work(ctx context.Context, job *river.Job[CleanUpArgs]) error {
	now := w.now()
	n, err := w.store.DeleteIdleVisitors(ctx, now.AddDate(0, -13, 0))
	if err != nil {
		return err
	}
	if w.log != nil && n > 0 {
		w.log.Info("deleted idle visitors", slog.Int64("visitors", n))
	}
	if err := w.store.PruneSessions(ctx, now); err != nil {
		return err
	}
	return w.store.PruneRateLimits(ctx, now.Add(-24*time.Hour))
}

// Jobs inserts jobs and, when started, works them.
type Jobs struct {
	Client  *river.Client[pgx.Tx]
	store   *store.Store
	baseURL string
}

// Options configure New.
type Options struct {
	Work    bool   // false: insert only (tests of pages, commands)
	Sender  Sender // nil: mails are recorded, not sent
	Logger  *slog.Logger
	Now     func() time.Time
	Workers int
	BaseURL string // the site's address, for the links in mails composed by workers
}

// New builds the River client over pool.
func New(pool *pgxpool.Pool, st *store.Store, o Options) (*Jobs, error) {
	if o.Now == nil {
		o.Now = time.Now
	}
	j := &Jobs{store: st, baseURL: o.BaseURL}
	cfg := &river.Config{Logger: quiet(o.Logger), MaxAttempts: 25}
	if o.Work {
		workers := river.NewWorkers()
		river.AddWorker(workers, &mailWorker{store: st, sender: o.Sender, now: o.Now})
		river.AddWorker(workers, &bookingMailsWorker{jobs: j})
		river.AddWorker(workers, &cleanUpWorker{store: st, now: o.Now, log: o.Logger})
		cfg.PeriodicJobs = []*river.PeriodicJob{river.NewPeriodicJob(river.PeriodicInterval(24*time.Hour),
			func() (river.JobArgs, *river.InsertOpts) { return CleanUpArgs{}, nil },
			&river.PeriodicJobOpts{RunOnStart: true})}
		n := o.Workers
		if n <= 0 {
			n = 10
		}
		cfg.Workers = workers
		cfg.Queues = map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: n}, composeQueue: {MaxWorkers: 1}}
		cfg.FetchCooldown = 50 * time.Millisecond
	}
	c, err := river.NewClient(riverpgxv5.New(pool), cfg)
	if err != nil {
		return nil, err
	}
	j.Client = c
	return j, nil
}

// QueueBookingMails inserts, in tx, the job that mails the bookings made
// in it.
func (j *Jobs) QueueBookingMails(ctx context.Context, tx pgx.Tx, bookings ...BookingMail) error {
	if _, err := j.Client.InsertTx(ctx, tx, BookingMailsArgs{Bookings: bookings}, nil); err != nil {
		return fmt.Errorf("queue booking mails: %w", err)
	}
	return nil
}

// RecordBookingMails composes the mails of each booking a job names, as it
// was made, and records and queues them, once: a second run (a retried or
// rescued job) finds the receipt recorded and does nothing. A booking
// deleted meanwhile gets no mails. Each booking has its own transaction, so
// a retry does not compose again the mails of those before.
func (j *Jobs) RecordBookingMails(ctx context.Context, a BookingMailsArgs) error {
	for _, b := range a.all() {
		if err := j.recordBookingMails(ctx, b); err != nil {
			return err
		}
	}
	return nil
}

func (j *Jobs) recordBookingMails(ctx context.Context, b BookingMail) error {
	return j.store.InTx(ctx, func(tx pgx.Tx) error {
		rec, done, err := store.LockBookingMails(ctx, tx, b.BookingID)
		if errors.Is(err, store.ErrNotFound) || done {
			return nil
		} else if err != nil {
			return err
		}
		// Deadlines and calendar stamps as at the moment of booking, not of
		// the worker's turn.
		msgs := mail.BookingMails(rec, mail.Links{BaseURL: j.baseURL, ManageURL: b.ManageURL}, rec.CreatedAt)
		return j.QueueMails(ctx, tx, rec.ID, msgs)
	})
}

// QueueMails records msgs about a booking and inserts a send job for each, in tx.
func (j *Jobs) QueueMails(ctx context.Context, tx pgx.Tx, bookingID int64, msgs []mail.Message) error {
	return j.queue(ctx, tx, store.MailOwner{BookingID: bookingID}, msgs)
}

// QueueInquiryMails records msgs about an inquiry and queues them, in tx.
func (j *Jobs) QueueInquiryMails(ctx context.Context, tx pgx.Tx, inquiryID int64, msgs []mail.Message) error {
	return j.queue(ctx, tx, store.MailOwner{InquiryID: inquiryID}, msgs)
}

func (j *Jobs) queue(ctx context.Context, tx pgx.Tx, owner store.MailOwner, msgs []mail.Message) error {
	if len(msgs) == 0 {
		return nil
	}
	ids, err := store.InsertMails(ctx, tx, owner, msgs)
	if err != nil {
		return err
	}
	params := make([]river.InsertManyParams, len(ids))
	for i, id := range ids {
		params[i] = river.InsertManyParams{Args: SendMailArgs{MailID: id}}
	}
	if _, err := j.Client.InsertManyTx(ctx, tx, params); err != nil {
		return fmt.Errorf("queue mails: %w", err)
	}
	return nil
}

// quiet passes on River's warnings and errors only; its info lines (job
// counts every few seconds) would drown the access log.
func quiet(l *slog.Logger) *slog.Logger {
	if l == nil {
		return nil
	}
	return slog.New(minLevel{l.Handler(), slog.LevelWarn})
}

type minLevel struct {
	slog.Handler
	min slog.Level
}

func (h minLevel) Enabled(ctx context.Context, l slog.Level) bool {
	return l >= h.min && h.Handler.Enabled(ctx, l)
}

func (h minLevel) WithAttrs(a []slog.Attr) slog.Handler {
	return minLevel{h.Handler.WithAttrs(a), h.min}
}

func (h minLevel) WithGroup(n string) slog.Handler { return minLevel{h.Handler.WithGroup(n), h.min} }
