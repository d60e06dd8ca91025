package enrolment_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/enrolment"
	"kursuskatalog/internal/invoice/schematron"
	"kursuskatalog/internal/jobs"
	"kursuskatalog/internal/store"
)

// workBills does what River would for every bill_booking and
// send_document job due by the clock, as often as jobs come due: a
// booking not yet due is snoozed to its invoice time.
func (w *world) workBills(t *testing.T) {
	t.Helper()
	ctx := context.Background()
	q, err := jobs.NewQueue(w.st.Pool)
	if err != nil {
		t.Fatal(err)
	}
	for {
		rows, err := w.st.Pool.Query(ctx, `
			DELETE FROM river_job WHERE kind IN ('bill_booking', 'send_document') AND scheduled_at <= $1
			RETURNING kind, args`, w.clock.now())
		if err != nil {
			t.Fatal(err)
		}
		type job struct {
			kind string
			args []byte
		}
		due, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (job, error) {
			var j job
			err := r.Scan(&j.kind, &j.args)
			return j, err
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(due) == 0 {
			return
		}
		for _, j := range due {
			if j.kind == "send_document" {
				var a jobs.SendDocumentArgs
				json.Unmarshal(j.args, &a)
				if err := w.svc.SendDocument(ctx, a.DocumentID); err != nil {
					t.Fatal(err)
				}
				continue
			}
			var a jobs.BillBookingArgs
			json.Unmarshal(j.args, &a)
			wait, err := w.svc.BillBooking(ctx, a.BookingID)
			if err != nil {
				t.Fatal(err)
			}
			if wait > 0 { // River's snooze
				err := w.st.InTx(ctx, func(tx pgx.Tx) error {
					return q.Bill(ctx, tx, jobs.BillAt{BookingID: a.BookingID, At: w.clock.now().Add(wait)})
				})
				if err != nil {
					t.Fatal(err)
				}
			}
		}
	}
}

// docRow is a stored document as the tests look at it.
type docRow struct {
	id                  int64
	kind, number        string
	excl, vat, incl     int64
	xml                 []byte
	sent                bool
	credits, reason     string
	lines               int
	issuedAt            time.Time
	channel, sendErrors string
}

// docs lists a booking's documents, oldest first.
func (w *world) docs(t *testing.T, bookingID int64) []docRow {
	t.Helper()
	rows, err := w.st.Pool.Query(context.Background(), `
		SELECT d.id, d.kind, d.number, d.excl_ore, d.vat_ore, d.incl_ore, d.xml, d.sent_at IS NOT NULL,
			coalesce(c.number, ''), d.reason, (SELECT count(*) FROM invoice_lines l WHERE l.document_id = d.id),
			d.issued_at, d.channel, d.send_error
		FROM invoice_documents d LEFT JOIN invoice_documents c ON c.id = d.credits_id
		WHERE d.booking_id = $1 ORDER BY d.id`, bookingID)
	if err != nil {
		t.Fatal(err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (docRow, error) {
		var d docRow
		err := r.Scan(&d.id, &d.kind, &d.number, &d.excl, &d.vat, &d.incl, &d.xml, &d.sent, &d.credits, &d.reason,
			&d.lines, &d.issuedAt, &d.channel, &d.sendErrors)
		return d, err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// keep writes the OIOUBL of docs to dir, for the schematron.
func keep(t *testing.T, dir, scenario string, docs ...docRow) {
	t.Helper()
	for _, d := range docs {
		if d.xml == nil {
			t.Fatalf("%s: %s %s has no OIOUBL", scenario, d.kind, d.number)
		}
		if err := os.WriteFile(filepath.Join(dir, scenario+"-"+d.number+".xml"), d.xml, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func cph(y int, m time.Month, d, h, min int) time.Time {
	loc, _ := time.LoadLocation("Europe/Copenhagen")
	return time.Date(y, m, d, h, min, 0, 0, loc)
}

// The seed dates: Politisk forståelse starts 3 March 2027 08:45 (deadline
// 25 January), Politisk formidling og dialog 21 April (deadline 14 March);
// together they are a bundle, 9.995 kr. instead of 2 × 6.750 kr. The
// invoice of a booking of the first is due 28 days before, on 3 February
// 08:45.
var (
	forstDue  = cph(2027, 2, 3, 8, 45)
	afterDue  = forstDue.Add(time.Hour)
	beforeDue = forstDue.Add(-time.Minute)
)

// Every scenario the issue names ends in OIOUBL documents that pass the
// official schematron, validated together in one Saxon run per
// stylesheet.
func TestInvoicesPassSchematron(t *testing.T) {
	dir := t.TempDir()
	want := 0
	var mu sync.Mutex
	expect := func(n int) { mu.Lock(); want += n; mu.Unlock() }
	t.Run("scenarios", func(t *testing.T) {
		t.Run("one participant", func(t *testing.T) { t.Parallel(); expect(1); oneParticipant(t, dir) })
		t.Run("several participants on several dates", func(t *testing.T) { t.Parallel(); expect(1); severalDates(t, dir) })
		t.Run("bundle", func(t *testing.T) { t.Parallel(); expect(1); bundle(t, dir) })
		t.Run("late booking", func(t *testing.T) { t.Parallel(); expect(1); lateBooking(t, dir) })
		t.Run("credit note after a cancellation", func(t *testing.T) { t.Parallel(); expect(2); creditAfterCancel(t, dir) })
		t.Run("credit note after a bundle is broken", func(t *testing.T) { t.Parallel(); expect(3); creditAfterBundleBroken(t, dir) })
		t.Run("staff correction", func(t *testing.T) { t.Parallel(); expect(3); staffCorrection(t, dir) })
	})
	if t.Failed() {
		return
	}
	reps, err := schematron.Validate(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(reps) != want {
		t.Fatalf("%d documents validated, want %d", len(reps), want)
	}
	for name, r := range reps {
		if r.Fired < 50 || len(r.Failed) > 0 {
			t.Errorf("%s: %d rules fired; failed assertions:\n%s", name, r.Fired, strings.Join(r.Failed, "\n"))
		}
	}
	t.Logf("%d documents passed the OIOUBL schematron with no failed assertion", len(reps))
}

func oneParticipant(t *testing.T, dir string) {
	w := newWorld(t, 30)
	b := w.book(t, "mette@aarhus.dk", []int64{w.forst}, "anna@aarhus.dk")
	w.workBills(t)
	if d := w.docs(t, b.ID); len(d) != 0 {
		t.Fatalf("invoiced before its time (3 February): %+v", d)
	}
	due, err := w.st.InvoicesDue(context.Background(), beforeDue)
	if err != nil || len(due) != 0 {
		t.Fatalf("due a minute before its time: %v %v", due, err)
	}
	due, _ = w.st.InvoicesDue(context.Background(), forstDue)
	if len(due) != 1 || due[0].BookingID != b.ID || due[0].InclOre != 843750 || !due[0].DueAt.Equal(forstDue) {
		t.Fatalf("due at its time: %+v", due)
	}
	w.clock.set(beforeDue)
	w.workBills(t)
	if d := w.docs(t, b.ID); len(d) != 0 {
		t.Fatal("invoiced a minute early")
	}
	w.clock.set(afterDue)
	w.workBills(t)
	d := w.docs(t, b.ID)
	if len(d) != 1 || d[0].kind != "invoice" || d[0].number != "2027-00001" || d[0].excl != 675000 || d[0].vat != 168750 ||
		d[0].incl != 843750 || d[0].lines != 1 || !d[0].sent || d[0].channel != "access_point" {
		t.Fatalf("one invoice of 8.437,50 kr. incl. VAT, sent: %+v", d)
	}
	if got, _ := os.ReadFile(filepath.Join(w.outbox, "faktura-2027-00001.xml")); string(got) != string(d[0].xml) {
		t.Fatal("the outbox holds the document as issued")
	}
	for _, s := range []string{"<cbc:EndpointID schemeID=\"GLN\" schemeAgencyID=\"9\">5798000416604</cbc:EndpointID>",
		"<cbc:Name>Aarhus Kommune</cbc:Name>", "<cbc:ID>" + b.Ref + "</cbc:ID>", "Deltager anna@aarhus.dk"} {
		if !strings.Contains(string(d[0].xml), s) {
			t.Errorf("the OIOUBL lacks %s", s)
		}
	}
	if due, _ := w.st.InvoicesDue(context.Background(), afterDue); len(due) != 0 {
		t.Fatalf("still due once issued: %+v", due)
	}
	w.workBills(t)
	if len(w.docs(t, b.ID)) != 1 {
		t.Fatal("a second run issues nothing")
	}
	keep(t, dir, "one-participant", d...)
}

func severalDates(t *testing.T, dir string) {
	w := newWorld(t, 30)
	var other int64
	err := w.st.Pool.QueryRow(context.Background(), `
		SELECT d.id FROM course_dates d JOIN courses c ON c.id = d.course_id
		WHERE c.status = 'published' AND c.slug NOT IN ('politisk-forstaaelse', 'politisk-formidling-og-dialog')
		  AND d.starts_at > '2027-03-10' AND d.capacity - d.seats_taken >= 3 AND d.status = 'planned'
		ORDER BY d.starts_at LIMIT 1`).Scan(&other)
	if err != nil {
		t.Fatal(err)
	}
	b := w.book(t, "mette@aarhus.dk", []int64{w.forst, other}, "anna@aarhus.dk", "bo@aarhus.dk", "carl@aarhus.dk")
	w.clock.set(afterDue) // the first course decides
	w.workBills(t)
	d := w.docs(t, b.ID)
	var owed int64
	w.st.Pool.QueryRow(context.Background(), `SELECT sum(price_ore) FROM participants WHERE booking_id = $1`, b.ID).Scan(&owed)
	if len(d) != 1 || d[0].lines != 6 || d[0].excl != owed {
		t.Fatalf("one invoice, a line per participant and date, %d øre excl. VAT: %+v", owed, d)
	}
	keep(t, dir, "several", d...)
}

func bundle(t *testing.T, dir string) {
	w := newWorld(t, 30)
	b := w.book(t, "mette@aarhus.dk", []int64{w.forst, w.fo}, "anna@aarhus.dk")
	w.clock.set(afterDue)
	w.workBills(t)
	d := w.docs(t, b.ID)
	if len(d) != 1 || d[0].lines != 2 || d[0].excl != 999500 || d[0].incl != 1249375 {
		t.Fatalf("one invoice of both courses at the bundle price: %+v", d)
	}
	for _, s := range []string{"Pakkerabat", `<cbc:BaseAmount currencyID="DKK">6750.00</cbc:BaseAmount>`, "listepris 6.750 kr., rabat 1.752,50 kr."} {
		if !strings.Contains(string(d[0].xml), s) {
			t.Errorf("the bundle's discount is shown: lacks %s", s)
		}
	}
	keep(t, dir, "bundle", d...)
}

func lateBooking(t *testing.T, dir string) {
	w := newWorld(t, 30)
	at := cph(2027, 2, 20, 13, 5)
	w.clock.set(at)
	b := w.book(t, "mette@aarhus.dk", []int64{w.forst}, "anna@aarhus.dk")
	w.workBills(t)
	d := w.docs(t, b.ID)
	if len(d) != 1 || !d[0].issuedAt.Equal(at) {
		t.Fatalf("a booking made within four weeks is invoiced at once: %+v", d)
	}
	keep(t, dir, "late", d...)
}

func creditAfterCancel(t *testing.T, dir string) {
	w := newWorld(t, 30)
	b := w.book(t, "mette@aarhus.dk", []int64{w.forst}, "anna@aarhus.dk", "bo@aarhus.dk")
	w.clock.set(cph(2026, 12, 1, 10, 0))
	if n, err := w.svc.IssueNow(context.Background(), 0, b.ID); err != nil || len(n) != 1 || n[0] != "2026-00001" {
		t.Fatalf("staff issue the invoice early: %v %v", n, err)
	}
	w.workBills(t)
	w.clock.set(cph(2027, 1, 10, 10, 0)) // before the deadline: free
	w.cancel(t, b.ManageToken, seatID(t, w, b.ID, "bo@aarhus.dk"))
	w.workBills(t)
	d := w.docs(t, b.ID)
	if len(d) != 2 || d[1].kind != "credit_note" || d[1].number != "2027-00001" || d[1].credits != "2026-00001" ||
		d[1].lines != 1 || d[1].incl != 843750 || !strings.Contains(d[1].reason, "Afmeldt før tilmeldingsfristen") || !d[1].sent {
		t.Fatalf("a credit note of Bo's line, numbered in 2027's series: %+v", d)
	}
	if _, err := w.svc.IssueNow(context.Background(), 0, b.ID); err != enrolment.ErrNothingToBill {
		t.Fatalf("nothing more to issue: %v", err)
	}
	keep(t, dir, "cancelled", d...)
}

func creditAfterBundleBroken(t *testing.T, dir string) {
	w := newWorld(t, 30)
	b := w.book(t, "mette@aarhus.dk", []int64{w.forst, w.fo}, "anna@aarhus.dk")
	w.clock.set(afterDue)
	w.workBills(t)
	w.clock.set(cph(2027, 2, 10, 10, 0)) // before the deadline of the second course
	w.cancel(t, b.ManageToken, seatOn(t, w, b.ID, w.fo))
	w.workBills(t)
	d := w.docs(t, b.ID)
	if len(d) != 3 || d[1].kind != "credit_note" || d[1].lines != 2 || d[1].excl != 999500 || d[1].credits != d[0].number ||
		!strings.Contains(d[1].reason, "pakkeprisen gælder ikke længere") {
		t.Fatalf("both bundle lines credited: %+v", d)
	}
	if d[2].kind != "invoice" || d[2].lines != 1 || d[2].excl != 675000 || d[2].incl != 843750 {
		t.Fatalf("the course kept invoiced anew at its own price: %+v", d[2])
	}
	var standing int64
	w.st.Pool.QueryRow(context.Background(), `
		SELECT sum(CASE kind WHEN 'invoice' THEN incl_ore ELSE -incl_ore END) FROM invoice_documents WHERE booking_id = $1`, b.ID).Scan(&standing)
	if standing != 843750 {
		t.Fatalf("invoiced less credited is what the booking costs now: %d", standing)
	}
	keep(t, dir, "bundle-broken", d...)
}

func seatID(t *testing.T, w *world, bookingID int64, email string) int64 {
	t.Helper()
	var id int64
	if err := w.st.Pool.QueryRow(context.Background(), `SELECT id FROM participants WHERE booking_id = $1 AND email = $2`,
		bookingID, email).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return id
}

func seatOn(t *testing.T, w *world, bookingID, dateID int64) int64 {
	t.Helper()
	var id int64
	if err := w.st.Pool.QueryRow(context.Background(), `SELECT id FROM participants WHERE booking_id = $1 AND date_id = $2`,
		bookingID, dateID).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return id
}

// A correction by staff: the invoice is credited whole with their
// reason, and the booking invoiced anew from what it says now (here a
// corrected reference); both documents pass the schematron.
func staffCorrection(t *testing.T, dir string) {
	w := newWorld(t, 30)
	ctx := context.Background()
	b := w.book(t, "mette@aarhus.dk", []int64{w.forst}, "anna@aarhus.dk", "bo@aarhus.dk")
	w.clock.set(afterDue)
	w.workBills(t)
	d := w.docs(t, b.ID)
	if len(d) != 1 {
		t.Fatalf("one invoice: %+v", d)
	}
	if _, err := w.st.Pool.Exec(ctx, `UPDATE bookings SET invoice_reference = 'Ordre 4711-B' WHERE id = $1`, b.ID); err != nil {
		t.Fatal(err)
	}
	n, err := w.svc.CreditInvoice(ctx, 0, d[0].id, "Forkert reference")
	if err != nil || len(n) != 2 {
		t.Fatalf("a credit note and a new invoice: %v %v", n, err)
	}
	w.workBills(t)
	d = w.docs(t, b.ID)
	if len(d) != 3 || d[1].kind != "credit_note" || d[1].reason != "Forkert reference" || d[1].incl != d[0].incl ||
		d[2].kind != "invoice" || d[2].incl != d[0].incl || !strings.Contains(string(d[2].xml), "Ordre 4711-B") {
		t.Fatalf("credited whole and invoiced anew with the new reference: %+v", d)
	}
	if _, err := w.svc.CreditInvoice(ctx, 0, d[0].id, "Igen"); !errors.Is(err, enrolment.ErrNothingToBill) {
		t.Fatalf("an invoice credited whole cannot be credited again: %v", err)
	}
	if _, err := w.svc.CreditInvoice(ctx, 0, d[1].id, "En kreditnota"); !errors.Is(err, enrolment.ErrNothingToBill) {
		t.Fatalf("a credit note is not credited: %v", err)
	}
	keep(t, dir, "correction", d...)
}

// Fifty invoices issued at once get the numbers 1 to 50 of the year, each
// once; a transaction that takes a number and rolls back gives it back.
func TestNumbersGaplessUnderConcurrency(t *testing.T) {
	w := newWorld(t, 60)
	ctx := context.Background()
	bs := make([]enrolment.Booking, 50)
	for i := range bs {
		bs[i] = bookingOn([]int64{w.forst}, fmt.Sprintf("deltager%02d@aarhus.dk", i))
		bs[i].Booker.Email = fmt.Sprintf("booker%02d@aarhus.dk", i)
	}
	var ids []int64
	for _, r := range w.svc.BookMany(ctx, bs) {
		if r.Err != nil {
			t.Fatal(r.Err)
		}
		ids = append(ids, r.ID)
	}
	w.clock.set(cph(2026, 12, 1, 10, 0))
	// A number taken in a transaction that fails is not lost.
	err := w.st.InTx(ctx, func(tx pgx.Tx) error {
		if _, err := store.NextDocumentNumber(ctx, tx, 2026); err != nil {
			return err
		}
		return errors.New("roll back")
	})
	if err == nil {
		t.Fatal("the transaction should fail")
	}
	var wg sync.WaitGroup
	errs := make([]error, len(ids))
	start := make(chan struct{})
	for i, id := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			_, errs[i] = w.svc.IssueNow(ctx, 0, id)
		}()
	}
	close(start)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	rows, err := w.st.Pool.Query(ctx, `SELECT seq, number FROM invoice_documents WHERE year = 2026 ORDER BY seq`)
	if err != nil {
		t.Fatal(err)
	}
	type num struct {
		Seq    int
		Number string
	}
	got, err := pgx.CollectRows(rows, pgx.RowToStructByPos[num])
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 50 {
		t.Fatalf("%d documents, want 50", len(got))
	}
	for i, n := range got {
		if n.Seq != i+1 || n.Number != fmt.Sprintf("2026-%05d", i+1) {
			t.Fatalf("number %d is %d (%s): a gap or a repeat", i+1, n.Seq, n.Number)
		}
	}
	var last int
	w.st.Pool.QueryRow(ctx, `SELECT last FROM invoice_counters WHERE year = 2026`).Scan(&last)
	if last != 50 {
		t.Fatalf("the counter stands at %d, want 50", last)
	}
}

// The database keeps an issued document as it was: its amounts and lines
// cannot be updated, and it cannot be deleted within five years after its
// financial year; its delivery can be recorded.
func TestIssuedDocumentsAreFrozen(t *testing.T) {
	w := newWorld(t, 30)
	ctx := context.Background()
	b := w.book(t, "mette@aarhus.dk", []int64{w.forst}, "anna@aarhus.dk")
	w.clock.set(afterDue)
	w.workBills(t)
	d := w.docs(t, b.ID)
	for _, sql := range []string{
		`UPDATE invoice_documents SET incl_ore = incl_ore + 1, excl_ore = excl_ore + 1 WHERE id = $1`,
		`UPDATE invoice_documents SET org_name = 'Andet' WHERE id = $1`,
		`UPDATE invoice_lines SET price_ore = 1 WHERE document_id = $1`,
		`DELETE FROM invoice_lines WHERE document_id = $1`,
		`DELETE FROM invoice_documents WHERE id = $1`,
	} {
		if _, err := w.st.Pool.Exec(ctx, sql, d[0].id); err == nil {
			t.Errorf("%s: the database allowed it", sql)
		}
	}
	if _, err := w.st.Pool.Exec(ctx, `UPDATE invoice_documents SET send_error = 'x' WHERE id = $1`, d[0].id); err != nil {
		t.Errorf("delivery may be recorded: %v", err)
	}
	if _, err := w.st.Pool.Exec(ctx, `DELETE FROM bookings WHERE id = $1`, b.ID); err != nil {
		t.Fatalf("a booking may be deleted: %v", err)
	}
	var n int
	w.st.Pool.QueryRow(ctx, `SELECT count(*) FROM invoice_documents WHERE id = $1 AND booking_id IS NULL`, d[0].id).Scan(&n)
	if n != 1 {
		t.Fatal("the invoice stays when its booking is deleted")
	}
}

// Issued invoices and credit notes stay five years after the end of their
// financial year, also when the retention runs ahead of the database's
// clock (the documents' trigger reads the run's time), and then go: the
// credit note of 2027 first, the invoice of 2026 with it.
func TestInvoicesKeptFiveYearsThenDeleted(t *testing.T) {
	w := newWorld(t, 30)
	b := w.book(t, "mette@aarhus.dk", []int64{w.forst}, "anna@aarhus.dk", "bo@aarhus.dk")
	w.clock.set(cph(2026, 12, 1, 10, 0))
	if _, err := w.svc.IssueNow(context.Background(), 0, b.ID); err != nil {
		t.Fatal(err)
	}
	w.workBills(t)
	w.clock.set(cph(2027, 1, 10, 10, 0))
	w.cancel(t, b.ManageToken, seatID(t, w, b.ID, "bo@aarhus.dk"))
	w.workBills(t)
	count := func() (n int) {
		w.st.Pool.QueryRow(context.Background(), `SELECT count(*) FROM invoice_documents`).Scan(&n)
		return
	}
	if count() != 2 {
		t.Fatalf("%d documents, want the invoice of 2026 and the credit note of 2027", count())
	}
	for _, c := range []struct {
		asOf time.Time
		want int
	}{
		{cph(2031, 12, 31, 23, 59), 2}, // 2026's invoice is kept through 2031
		{cph(2032, 6, 1, 0, 0), 2},     // then it waits for its credit note of 2027, kept through 2032
		{cph(2033, 1, 1, 0, 0), 0},
	} {
		res, err := w.svc.ApplyRetention(context.Background(), c.asOf, false)
		if err != nil {
			t.Fatalf("as of %s: %v", c.asOf, err)
		}
		if count() != c.want {
			t.Errorf("as of %s: %d documents left, want %d (%v)", c.asOf, count(), c.want, res)
		}
	}
}
