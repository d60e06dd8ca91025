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

func TestAdminInvoicing(t *testing.T) {
	s := adminSite(t)
	ctx := context.Background()
	date, _, _ := fullDate(t, s)
	// The course starts within four weeks: the confirmed booking and the
	// waiting one are both to invoice (the waiting one has no seat yet, but
	// the list shows what the booking holds).
	if _, err := s.Store.Pool.Exec(ctx, `UPDATE course_dates SET starts_at = '2026-12-10 08:00+01', ends_at = '2026-12-10 16:00+01' WHERE id = $1`, date); err != nil {
		t.Fatal(err)
	}
	status, body := s.get(t, "/admin/fakturering")
	if status != 200 {
		t.Fatalf("worklist: %d", status)
	}
	mustContain(t, body, "EAN-nummer", goodEAN, "PO-4711", "Første", "6.750 kr.", "8.437,50 kr.")
	var id int64
	s.Store.Pool.QueryRow(ctx, `SELECT booking_id FROM participants WHERE email = 'foerste@aarhus.dk'`).Scan(&id)
	mark := "/admin/tilmeldinger/" + strconv.FormatInt(id, 10) + "/faktureret"
	if status, _, body := s.post(t, mark, url.Values{"invoice_number": {""}}); status != http.StatusUnprocessableEntity || !strings.Contains(body, "Skriv fakturanummeret") {
		t.Fatalf("empty number: %d", status)
	}
	if status, _, _ := s.post(t, mark, url.Values{"invoice_number": {"F-2026-117"}}); status != http.StatusSeeOther {
		t.Fatalf("mark: %d", status)
	}
	var number string
	var invoiced bool
	s.Store.Pool.QueryRow(ctx, `SELECT invoice_number, invoiced_at IS NOT NULL FROM bookings WHERE id = $1`, id).Scan(&number, &invoiced)
	if number != "F-2026-117" || !invoiced {
		t.Fatalf("booking: %q %v", number, invoiced)
	}
	_, body = s.get(t, "/admin/fakturering")
	mustContain(t, body, "markeret som faktureret med nummer F-2026-117")
	if strings.Contains(body, `id="inv-`+strconv.FormatInt(id, 10)+`"`) {
		t.Error("an invoiced booking is still on the list")
	}
	if status, _, _ := s.post(t, mark, url.Values{"invoice_number": {"F-2"}}); status != http.StatusUnprocessableEntity {
		t.Fatalf("mark twice: %d", status)
	}
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
