package enrolment_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/booking"
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

var _ = booking.InvoiceLead
var _ store.DocumentFile
