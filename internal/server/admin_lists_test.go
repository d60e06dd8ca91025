package server_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	enrol "kursuskatalog/internal/enrolment"
	"kursuskatalog/internal/store"
)

func TestAdminSearchBookings(t *testing.T) {
	s := adminSite(t)
	fullDate(t, s)
	for _, q := range []string{"Første", "anden@odense", "aarhus kommune", goodEAN, "PO-4711", "COK-2026"} {
		status, body := s.get(t, "/admin/soeg?q="+url.QueryEscape(q))
		if status != 200 {
			t.Fatalf("%s: %d", q, status)
		}
		mustContain(t, body, "Politisk forståelse", "Mette Booker")
	}
	_, body := s.get(t, "/admin/soeg?q=findes-ikke-%25")
	mustContain(t, body, "Ingen tilmeldinger passer")
}

// Staff see what falls due, issue it now, open, download and credit it;
// the booker's own page lists the invoice and the credit note, each a PDF
// only that link opens.
func TestAdminInvoicing(t *testing.T) {
	s := adminSite(t)
	ctx := context.Background()
	manage, bookingID := dueBooking(t, s, "Første <foerste@aarhus.dk>", "Anden <anden@aarhus.dk>")
	status, body := s.get(t, "/admin/fakturering")
	if status != 200 {
		t.Fatalf("invoicing: %d", status)
	}
	mustContain(t, body, "Forfalder inden for 4 uger", "Aarhus Kommune", "EAN "+goodEAN, "16.875 kr.", "Udsted nu")
	issue := "/admin/fakturering/tilmeldinger/" + strconv.FormatInt(bookingID, 10) + "/udsted"
	if status, loc, _ := s.post(t, issue, nil); status != http.StatusSeeOther || loc != "/admin/fakturering" {
		t.Fatalf("issue now: %d %s", status, loc)
	}
	_, body = s.get(t, "/admin/fakturering")
	mustContain(t, body, "Udstedt: 2026-00001.", "Faktura 2026-00001", "Ingen tilmeldinger venter på faktura")
	if status, _, _ := s.post(t, issue, nil); status != http.StatusSeeOther {
		t.Fatalf("issue again: %d", status)
	}
	_, body = s.get(t, "/admin/fakturering")
	mustContain(t, body, "Der er intet at fakturere")

	var docID int64
	s.Store.Pool.QueryRow(ctx, `SELECT id FROM invoice_documents WHERE number = '2026-00001'`).Scan(&docID)
	page := "/admin/fakturering/" + strconv.FormatInt(docID, 10)
	_, body = s.get(t, page)
	mustContain(t, body, "<h1>Faktura 2026-00001</h1>", "OIOUBL til EAN "+goodEAN, "PO-4711", "Første", "Anden",
		"13.500 kr.", "3.375 kr.", "16.875 kr.", "Kreditér fakturaen")
	res, xml := s.send(t, http.MethodGet, page+"/xml", nil, nil)
	if res.StatusCode != 200 || res.Header.Get("Content-Disposition") != `attachment; filename="faktura-2026-00001.xml"` ||
		!strings.Contains(string(xml), "<cbc:ID>2026-00001</cbc:ID>") {
		t.Fatalf("OIOUBL download: %d %v", res.StatusCode, res.Header)
	}
	res, pdf := s.send(t, http.MethodGet, page+"/pdf", nil, nil)
	if res.StatusCode != 200 || !strings.HasPrefix(string(pdf), "%PDF-") {
		t.Fatalf("PDF download: %d", res.StatusCode)
	}

	if status, _, body := s.post(t, page+"/krediter", url.Values{"reason": {"  "}}); status != http.StatusUnprocessableEntity ||
		!strings.Contains(body, "Skriv årsagen til kreditnotaen") || !strings.Contains(body, "<title>Fejl: ") {
		t.Fatalf("credit without a reason: %d", status)
	}
	if status, loc, _ := s.post(t, page+"/krediter", url.Values{"reason": {"Forkert\nafdeling"}}); status != http.StatusSeeOther || loc != page {
		t.Fatalf("credit: %d %s", status, loc)
	}
	_, body = s.get(t, page)
	mustContain(t, body, "Udstedt: 2026-00002, 2026-00003.", "Krediteret", "Kreditnota 2026-00002")
	if strings.Contains(body, "Kreditér fakturaen") {
		t.Error("an invoice credited whole offers the credit form")
	}
	if status, _, body := s.post(t, page+"/krediter", url.Values{"reason": {"Igen"}}); status != http.StatusUnprocessableEntity ||
		!strings.Contains(body, "allerede krediteret") {
		t.Fatalf("credit twice: %d", status)
	}
	_, body = s.get(t, "/admin/fakturering?status=credited")
	mustContain(t, body, "Faktura 2026-00001")

	// The booker's own page.
	_, body = s.get(t, manage)
	mustContain(t, body, "Fakturaer og kreditnotaer", "Faktura 2026-00001 (PDF)", "Kreditnota 2026-00002 (PDF)",
		"Faktura 2026-00003 (PDF)", "Krediterer faktura 2026-00001: Forkert afdeling.")
	var credit int64
	s.Store.Pool.QueryRow(ctx, `SELECT id FROM invoice_documents WHERE number = '2026-00002'`).Scan(&credit)
	res, pdf = s.send(t, http.MethodGet, manage+"/fakturaer/"+strconv.FormatInt(credit, 10)+".pdf", nil, nil)
	if res.StatusCode != 200 || !strings.HasPrefix(string(pdf), "%PDF-") ||
		res.Header.Get("Content-Disposition") != `attachment; filename="kreditnota-2026-00002.pdf"` {
		t.Fatalf("the booker's PDF: %d %v", res.StatusCode, res.Header)
	}
	other := "/min-tilmelding/" + strings.Repeat("A", 43) + "/fakturaer/" + strconv.FormatInt(credit, 10) + ".pdf"
	if status, _ := s.get(t, other); status != http.StatusNotFound {
		t.Fatalf("another link opens no document: %d", status)
	}
}

// dueBooking books people on the first seed date, moved to start within
// four weeks, so its invoice is due; it returns the manage link and the
// booking.
func dueBooking(t *testing.T, s *site, people ...string) (manage string, bookingID int64) {
	t.Helper()
	ctx := context.Background()
	date, _ := seedDates(t, s.Store)
	// The demo's bookings are not invoiced by the demo: they would be due too.
	if _, err := s.Store.Pool.Exec(ctx, `DELETE FROM bookings b WHERE NOT (`+notDemo+`)`); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Store.Pool.Exec(ctx, `UPDATE course_dates SET starts_at = '2026-12-10 08:00+01', ends_at = '2026-12-10 16:00+01' WHERE id = $1`, date); err != nil {
		t.Fatal(err)
	}
	_, loc, _ := s.post(t, "/tilmelding", enrolment("due-tok", []int64{date}, people...))
	_, receipt := s.get(t, loc)
	s.Store.Pool.QueryRow(ctx, `SELECT b.id FROM bookings b JOIN participants p ON p.booking_id = b.id ORDER BY b.id DESC LIMIT 1`).Scan(&bookingID)
	return manageLink.FindString(receipt), bookingID
}

func TestAdminMailsAndInquiries(t *testing.T) {
	s := adminSite(t)
	ctx := context.Background()
	fullDate(t, s)
	s.workBookingMails(t)
	status, body := s.get(t, "/admin/mails")
	if status != 200 {
		t.Fatalf("mails: %d", status)
	}
	mustContain(t, body, "foerste@aarhus.dk", "Kvittering for tilmelding", "I kø")
	var id int64
	s.Store.Pool.QueryRow(ctx, `SELECT id FROM outgoing_mails WHERE to_addr = 'mette@aarhus.dk' ORDER BY id LIMIT 1`).Scan(&id)
	status, body = s.get(t, "/admin/mails/"+strconv.FormatInt(id, 10))
	if status != 200 {
		t.Fatalf("mail: %d", status)
	}
	mustContain(t, body, "Kære Mette Booker", "Tak for din tilmelding")

	var course, consultant int64
	s.Store.Pool.QueryRow(ctx, `SELECT id, consultant_id FROM courses WHERE slug = 'politisk-forstaaelse'`).Scan(&course, &consultant)
	in, _, err := s.Enrolment.SaveInquiry(ctx, enrol.Inquiry{Inquiry: store.Inquiry{Kind: store.InquiryQuestion, CourseID: course, Name: "Spørge Jørgen",
		Email: "joergen@vejle.dk", Message: "Er der parkering ved hotellet?"}})
	if err != nil {
		t.Fatal(err)
	}
	_, body = s.get(t, "/admin/henvendelser")
	mustContain(t, body, "Spørge Jørgen", "Spørgsmål", "Politisk forståelse", "Ny")
	page := "/admin/henvendelser/" + strconv.FormatInt(in.ID, 10)
	_, body = s.get(t, page)
	mustContain(t, body, "Er der parkering ved hotellet?")
	status, _, body = s.post(t, page, url.Values{"state": {"handled"}, "consultant": {"999999"}, "note": {"Ringet op"}})
	if status != http.StatusUnprocessableEntity {
		t.Fatalf("unknown consultant: %d", status)
	}
	mustContain(t, body, "Vælg en konsulent fra listen", "Ringet op")
	status, _, _ = s.post(t, page, url.Values{"state": {"handled"}, "consultant": {strconv.FormatInt(consultant, 10)}, "note": {"Ringet op"}})
	if status != http.StatusSeeOther {
		t.Fatalf("save: %d", status)
	}
	var state, note string
	var fields []string
	s.Store.Pool.QueryRow(ctx, `SELECT state, internal_note FROM inquiries WHERE id = $1`, in.ID).Scan(&state, &note)
	s.Store.Pool.QueryRow(ctx, `SELECT changed_fields FROM audit_log WHERE entity = 'inquiry' AND entity_id = $1`, in.ID).Scan(&fields)
	if state != "handled" || note != "Ringet op" || len(fields) != 3 {
		t.Fatalf("inquiry: %s %q, audit %v", state, note, fields)
	}
	_, body = s.get(t, "/admin/henvendelser")
	if strings.Contains(body, "Spørge Jørgen") {
		t.Error("a handled inquiry is in the list of new ones")
	}
	_, body = s.get(t, "/admin/henvendelser?status=behandlet")
	mustContain(t, body, "Spørge Jørgen")
}
