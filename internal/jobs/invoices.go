package jobs

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"
)

// BillBookingArgs asks for a booking's invoices and credit notes to be
// brought in line with what it costs: at its invoice time (inserted with
// the booking), and at once after every change to what it costs.
type BillBookingArgs struct {
	BookingID int64 `json:"booking_id"`
}

// Kind names the job in River's table.
func (BillBookingArgs) Kind() string { return "bill_booking" }

// SendDocumentArgs asks for an issued OIOUBL document to be handed to the
// access point.
type SendDocumentArgs struct {
	DocumentID int64 `json:"document_id"`
}

// Kind names the job in River's table.
func (SendDocumentArgs) Kind() string { return "send_document" }

// BillAt is a booking to bill at a time.
type BillAt struct {
	BookingID int64
	At        time.Time
}

// Bill inserts, in tx, the jobs that bill bookings at their times.
func (q *Queue) Bill(ctx context.Context, tx pgx.Tx, bills ...BillAt) error {
	if len(bills) == 0 {
		return nil
	}
	if _, err := q.client.InsertManyTx(ctx, tx, billParams(bills)); err != nil {
		return fmt.Errorf("queue billing: %w", err)
	}
	return nil
}

func billParams(bills []BillAt) []river.InsertManyParams {
	params := make([]river.InsertManyParams, len(bills))
	for i, b := range bills {
		params[i] = river.InsertManyParams{Args: BillBookingArgs{BookingID: b.BookingID}, InsertOpts: &river.InsertOpts{ScheduledAt: b.At}}
	}
	return params
}

// SendDocument inserts, in tx, the job that delivers an issued document.
func (q *Queue) SendDocument(ctx context.Context, tx pgx.Tx, documentID int64) error {
	if _, err := q.client.InsertTx(ctx, tx, SendDocumentArgs{DocumentID: documentID}, nil); err != nil {
		return fmt.Errorf("queue document: %w", err)
	}
	return nil
}

// Biller issues and delivers invoices and credit notes; the enrolment
// service is one. BillBooking returns how long until the booking's
// invoice is due when the job came early (its first course moved later):
// it runs again then.
type Biller interface {
	BillBooking(ctx context.Context, bookingID int64) (wait time.Duration, err error)
	SendDocument(ctx context.Context, documentID int64) error
}

type billWorker struct {
	river.WorkerDefaults[BillBookingArgs]
	biller Biller
}

func (w *billWorker) Work(ctx context.Context, job *river.Job[BillBookingArgs]) error {
	wait, err := w.biller.BillBooking(ctx, job.Args.BookingID)
	if err == nil && wait > 0 {
		return river.JobSnooze(wait)
	}
	return err
}

type sendDocumentWorker struct {
	river.WorkerDefaults[SendDocumentArgs]
	biller Biller
}

func (w *sendDocumentWorker) Work(ctx context.Context, job *river.Job[SendDocumentArgs]) error {
	return w.biller.SendDocument(ctx, job.Args.DocumentID)
}
