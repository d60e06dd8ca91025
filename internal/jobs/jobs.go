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

// SendMailArgs asks for recorded mails to be sent: those recorded together
// (by one call of queue), over one SMTP connection.
type SendMailArgs struct {
	MailIDs []int64 `json:"mail_ids,omitempty"`
	// One mail, as the jobs queued before mails went together name it.
	MailID int64 `json:"mail_id,omitempty"`
}

// Kind names the job in River's table.
func (SendMailArgs) Kind() string { return "send_mail" }

// ids lists the mails a job names.
func (a SendMailArgs) ids() []int64 {
	if a.MailID != 0 {
		return append([]int64{a.MailID}, a.MailIDs...)
	}
	return a.MailIDs
}

// Sender delivers mails and returns an error for each one not delivered
// (nil for those that were); *mail.Sender does it over SMTP.
type Sender interface {
	Send(ctx context.Context, msgs []mail.Message) []error
}

type mailWorker struct {
	river.WorkerDefaults[SendMailArgs]
	store  *store.Store
	sender Sender // nil: record only
	now    func() time.Time
}

// Work sends the job's mails not sent yet, or marks them recorded when no
// SMTP server is configured. When some fail, they are marked with their
// error and the job returns one, so River retries it with backoff; the
// retry sends only those.
func (w *mailWorker) Work(ctx context.Context, job *river.Job[SendMailArgs]) error {
	all, err := w.store.Mails(ctx, job.Args.ids())
	if err != nil {
		return err
	}
	var todo []store.OutgoingMail
	for _, m := range all {
		if m.State != "sent" && m.State != "recorded" {
			todo = append(todo, m)
		}
	}
	if len(todo) == 0 {
		return nil
	}
	ids := make([]int64, len(todo))
	msgs := make([]mail.Message, len(todo))
	for i, m := range todo {
		ids[i], msgs[i] = m.ID, m.Message
	}
	if w.sender == nil {
		return w.store.MarkMails(ctx, ids, "recorded", "", w.now())
	}
	sendErrs := w.sender.Send(ctx, msgs)
	now := w.now()
	state := "queued"
	if job.Attempt >= job.MaxAttempts {
		state = "failed"
	}
	// One update for the mails sent and one per error for those that were
	// not (with SMTP away, all of them have the same one).
	var sent []int64
	failed := map[string][]int64{}
	var errs []error
	for i, err := range sendErrs {
		if err == nil {
			sent = append(sent, ids[i])
			continue
		}
		errs = append(errs, fmt.Errorf("send mail %d: %w", ids[i], err))
		failed[err.Error()] = append(failed[err.Error()], ids[i])
	}
	if len(sent) > 0 {
		if err := w.store.MarkMails(ctx, sent, "sent", "", now); err != nil {
			errs = append(errs, err)
		}
	}
	for msg, some := range failed {
		if err := w.store.MarkMails(ctx, some, state, msg, now); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// Timeout bounds one SMTP conversation: a few seconds a mail.
func (w *mailWorker) Timeout(job *river.Job[SendMailArgs]) time.Duration {
	return 30*time.Second + time.Duration(len(job.Args.ids()))*2*time.Second
}

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
// work that competes with the bookings themselves, so one worker does it,
// a job (the bookings of one transaction, up to 32 in a rush) in one
// transaction with one send job for all its mails. A queue takes at most
// its free workers' worth of jobs per fetch, one fetch per FetchCooldown.
// Measured on a -scale 2000 catalogue after 10 s of bookings at 32
// connections (~8 bookings a job): with a transaction per booking, a send
// job per mail and River's 50 ms cooldown, composing took 20 jobs a second
// and sending 200 mails a second, and 44,000 bookings in a rush of 4,000 a
// second left 25,843 jobs waiting 300 s later; the worker was idle 72 % of
// the time. With a transaction per job and a 10 ms cooldown it composes
// ~85 jobs (~700 bookings) a second and sending keeps up. Bookings during
// the rush: 2,262–6,294 a second with it, 3,037–3,332 with the old way in
// the same hour (this machine's speed varies by half).
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
		cfg.Queues = map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: n}, composeQueue: {MaxWorkers: 1, FetchCooldown: 10 * time.Millisecond}}
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

// RecordBookingMails composes the mails of the bookings a job names, as
// they were made, and records them with one send job, in one transaction
// and once: a second run (a retried or rescued job) finds the receipts
// recorded and does nothing. A booking deleted meanwhile gets no mails.
func (j *Jobs) RecordBookingMails(ctx context.Context, a BookingMailsArgs) error {
	bookings := a.all()
	ids := make([]int64, 0, len(bookings))
	links := make(map[int64]string, len(bookings))
	for _, b := range bookings {
		if _, named := links[b.BookingID]; !named { // once, even if named twice
			ids = append(ids, b.BookingID)
			links[b.BookingID] = b.ManageURL
		}
	}
	return j.store.InTx(ctx, func(tx pgx.Tx) error {
		recs, err := store.LockBookingsMails(ctx, tx, ids)
		if err != nil {
			return err
		}
		var mails []store.NewMail
		for _, rec := range recs {
			// Deadlines and calendar stamps as at the moment of booking,
			// not of the worker's turn.
			for _, m := range mail.BookingMails(rec, mail.Links{BaseURL: j.baseURL, ManageURL: links[rec.ID]}, rec.CreatedAt) {
				mails = append(mails, store.NewMail{MailOwner: store.MailOwner{BookingID: rec.ID}, Message: m})
			}
		}
		return j.queue(ctx, tx, mails)
	})
}

// QueueMails records msgs about a booking and inserts the job that sends
// them, in tx.
func (j *Jobs) QueueMails(ctx context.Context, tx pgx.Tx, bookingID int64, msgs []mail.Message) error {
	return j.queue(ctx, tx, owned(store.MailOwner{BookingID: bookingID}, msgs))
}

// QueueInquiryMails records msgs about an inquiry and queues them, in tx.
func (j *Jobs) QueueInquiryMails(ctx context.Context, tx pgx.Tx, inquiryID int64, msgs []mail.Message) error {
	return j.queue(ctx, tx, owned(store.MailOwner{InquiryID: inquiryID}, msgs))
}

func owned(owner store.MailOwner, msgs []mail.Message) []store.NewMail {
	out := make([]store.NewMail, len(msgs))
	for i, m := range msgs {
		out[i] = store.NewMail{MailOwner: owner, Message: m}
	}
	return out
}

// queue records mails and one job that sends them all.
func (j *Jobs) queue(ctx context.Context, tx pgx.Tx, mails []store.NewMail) error {
	if len(mails) == 0 {
		return nil
	}
	ids, err := store.InsertMails(ctx, tx, mails)
	if err != nil {
		return err
	}
	if _, err := j.Client.InsertTx(ctx, tx, SendMailArgs{MailIDs: ids}, nil); err != nil {
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
