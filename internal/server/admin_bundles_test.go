package server_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"testing"
)

func TestAdminBundles(t *testing.T) {
	s := adminSite(t)
	ctx := context.Background()
	var a, b, demoOffer int64
	s.Store.Pool.QueryRow(ctx, `SELECT (SELECT id FROM courses WHERE slug = 'politisk-forstaaelse'),
		(SELECT id FROM courses WHERE slug = 'politisk-formidling-og-dialog'), (SELECT min(id) FROM bundle_offers)`).Scan(&a, &b, &demoOffer)
	ca, cb := strconv.FormatInt(a, 10), strconv.FormatInt(b, 10)

	status, body := s.get(t, "/admin/pakker")
	wantStatus(t, "list", status, 200, body)
	mustContain(t, body, "9.995 kr.", "3.505 kr.")

	// One course and a bad price: 422 with the choices kept.
	status, _, body = s.post(t, "/admin/pakker/ny", url.Values{"version": {"0"}, "title": {"Politik i to trin"}, "price": {"ni tusind"},
		"last_day": {"2027-02-01"}, "course": {ca}})
	wantStatus(t, "invalid", status, http.StatusUnprocessableEntity, body)
	mustContain(t, body, `href="#courses"`, "Vælg mindst to kurser", `href="#price"`, `value="ni tusind"`, `value="Politik i to trin"`,
		`id="courses-`+ca+`" name="course" value="`+ca+`" checked`)

	status, loc, body := s.post(t, "/admin/pakker/ny", url.Values{"version": {"0"}, "title": {"Politik i to trin"}, "price": {"10.500"},
		"last_day": {"01.02.2027"}, "course": {ca, cb}})
	wantStatus(t, "create", status, http.StatusSeeOther, body)
	_, body = s.get(t, loc)
	// 2 × 6.750 − 10.500 = 3.000.
	mustContain(t, body, "Pakketilbuddet er gemt. Besparelse: 3.000 kr.", "13.500 kr.", `value="2027-02-01"`)
	if _, action, fields, by := lastAudit(t, s, "bundle_offer"); action != "create" || by != "admin@cok.dk" || fields == "" {
		t.Fatalf("audit: %s %q %s", action, fields, by)
	}

	v := versionIn(t, body)
	if status, _, body := s.post(t, loc, url.Values{"version": {v}, "title": {"Politik i to trin"}, "price": {"10000"},
		"last_day": {"2027-02-01"}, "course": {ca, cb}}); status != http.StatusSeeOther {
		t.Fatalf("edit: %d %s", status, body)
	}
	if _, action, fields, _ := lastAudit(t, s, "bundle_offer"); action != "update" || fields != "price" {
		t.Fatalf("audit: %s %q", action, fields)
	}
	status, _, body = s.post(t, loc, url.Values{"version": {v}, "title": {"Politik i tre trin"}, "price": {"9000"},
		"last_day": {"2027-02-01"}, "course": {ca, cb}})
	wantStatus(t, "stale", status, http.StatusUnprocessableEntity, body)
	mustContain(t, body, "Pakketilbuddet er ændret af en anden siden du åbnede det", `value="Politik i tre trin"`, `value="9000"`)
	var price int64
	s.Store.Pool.QueryRow(ctx, `SELECT price_ore FROM bundle_offers WHERE title = 'Politik i to trin'`).Scan(&price)
	if price != 1000000 {
		t.Fatalf("price after the stale save: %d", price)
	}

	// The demo offer, once booked at its price, cannot be deleted.
	fa, fb := seedDates(t, s.Store)
	if status, _, body := s.post(t, "/tilmelding", enrolment("pakke-tok", []int64{fa, fb}, "Pia Pakke <pia@aarhus.dk>")); status != http.StatusSeeOther {
		t.Fatalf("booking: %d %s", status, body)
	}
	var used int64
	s.Store.Pool.QueryRow(ctx, `SELECT offer_id FROM participants WHERE email = 'pia@aarhus.dk' AND offer_id IS NOT NULL LIMIT 1`).Scan(&used)
	if used != demoOffer {
		t.Fatalf("the booking used offer %d, not %d", used, demoOffer)
	}
	status, _, body = s.post(t, "/admin/pakker/"+strconv.FormatInt(used, 10)+"/slet", nil)
	wantStatus(t, "delete used", status, http.StatusConflict, body)
	mustContain(t, body, "Pakketilbuddet kan ikke slettes, fordi 2 deltagere")
	if status, loc, body := s.post(t, loc+"/slet", nil); status != http.StatusSeeOther || loc != "/admin/pakker" {
		t.Fatalf("delete: %d %q %s", status, loc, body)
	}
	if _, action, _, _ := lastAudit(t, s, "bundle_offer"); action != "delete" {
		t.Fatalf("audit: %s", action)
	}
}
