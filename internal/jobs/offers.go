package jobs

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"
)

// OfferPassOnArgs asks for the seat of an offer to go on: when the offer
// was declined or withdrawn, at once; when it is still open, at its
// expiry, when it expires first. The job names the offer only; its token
// is never in a job.
type OfferPassOnArgs struct {
	OfferID int64 `json:"offer_id"`
}

// Kind names the job in River's table.
func (OfferPassOnArgs) Kind() string { return "offer_pass_on" }

// PassOnOffer inserts, in tx, the job that passes an offer's seat on at
// at: the offer's expiry when it is made, or now when it is declined.
func (q *Queue) PassOnOffer(ctx context.Context, tx pgx.Tx, offerID int64, at time.Time) error {
	if _, err := q.client.InsertTx(ctx, tx, OfferPassOnArgs{OfferID: offerID}, &river.InsertOpts{ScheduledAt: at}); err != nil {
		return fmt.Errorf("queue offer: %w", err)
	}
	return nil
}

// OfferPasser passes an offer's seat on to the next in line; the
// enrolment service is one. wait is how long until the offer may expire,
// when the job came early (the offer is still open): it runs again then.
type OfferPasser interface {
	PassOnOffer(ctx context.Context, offerID int64) (wait time.Duration, err error)
}

type offerWorker struct {
	river.WorkerDefaults[OfferPassOnArgs]
	passer OfferPasser
}

func (w *offerWorker) Work(ctx context.Context, job *river.Job[OfferPassOnArgs]) error {
	wait, err := w.passer.PassOnOffer(ctx, job.Args.OfferID)
	if err == nil && wait > 0 {
		return river.JobSnooze(wait)
	}
	return err
}
