// Package jobs runs the site's background work on River. A Queue inserts
// jobs in the transaction of the rows they follow, so a rolled-back change
// queues nothing and a committed one always gets its work done; Workers
// work them: sending recorded mails, having new bookings' mails composed,
// and the daily clean-up.
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

	"kursuskatalog/internal/catalog"
	"kursuskatalog/internal/mail"
	"kursuskatalog/internal/privacy"
	"kursuskatalog/internal/store"
)

// SendMailArgs asks for recorded mails to be sent: those recorded together,
// over one SMTP connection.
type SendMailArgs struct {
	MailIDs []int64 `json:"mail_ids"`
}

// Kind names the job in River's table.
func (SendMailArgs) Kind() string { return "send_mail" }

// BookingMailsArgs asks for the mails of new bookings made together (in
// one transaction): for each, the receipt to the booker and a mail to each
// participant. A Composer composes and records them, so that the bookings'
// own transaction inserts only this small row.
type BookingMailsArgs struct {
	Bookings []BookingMail `json:"bookings"`
}

// BookingMail names a booking to mail. The booker's manage token is not
// here (River keeps a job's arguments after it is done) but in
// booking_mail_tokens until the receipt takes it.
type BookingMail struct {
	BookingID int64 `json:"booking_id"`
}

// Kind names the job in River's table.
func (BookingMailsArgs) Kind() string { return "booking_mails" }

// composeQueue holds the booking_mails jobs. Composing competes with the
// bookings themselves for the database, so one worker does it, a job (the
// bookings of one transaction) at a time, fetching often so that a rush's
// backlog drains: see the README's benchmark section.
const composeQueue = "compose"

// InsertOpts puts the job in its queue.
func (BookingMailsArgs) InsertOpts() river.InsertOpts { return river.InsertOpts{Queue: composeQueue} }

// CleanUpArgs asks for the daily clean-up: visitors (and their favourites)
// not seen for 13 months, expired staff sessions, old rate-limit counters,
// login throttles, login links and used form stamps.
type CleanUpArgs struct{}

// Kind names the job in River's table.
func (CleanUpArgs) Kind() string { return "clean_up" }

// RetentionArgs asks for the retention rules of personal data to be
// applied (daily).
type RetentionArgs struct{}

// Kind names the job in River's table.
func (RetentionArgs) Kind() string { return "retention" }

// Retainer applies the retention rules as of a time; the enrolment service
// is one.
type Retainer interface {
	ApplyRetention(ctx context.Context, asOf time.Time, dry bool) ([]privacy.Result, error)
}

// Queue inserts jobs in the caller's transaction.
type Queue struct {
	client *river.Client[pgx.Tx]
}

// NewQueue makes a Queue that only inserts; Workers work the jobs.
func NewQueue(pool *pgxpool.Pool) (*Queue, error) {
	c, err := river.NewClient(riverpgxv5.New(pool), &river.Config{})
	if err != nil {
		return nil, err
	}
	return &Queue{client: c}, nil
}

// SendMails inserts, in tx, the job that sends the mails recorded in it.
func (q *Queue) SendMails(ctx context.Context, tx pgx.Tx, mailIDs []int64) error {
	if _, err := q.client.InsertTx(ctx, tx, SendMailArgs{MailIDs: mailIDs}, nil); err != nil {
		return fmt.Errorf("queue mails: %w", err)
	}
	return nil
}

// ComposeBookingMails inserts, in tx, the job that mails the bookings made
// in it, and the jobs that invoice them at their times, in one statement.
func (q *Queue) ComposeBookingMails(ctx context.Context, tx pgx.Tx, bookings []BookingMail, bills ...BillAt) error {
	params := append(make([]river.InsertManyParams, 0, 1+len(bills)), river.InsertManyParams{Args: BookingMailsArgs{Bookings: bookings}})
	params = append(params, billParams(bills)...)
	if _, err := q.client.InsertManyTx(ctx, tx, params); err != nil {
		return fmt.Errorf("queue booking mails: %w", err)
	}
	return nil
}

// Sender delivers mails and returns an error for each one not delivered
// (nil for those that were); *mail.Sender does it over SMTP.
type Sender interface {
	Send(ctx context.Context, msgs []mail.Message) []error
}

// Composer composes and records the mails of new bookings; the enrolment
// service is one.
type Composer interface {
	ComposeBookingMails(ctx context.Context, bookings []BookingMail) error
}

// Options configure NewWorkers.
type Options struct {
	Sender   Sender      // nil: mails are recorded, not sent
	Composer Composer    // composes the mails of new bookings
	Offers   OfferPasser // passes offered seats on; nil: no offer jobs are worked
	Invoices Biller      // issues and delivers invoices; nil: no invoice jobs are worked
	// Courses composes the mails that follow a date (nil: none are sent)
	Courses CourseMailer
	// Retention applies the retention rules daily (nil: not here)
	Retention Retainer
	Logger    *slog.Logger
	Now       func() time.Time
	Workers   int // send workers; 10 when 0
}

// nightlyHour is when the daily jobs (the clean-up and the retention
// rules) run: at 03:00 in Copenhagen, when nobody books, on the instance
// that leads River's periodic jobs. Not at every start of an instance: a
// deploy in the middle of the day must not run a pass over every booking
// beside the visitors, and a day missed while the site was down is made
// up the next night (the rules are "older than", so nothing is lost).
const nightlyHour = 3

// dailyAt is River's schedule of a job that runs once a day at an hour in
// Copenhagen.
type dailyAt struct{ hour int }

func (d dailyAt) Next(now time.Time) time.Time {
	t := now.In(catalog.Copenhagen)
	next := time.Date(t.Year(), t.Month(), t.Day(), d.hour, 0, 0, 0, catalog.Copenhagen)
	if !next.After(t) {
		next = time.Date(t.Year(), t.Month(), t.Day()+1, d.hour, 0, 0, 0, catalog.Copenhagen)
	}
	return next
}

// Workers works the jobs; start it with Client.Start.
type Workers struct {
	Client *river.Client[pgx.Tx]
}

// NewWorkers builds the River client that works the jobs over pool, with
// st for the workers' own statements.
func NewWorkers(pool *pgxpool.Pool, st *store.Store, o Options) (*Workers, error) {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Workers <= 0 {
		o.Workers = 10
	}
	workers := river.NewWorkers()
	river.AddWorker(workers, &mailWorker{store: st, sender: o.Sender, now: o.Now})
	river.AddWorker(workers, &bookingMailsWorker{composer: o.Composer})
	river.AddWorker(workers, &cleanUpWorker{store: st, now: o.Now, log: o.Logger})
	if o.Offers != nil {
		river.AddWorker(workers, &offerWorker{passer: o.Offers})
	}
	if o.Invoices != nil {
		river.AddWorker(workers, &billWorker{biller: o.Invoices})
		river.AddWorker(workers, &sendDocumentWorker{biller: o.Invoices})
	}
	periodic := []*river.PeriodicJob{river.NewPeriodicJob(dailyAt{hour: nightlyHour},
		func() (river.JobArgs, *river.InsertOpts) { return CleanUpArgs{}, nil }, nil)}
	if o.Courses != nil {
		periodic = append(periodic, addCourseWorkers(workers, o.Courses))
	}
	if o.Retention != nil {
		river.AddWorker(workers, &retentionWorker{retainer: o.Retention, now: o.Now, log: o.Logger})
		periodic = append(periodic, river.NewPeriodicJob(dailyAt{hour: nightlyHour},
			func() (river.JobArgs, *river.InsertOpts) { return RetentionArgs{}, nil }, nil))
	}
	c, err := river.NewClient(riverpgxv5.New(pool), &river.Config{
		Logger:       quiet(o.Logger),
		MaxAttempts:  25,
		Workers:      workers,
		PeriodicJobs: periodic,
		Queues: map[string]river.QueueConfig{
			river.QueueDefault: {MaxWorkers: o.Workers},
			composeQueue:       {MaxWorkers: 1, FetchCooldown: 10 * time.Millisecond},
		},
		FetchCooldown: 50 * time.Millisecond,
	})
	if err != nil {
		return nil, err
	}
	return &Workers{Client: c}, nil
}

type mailWorker struct {
	river.WorkerDefaults[SendMailArgs]
	store  *store.Store
	sender Sender // nil: record only
	now    func() time.Time
}

// While the SMTP server is away, a send job tries again every outageRetry,
// so that its mails go within that time once the server is back (River's
// backoff had grown to minutes after a few failures, and to hours after a
// long outage). Such a try is a snooze, not an attempt, so an outage uses
// none of the attempts that a mail the server refuses has; after
// outageGiveUp the job counts attempts again and so ends at last.
const (
	outageRetry  = 30 * time.Second
	outageGiveUp = 7 * 24 * time.Hour
)

// Work sends the job's mails not sent yet, or marks them recorded when no
// SMTP server is configured. When some fail, they are marked with their
// error and the job returns one, so River retries it with backoff; the
// retry sends only those. A mail that cannot be made (mail.ErrInvalid) is
// failed at once; when the server could not be reached, the job snoozes.
func (w *mailWorker) Work(ctx context.Context, job *river.Job[SendMailArgs]) error {
	all, err := w.store.Mails(ctx, job.Args.MailIDs)
	if err != nil {
		return err
	}
	if err := w.store.AttachFiles(ctx, all); err != nil {
		return err
	}
	if err := w.store.AttachTokens(ctx, all); err != nil {
		return err
	}
	var ids []int64
	var msgs []mail.Message
	for _, m := range all {
		if m.State != "sent" && m.State != "recorded" && m.State != "failed" {
			ids, msgs = append(ids, m.ID), append(msgs, message(m.Mail))
		}
	}
	if len(ids) == 0 {
		return nil
	}
	if w.sender == nil {
		return w.store.MarkMails(ctx, ids, "recorded", "", w.now())
	}
	failed := "queued"
	if job.Attempt >= job.MaxAttempts {
		failed = "failed"
	}
	sendErrs := w.sender.Send(ctx, msgs)
	err = w.mark(ctx, ids, sendErrs, failed)
	if err != nil && unreachable(sendErrs) && w.now().Sub(job.CreatedAt) < outageGiveUp {
		return river.JobSnooze(outageRetry)
	}
	return err
}

// unreachable says whether every mail failed because the server was away.
func unreachable(errs []error) bool {
	for _, err := range errs {
		if !errors.Is(err, mail.ErrUnreachable) {
			return false
		}
	}
	return len(errs) > 0
}

// mark records what became of each mail: one update for those sent and one
// per error for those that were not (with SMTP away, all of them have the
// same one), and returns the errors for River to retry. A mail that cannot
// be made is failed for good and not retried.
func (w *mailWorker) mark(ctx context.Context, ids []int64, sendErrs []error, failed string) error {
	now := w.now()
	var sent []int64
	byErr := map[string][]int64{}
	var errs []error
	for i, err := range sendErrs {
		switch {
		case err == nil:
			sent = append(sent, ids[i])
		case errors.Is(err, mail.ErrInvalid):
			if merr := w.store.MarkMails(ctx, []int64{ids[i]}, "failed", err.Error(), now); merr != nil {
				errs = append(errs, merr)
			}
		default:
			errs = append(errs, fmt.Errorf("send mail %d: %w", ids[i], err))
			byErr[err.Error()] = append(byErr[err.Error()], ids[i])
		}
	}
	if len(sent) > 0 {
		if err := w.store.MarkMails(ctx, sent, "sent", "", now); err != nil {
			errs = append(errs, err)
		}
	}
	for msg, some := range byErr {
		if err := w.store.MarkMails(ctx, some, failed, msg, now); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// message is a recorded mail as the sender sends it.
func message(m store.Mail) mail.Message {
	msg := mail.Message{Kind: m.Kind, To: m.To, ToName: m.ToName, ReplyTo: m.ReplyTo, Subject: m.Subject,
		Text: mail.Restore(m.Text, m.Tokens), HTML: mail.Restore(m.HTML, m.Tokens), ICS: m.ICS}
	if m.ICS != "" {
		msg.ICSName = "kursus.ics"
	}
	for _, f := range m.Files {
		msg.Files = append(msg.Files, mail.File(f))
	}
	return msg
}

// Timeout bounds one SMTP conversation: a few seconds a mail.
func (w *mailWorker) Timeout(job *river.Job[SendMailArgs]) time.Duration {
	return 30*time.Second + time.Duration(len(job.Args.MailIDs))*2*time.Second
}

type bookingMailsWorker struct {
	river.WorkerDefaults[BookingMailsArgs]
	composer Composer
}

func (w *bookingMailsWorker) Work(ctx context.Context, job *river.Job[BookingMailsArgs]) error {
	return w.composer.ComposeBookingMails(ctx, job.Args.Bookings)
}

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
	if err := w.store.PruneLogins(ctx, now.Add(-24*time.Hour)); err != nil {
		return err
	}
	return w.store.PruneRateLimits(ctx, now.Add(-24*time.Hour))
}

type retentionWorker struct {
	river.WorkerDefaults[RetentionArgs]
	retainer Retainer
	now      func() time.Time
	log      *slog.Logger
}

// Work applies the retention rules as of now and logs what each did.
func (w *retentionWorker) Work(ctx context.Context, job *river.Job[RetentionArgs]) error {
	res, err := w.retainer.ApplyRetention(ctx, w.now(), false)
	if err != nil {
		return err
	}
	if w.log != nil {
		attrs := make([]any, len(res))
		for i, r := range res {
			attrs[i] = slog.Int64(r.Key, r.Rows)
		}
		w.log.Info("retention applied", attrs...)
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
