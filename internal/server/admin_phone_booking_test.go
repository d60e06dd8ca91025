package server_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"testing"
)

func TestAdminPhoneBooking(t *testing.T) {
	s := adminSite(t)
	ctx := context.Background()
	date, _ := seedDates(t, s.Store)
	datePage := "/admin/datoer/" + strconv.FormatInt(date, 10)
	page := datePage + "/tilmelding"

	_, body := s.get(t, datePage)
	mustContain(t, body, `href="`+page+`"`, "Tilmelding pr. telefon")
	status, body := s.get(t, page)
	wantStatus(t, "form", status, 200, body)
	mustContain(t, body, "<h1>Tilmelding pr. telefon</h1>", "Politisk forståelse")
	mustContain(t, body, `name="token" value="`)

	form := url.Values{"token": {"telefon-1"}, "booker_name": {"Karin Ring"}, "booker_email": {"karin@vejle.dk"}, "booker_phone": {"76 81 00 00"},
		"org_name": {"Vejle Kommune"}, "invoice_kind": {"ean"}, "ean": {"5798000000000"}, "reference": {"Tlf. 12"},
		"p0_name": {"Ole Deltager"}, "p0_email": {"ole@vejle.dk"}, "handling": {"tilmeld"}}
	status, _, body = s.post(t, page, form)
	wantStatus(t, "invalid", status, http.StatusUnprocessableEntity, body)
	mustContain(t, body, `href="#ean"`, `href="#vilkaar"`, `value="Karin Ring"`, `value="ole@vejle.dk"`, `value="Tlf. 12"`)

	form.Set("ean", goodEAN)
	form.Set("terms", "1")
	form.Set("p1_name", "Pia Deltager")
	form.Set("p1_email", "pia@vejle.dk")
	status, loc, body := s.post(t, page, form)
	if status != http.StatusSeeOther || loc != datePage {
		t.Fatalf("book: %d %q %s", status, loc, body)
	}
	_, body = s.get(t, datePage)
	mustContain(t, body, "er gemt, og der er sendt bekræftelse til karin@vejle.dk", "Ole Deltager", "Pia Deltager", "Vejle Kommune")
	var bookingID int64
	var ean, ref string
	if err := s.Store.Pool.QueryRow(ctx, `SELECT id, ean, invoice_reference FROM bookings WHERE booker_email = 'karin@vejle.dk'`).Scan(&bookingID, &ean, &ref); err != nil {
		t.Fatal(err)
	}
	if ean != goodEAN || ref != "Tlf. 12" {
		t.Fatalf("booking: %q %q", ean, ref)
	}
	if eid, action, _, by := lastAudit(t, s, "booking"); eid != bookingID || action != "phone_booking" || by != "admin@cok.dk" {
		t.Fatalf("audit: %d %s %s", eid, action, by)
	}
	if n := mailsTo(t, s, "booking", "karin@vejle.dk"); n != 1 {
		var kinds []string
		rows, _ := s.Store.Pool.Query(ctx, `SELECT kind || ' ' || to_addr FROM outgoing_mails`)
		for rows.Next() {
			var k string
			rows.Scan(&k)
			kinds = append(kinds, k)
		}
		rows.Close()
		t.Fatalf("confirmation mails to the booker: %d (mails: %v)", n, kinds)
	}

	if mailsTo(t, s, "confirmation", "ole@vejle.dk") != 1 || mailsTo(t, s, "confirmation", "pia@vejle.dk") != 1 {
		t.Fatal("the participants are not mailed")
	}
	// The same form sent again books nothing more.
	if status, _, _ := s.post(t, page, form); status != http.StatusSeeOther {
		t.Fatalf("resend: %d", status)
	}
	var n int
	s.Store.Pool.QueryRow(ctx, `SELECT count(*) FROM bookings WHERE booker_email = 'karin@vejle.dk'`).Scan(&n)
	if n != 1 {
		t.Fatalf("%d bookings after resending", n)
	}
	// The same participant on a new form is refused beside the field.
	form.Set("token", "telefon-2")
	status, _, body = s.post(t, page, form)
	wantStatus(t, "twice", status, http.StatusUnprocessableEntity, body)
	mustContain(t, body, "er allerede tilmeldt")
}
