package server_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"kursuskatalog/internal/auth"
)

// Each route takes a body as large as its form needs: a login or a
// button a few KB, a message form more, the enrolment form the most; a
// larger body is refused with 413 and a Danish message before it is parsed.
func TestBodyCapsPerRoute(t *testing.T) {
	s := newSite(t)
	a, _ := seedDates(t, s.Store)
	big := func(n int) url.Values { return url.Values{"email": {"a@b.dk"}, "x": {strings.Repeat("a", n)}} }
	for _, tt := range []struct {
		path string
		size int
		want bool // refused with 413
	}{
		{"/admin/login", 20 << 10, true},
		{"/admin/login/link", 20 << 10, true},
		{"/favoritter", 20 << 10, true},
		{"/kontakt", 100 << 10, true},
		{"/kurser/politisk-forstaaelse/spoerg", 2 << 20, true},
		{"/kontakt", 30 << 10, false},
		{"/admin/login", 2 << 10, false},
	} {
		status, _, body := s.post(t, tt.path, big(tt.size))
		if refused := status == http.StatusRequestEntityTooLarge; refused != tt.want {
			t.Errorf("%s with %d KB: %d, refused %v, want %v", tt.path, tt.size>>10, status, refused, tt.want)
		} else if refused && !strings.Contains(body, "Formularen er for stor") {
			t.Errorf("%s: 413 without the Danish message: %q", tt.path, body)
		}
	}
	form := enrolment("tok-stor", []int64{a}, "Deltager <d@aarhus.dk>")
	form.Set("comment", strings.Repeat("lang kommentar ", 6000)) // 90 KB: too long a comment, not too large a form
	if status, _, _ := s.post(t, "/tilmelding", form); status != http.StatusUnprocessableEntity {
		t.Errorf("a 90 KB enrolment form: %d, want 422", status)
	}
}

// A line break (or another control character) in a field that ends in a
// mail header or a file is refused with a Danish message, the form kept
// and nothing saved.
func TestControlCharactersAreRefused(t *testing.T) {
	s := newSite(t)
	a, _ := seedDates(t, s.Store)
	for field, value := range map[string]string{
		"booker_name": "Mette\r\nBcc: alle@example.com", "p0_name": "Dorte\nDeltager", "org_name": "Aarhus\x07 Kommune",
		"reference": "PO\t4711", "p0_email": "d@aarhus.dk\r\nBcc: x@y.dk",
	} {
		form := enrolment("tok-"+field, []int64{a}, "Dorte Deltager <d@aarhus.dk>")
		form.Set(field, value)
		status, _, body := s.post(t, "/tilmelding", form)
		if status != http.StatusUnprocessableEntity || !strings.Contains(body, "må ikke indeholde linjeskift") {
			t.Errorf("%s = %q: %d", field, value, status)
		}
	}
	var n int
	s.Store.Pool.QueryRow(context.Background(), `SELECT count(*) FROM bookings b WHERE `+notDemo).Scan(&n)
	if n != 0 {
		t.Fatalf("%d bookings saved", n)
	}

	addStaff(t, s.Store, "admin@cok.dk", auth.RoleAdmin)
	s.login(t, "admin@cok.dk", staffPassword)
	status, _, body := s.post(t, "/admin/steder/ny", url.Values{"name": {"Hotel\r\nX"}, "street": {"Vej 1"}, "postcode": {"5210"},
		"city": {"Odense"}, "region": {"syddanmark"}})
	if status != http.StatusUnprocessableEntity || !strings.Contains(body, "må ikke indeholde linjeskift") {
		t.Errorf("a venue name with CR/LF: %d", status)
	}
}
