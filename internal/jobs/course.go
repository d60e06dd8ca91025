package jobs

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"
)

// The jobs that follow a course date: its practical information before
// the start and, after it, the diploma and evaluation mail to those who
// attended. A periodic sweep queues them when they fall due; a change that
// makes one due at once (a booking after the reminder went out, attendance
// marked after the course) queues it in its own transaction.

// RemindersArgs asks for a date's practical information to be mailed to
// its confirmed participants who have not had it.
type RemindersArgs struct {
	DateID int64 `json:"date_id"`
}

// Kind names the job in River's table.
func (RemindersArgs) Kind() string { return "date_reminders" }

// InsertOpts: one such job per date waits or runs at a time.
func (RemindersArgs) InsertOpts() river.InsertOpts { return river.InsertOpts{UniqueOpts: onePerDate} }

// AfterCourseArgs asks for a date's diploma and evaluation mail to be sent
// to those who attended and have not had it.
type AfterCourseArgs struct {
	DateID int64 `json:"date_id"`
}

// Kind names the job in River's table.
func (AfterCourseArgs) Kind() string { return "after_course" }

// InsertOpts: one such job per date waits or runs at a time.
func (AfterCourseArgs) InsertOpts() river.InsertOpts { return river.InsertOpts{UniqueOpts: onePerDate} }

// onePerDate keeps a second job for the same date out while one waits,
// runs or is retried (a completed one does not count: a later booking
// needs a new job).
var onePerDate = river.UniqueOpts{ByArgs: true, ByState: []rivertype.JobState{rivertype.JobStateAvailable,
	rivertype.JobStatePending, rivertype.JobStateRunning, rivertype.JobStateRetryable, rivertype.JobStateScheduled}}

// CourseMailsArgs is the periodic sweep that queues the dates' jobs as
// they fall due.
type CourseMailsArgs struct{}

// Kind names the job in River's table.
func (CourseMailsArgs) Kind() string { return "course_mails" }

// CourseMailsEvery is how often the sweep runs: practical information due
// at 09:00 goes out by 09:15.
const CourseMailsEvery = 15 * time.Minute

// RemindDate inserts, in tx, the job that mails a date's practical
// information now.
func (q *Queue) RemindDate(ctx context.Context, tx pgx.Tx, dateID int64) error {
	if _, err := q.client.InsertTx(ctx, tx, RemindersArgs{DateID: dateID}, nil); err != nil {
		return fmt.Errorf("queue reminders: %w", err)
	}
	return nil
}

// AfterCourse inserts, in tx, the job that mails a date's diplomas and
// evaluation links now.
func (q *Queue) AfterCourse(ctx context.Context, tx pgx.Tx, dateID int64) error {
	if _, err := q.client.InsertTx(ctx, tx, AfterCourseArgs{DateID: dateID}, nil); err != nil {
		return fmt.Errorf("queue after-course mails: %w", err)
	}
	return nil
}

// CourseMailer composes and records the mails that follow a date; the
// enrolment service is one.
type CourseMailer interface {
	QueueDueCourseMails(ctx context.Context) error
	SendReminders(ctx context.Context, dateID int64) error
	SendAfterCourse(ctx context.Context, dateID int64) error
}

// addCourseWorkers adds the workers of the dates' mails and the sweep.
func addCourseWorkers(workers *river.Workers, m CourseMailer) *river.PeriodicJob {
	river.AddWorker(workers, &courseMailsWorker{m: m})
	river.AddWorker(workers, &remindersWorker{m: m})
	river.AddWorker(workers, &afterCourseWorker{m: m})
	return river.NewPeriodicJob(river.PeriodicInterval(CourseMailsEvery),
		func() (river.JobArgs, *river.InsertOpts) { return CourseMailsArgs{}, nil },
		&river.PeriodicJobOpts{RunOnStart: true})
}

type courseMailsWorker struct {
	river.WorkerDefaults[CourseMailsArgs]
	m CourseMailer
}

func (w *courseMailsWorker) Work(ctx context.Context, _ *river.Job[CourseMailsArgs]) error {
	return w.m.QueueDueCourseMails(ctx)
}

type remindersWorker struct {
	river.WorkerDefaults[RemindersArgs]
	m CourseMailer
}

func (w *remindersWorker) Work(ctx context.Context, job *river.Job[RemindersArgs]) error {
	return w.m.SendReminders(ctx, job.Args.DateID)
}

type afterCourseWorker struct {
	river.WorkerDefaults[AfterCourseArgs]
	m CourseMailer
}

func (w *afterCourseWorker) Work(ctx context.Context, job *river.Job[AfterCourseArgs]) error {
	return w.m.SendAfterCourse(ctx, job.Args.DateID)
}
