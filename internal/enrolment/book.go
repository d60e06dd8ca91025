package enrolment

import (
	"context"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/jobs"
	"kursuskatalog/internal/store"
)

// Booking is a checked enrolment to make.
type Booking struct {
	FormToken string // the form's own token: a form posted twice books once
	Booker    booking.Booker
	booking.Request
	StaffID int64 // a booking by phone: who typed it in; 0 on the public form
}

// Made is a booking made: its receipt (id, ref, time, booker and totals;
// the store's ReceiptByRef has its seats and dates) and the token of its
// manage link, which only the booker's browser and mail ever hold.
type Made struct {
	booking.Receipt
	ManageToken string
}

// Result is what became of one booking asked of BookMany.
type Result struct {
	Made
	Err error
	// billAt is when the booking's invoice is due (booking.PlanInvoiceAt);
	// zero when it holds no seat yet.
	billAt time.Time
}

// Book makes one booking. Bookings posted at the same moment are made
// together in one transaction (see groups), as if one after another.
func (s *Service) Book(ctx context.Context, b Booking) (Made, error) {
	return s.groups.book(ctx, b)
}

// errNoneMade rolls back a transaction that made no booking, so that
// nothing is announced.
var errNoneMade = errors.New("enrolment: no booking made")

// errRetryAlone means that bookings made together met a unique constraint:
// a booking beside them posted the same form or person at once.
var errRetryAlone = errors.New("enrolment: bookings made together met a unique constraint")

// BookMany makes bookings in one transaction, as if made one after another
// in their order: it locks their dates, places each booking by the rules
// (seats, then the waiting list; prices and bundles) against the database
// and the bookings before it, inserts those that may be made in one
// statement, and queues the job that mails them. When the insert meets a
// unique constraint, each booking is tried again alone, so that only the
// one concerned fails. When the transaction fails, every booking gets its
// error.
func (s *Service) BookMany(ctx context.Context, bs []Booking) []Result {
	out := make([]Result, len(bs))
	for i := range out {
		out[i].ManageToken = NewToken()
	}
	now := s.now()
	err := s.seatTx(ctx, func(tx pgx.Tx) error {
		made, err := s.bookIn(ctx, tx, bs, out, now)
		if err != nil {
			return err
		}
		if len(made) == 0 {
			return errNoneMade
		}
		return s.afterBooking(ctx, tx, bs, out, made, now)
	})
	switch {
	case errors.Is(err, errNoneMade):
		// Each booking has its reason in out.
	case errors.Is(err, errRetryAlone):
		for i := range bs {
			out[i] = s.BookMany(ctx, bs[i:i+1])[0]
		}
	case err != nil:
		for i := range out {
			out[i] = Result{Err: err}
		}
	}
	s.findRefs(ctx, bs, out)
	return out
}

// bookIn places and inserts bs in tx, sets out for each, and returns the
// indexes of those it made.
func (s *Service) bookIn(ctx context.Context, tx pgx.Tx, bs []Booking, out []Result, now time.Time) ([]int, error) {
	hashes, reads, err := readForBooking(ctx, tx, bs)
	if err != nil {
		return nil, err
	}
	ledger := booking.NewLedger(reads.Dates, reads.Holders, reads.Offers)
	var (
		rows  []store.NewBooking
		made  []int
		first = map[string]int{} // form token → the booking of this call that has it
		again = map[int]int{}    // a form posted twice in this call → its first
	)
	for i, b := range bs {
		h := string(hashes[i])
		if ref, ok := reads.Refs[h]; ok {
			out[i].Err = &booking.DuplicateFormError{Ref: ref}
			continue
		}
		if j, ok := first[h]; ok {
			again[i] = j
			continue
		}
		first[h] = i
		plan, err := ledger.Place(b.Request, now)
		if err != nil {
			out[i].Err = err
			continue
		}
		rows = append(rows, store.NewBooking{FormTokenHash: hashes[i], ManageTokenHash: HashToken(out[i].ManageToken),
			Booker: b.Booker, People: b.People, Plan: plan})
		made = append(made, i)
	}
	if len(rows) > 0 {
		ins, err := store.InsertBookings(ctx, tx, rows, now)
		if err != nil {
			return nil, insertError(err, len(bs), reads.Dates)
		}
		for k, i := range made {
			out[i].Receipt = receiptOf(bs[i].Booker, ins[k], rows[k].Plan.Totals)
			// A time already passed means at once: River runs a job due in
			// the past straight away.
			if at, ok := booking.PlanInvoiceAt(rows[k].Plan, reads.Dates); ok {
				out[i].billAt = at
			}
		}
	}
	for i, j := range again {
		out[i] = out[j]
		if out[j].Err == nil {
			out[i] = Result{Err: &booking.DuplicateFormError{Ref: out[j].Ref}}
		}
	}
	return made, nil
}

// readForBooking reads, in tx, what placing bs needs: their form tokens'
// hashes (in bs's order), the dates with their holders and offers, and
// the forms already booked.
func readForBooking(ctx context.Context, tx pgx.Tx, bs []Booking) ([][]byte, store.BookingReads, error) {
	hashes := make([][]byte, len(bs))
	var dateIDs []int64
	var emails []string
	for i, b := range bs {
		hashes[i] = HashToken(b.FormToken)
		dateIDs = append(dateIDs, b.DateIDs...)
		for _, p := range b.People {
			emails = append(emails, p.Email)
		}
	}
	reads, err := store.ReadForBooking(ctx, tx, hashes, dateIDs, emails)
	return hashes, reads, err
}

// insertError is the error of a failed insert of n bookings: for one, the
// booking error the unique constraint means; for more, errRetryAlone.
func insertError(err error, n int, dates []booking.BookedDate) error {
	formTaken, personTaken := errors.Is(err, store.ErrFormTaken), errors.Is(err, store.ErrPersonTaken)
	switch {
	case (formTaken || personTaken) && n > 1:
		return errRetryAlone
	case formTaken:
		// The same form, posted twice at once: the other post won.
		return &booking.DuplicateFormError{}
	case personTaken && len(dates) > 0:
		return &booking.AlreadyBookedError{Date: dates[0]}
	}
	return err
}

func receiptOf(b booking.Booker, in store.Inserted, t booking.Totals) booking.Receipt {
	return booking.Receipt{ID: in.ID, Ref: in.Ref, CreatedAt: in.CreatedAt,
		BookerName: b.Name, BookerEmail: b.Email, BookerPhone: b.Phone,
		OrgName: b.OrgName, Department: b.Department, EAN: b.EAN, CVR: b.CVR,
		InvoiceAddress: b.InvoiceAddress, InvoiceReference: b.InvoiceReference, Comment: b.Comment,
		Totals: t}
}

// afterBooking queues, in the bookings' transaction, the one job that
// composes their mails (composing them here would hold the dates' locks
// longer) and each booking's invoice at its time, marks them for the
// staff search until that job indexes them, and audits the bookings staff
// typed in.
func (s *Service) afterBooking(ctx context.Context, tx pgx.Tx, bs []Booking, out []Result, made []int, now time.Time) error {
	mails := make([]jobs.BookingMail, len(made))
	var bills []jobs.BillAt
	ids, tokens := make([]int64, len(made)), make([]string, len(made))
	for k, i := range made {
		if !out[i].billAt.IsZero() {
			bills = append(bills, jobs.BillAt{BookingID: out[i].ID, At: out[i].billAt})
		}
		mails[k] = jobs.BookingMail{BookingID: out[i].ID}
		ids[k], tokens[k] = out[i].ID, out[i].ManageToken
		if bs[i].StaffID != 0 {
			if err := store.Audit(ctx, tx, bs[i].StaffID, "booking", out[i].ID, "phone_booking",
				[]string{"booker", "invoice", "participants"}, now); err != nil {
				return err
			}
		}
	}
	// The manage token waits in its own table for the receipt, not in the
	// job's arguments, which River keeps after the job is done.
	if err := store.PutBookingTokens(ctx, tx, ids, tokens); err != nil {
		return err
	}
	if err := store.MarkUnindexed(ctx, tx, ids); err != nil {
		return err
	}
	return s.queue.ComposeBookingMails(ctx, tx, mails, bills...)
}

// findRefs fills in the booking of a form posted twice at once, whose
// other post committed while this one waited.
func (s *Service) findRefs(ctx context.Context, bs []Booking, out []Result) {
	for i := range out {
		var dup *booking.DuplicateFormError
		if errors.As(out[i].Err, &dup) && dup.Ref == "" {
			if ref, err := s.store.RefByFormToken(ctx, HashToken(bs[i].FormToken)); err == nil {
				dup.Ref = ref
			}
		}
	}
}
