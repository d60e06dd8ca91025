package enrolment

import (
	"context"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/invoice"
	"kursuskatalog/internal/jobs"
	"kursuskatalog/internal/store"
)

// Invoicing: each booking gets one invoice at its invoice time
// (booking.InvoiceAt), issued by the bill_booking job inserted with the
// booking, or by staff at once; every later change to what it costs
// queues the job again, which credits the lines that no longer hold and
// invoices what is owed anew (booking.PlanBill). Documents are numbered
// in one gapless series per year (store.NextDocumentNumber), rendered,
// stored whole and delivered: OIOUBL to the access point for an EAN, a
// PDF by mail otherwise.

// ErrNothingToBill means the booking's documents already match what it
// costs, or the invoice has been credited already.
var ErrNothingToBill = errors.New("enrolment: nothing to invoice or credit")

// billing is one run of bringing a booking's documents in line.
type billing struct {
	bookingID int64
	staffID   int64  // 0: the job
	force     bool   // issue now, before the invoice time
	reason    string // the credit notes' reason; "" works it out from the change
}

// BillBooking issues what a booking's documents lack, when its invoice is
// due (or it has been invoiced already); wait is how long until it is due
// when it is not yet. A deleted booking has nothing to bill.
func (s *Service) BillBooking(ctx context.Context, bookingID int64) (wait time.Duration, err error) {
	now := s.now()
	var due time.Time
	err = s.store.InTx(ctx, func(tx pgx.Tx) error {
		var err error
		_, due, err = s.bill(ctx, tx, billing{bookingID: bookingID}, now)
		return err
	})
	if errors.Is(err, store.ErrNotFound) {
		return 0, nil
	}
	if err != nil || due.IsZero() {
		return 0, err
	}
	return due.Sub(now), nil
}

// IssueNow issues, for staff, what a booking's documents lack, before its
// invoice time too, and returns the numbers issued.
func (s *Service) IssueNow(ctx context.Context, staffID, bookingID int64) ([]string, error) {
	now := s.now()
	var numbers []string
	err := s.store.InTx(ctx, func(tx pgx.Tx) error {
		var err error
		if numbers, _, err = s.bill(ctx, tx, billing{bookingID: bookingID, staffID: staffID, force: true}, now); err != nil {
			return err
		}
		if len(numbers) == 0 {
			return ErrNothingToBill
		}
		return store.Audit(ctx, tx, staffID, "booking", bookingID, "issue_invoice", numbers, now)
	})
	return numbers, err
}

// CreditInvoice credits what stands of an invoice, for staff, with their
// reason (a correction), and invoices the booking anew from its data now;
// it returns the numbers issued.
func (s *Service) CreditInvoice(ctx context.Context, staffID, invoiceID int64, reason string) ([]string, error) {
	now := s.now()
	var numbers []string
	err := s.store.InTx(ctx, func(tx pgx.Tx) error {
		bookingID, err := store.BookingOfDocument(ctx, tx, invoiceID)
		if err != nil {
			return err
		}
		if bookingID != 0 {
			if err := store.LockBookingForBilling(ctx, tx, bookingID); err != nil {
				return err
			}
		}
		lines, err := store.StandingLinesOfInvoice(ctx, tx, invoiceID)
		if err != nil || len(lines) == 0 {
			return errors.Join(err, ErrNothingToBill)
		}
		n, err := s.issueCredit(ctx, tx, lines, reason, staffID, now)
		if err != nil {
			return err
		}
		numbers = append(numbers, n)
		if bookingID != 0 {
			more, _, err := s.bill(ctx, tx, billing{bookingID: bookingID, staffID: staffID, force: true, reason: reason}, now)
			if err != nil {
				return err
			}
			numbers = append(numbers, more...)
		}
		return store.Audit(ctx, tx, staffID, "invoice", invoiceID, "credit", numbers, now)
	})
	return numbers, err
}

// bill brings a booking's documents in line in tx: it credits the lines
// that no longer hold, one credit note per invoice, and invoices what is
// owed and not invoiced. A booking not invoiced before waits for its
// invoice time unless forced: due is then that time.
func (s *Service) bill(ctx context.Context, tx pgx.Tx, b billing, now time.Time) (numbers []string, due time.Time, err error) {
	if err := store.LockBookingForBilling(ctx, tx, b.bookingID); err != nil {
		return nil, due, err
	}
	rec, err := store.ReceiptOf(ctx, tx, b.bookingID)
	if err != nil {
		return nil, due, err
	}
	standing, err := store.StandingLines(ctx, tx, b.bookingID)
	if err != nil {
		return nil, due, err
	}
	plan := booking.PlanBill(rec.Seats, standing)
	if plan.Empty() {
		return nil, due, nil
	}
	if at, ok := booking.InvoiceAt(booking.PaidStarts(rec)); len(standing) == 0 && !b.force && ok && at.After(now) {
		return nil, at, nil
	}
	reason := b.reason
	if reason == "" && len(plan.Credit) > 0 {
		if reason, err = s.creditReason(ctx, tx, rec.ID, plan); err != nil {
			return nil, due, err
		}
	}
	for _, lines := range booking.CreditsByInvoice(plan.Credit) {
		n, err := s.issueCredit(ctx, tx, lines, reason, b.staffID, now)
		if err != nil {
			return nil, due, err
		}
		numbers = append(numbers, n)
	}
	if len(plan.Invoice) > 0 {
		n, err := s.issueInvoice(ctx, tx, rec, plan.Invoice, b.staffID, now)
		if err != nil {
			return nil, due, err
		}
		numbers = append(numbers, n)
	}
	return numbers, due, nil
}

// creditReason is the reason of the credit notes that follow the
// booking's latest change.
func (s *Service) creditReason(ctx context.Context, tx pgx.Tx, bookingID int64, plan booking.Bill) (string, error) {
	changes, err := store.BookingChanges(ctx, tx, bookingID)
	if err != nil {
		return "", err
	}
	kind := ""
	if len(changes) > 0 {
		kind = changes[len(changes)-1].Kind
	}
	repriced := false
	for _, c := range plan.Credit {
		for _, st := range plan.Invoice {
			repriced = repriced || st.ID == c.SeatID
		}
	}
	return booking.CreditReason(kind, repriced), nil
}

// issueInvoice issues an invoice of seats of the booking rec.
func (s *Service) issueInvoice(ctx context.Context, tx pgx.Tx, rec booking.Receipt, seats []booking.Seat, staffID int64, now time.Time) (string, error) {
	d := invoice.Document{Kind: invoice.KindInvoice, BookingRef: rec.Ref, BookedAt: rec.CreatedAt, Customer: customerOf(rec),
		DueDate: s.supplier.PaymentDue(now)}
	for _, st := range seats {
		date := rec.Date(st.DateID)
		d.Lines = append(d.Lines, invoice.Line{SeatID: st.ID, Participant: st.Name, CourseTitle: date.CourseTitle,
			StartsAt: date.StartsAt, EndsAt: date.EndsAt, ListOre: st.ListOre, PriceOre: st.PriceOre, VATRateBP: st.VATRateBP})
	}
	return s.issue(ctx, tx, d, issued{bookingID: rec.ID, staffID: staffID, to: rec.BookerEmail, toName: rec.BookerName}, now)
}

// issueCredit issues a credit note of lines of one invoice, whole, to
// the customer the invoice named.
func (s *Service) issueCredit(ctx context.Context, tx pgx.Tx, lines []booking.BilledLine, reason string, staffID int64, now time.Time) (string, error) {
	inv, ref, err := store.InvoiceForCredit(ctx, tx, lines[0].DocumentID)
	if err != nil {
		return "", err
	}
	d := invoice.Document{Kind: invoice.KindCreditNote, BookingRef: inv.BookingRef, Customer: customerOfDocument(inv),
		Credits: invoice.Ref{Number: ref.Number, UUID: ref.UUID, IssuedAt: ref.IssuedAt}, Reason: reason}
	for _, l := range lines {
		il := inv.Lines[l.LineNo-1]
		d.Lines = append(d.Lines, invoice.Line{SeatID: il.SeatID, Participant: il.Participant, CourseTitle: il.CourseTitle,
			StartsAt: il.StartsAt, EndsAt: il.EndsAt, ListOre: il.ListOre, PriceOre: il.PriceOre, VATRateBP: il.VATRateBP,
			CreditsLine: il.No})
	}
	to := issued{bookingID: inv.BookingID, creditsID: inv.ID, staffID: staffID, to: inv.ContactEmail, toName: inv.ContactName}
	return s.issue(ctx, tx, d, to, now)
}

// issued is where a document belongs and goes.
type issued struct {
	bookingID, creditsID, staffID int64
	to, toName                    string // the booker, who gets a PDF by mail
}

// recordChange records a change to what a booking costs and queues the
// job that follows it with credit notes and invoices, at once (it waits
// for the invoice time of a booking not invoiced yet).
func (s *Service) recordChange(ctx context.Context, tx pgx.Tx, bookingID int64, c booking.Change, by string, staffID int64, now time.Time) error {
	if err := store.InsertChange(ctx, tx, bookingID, c, by, staffID, now); err != nil {
		return err
	}
	return s.queue.Bill(ctx, tx, jobs.BillAt{BookingID: bookingID, At: now})
}
