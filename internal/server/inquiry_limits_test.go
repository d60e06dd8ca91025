package server_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"kursuskatalog/internal/booking"
)

func question(stamp, name, email string) url.Values {
	return url.Values{"stamp": {stamp}, "name": {name}, "email": {email}, "message": {"Er der overnatning inkluderet?"}}
}

func countInquiries(t *testing.T, s *site) int {
	t.Helper()
	var n int
	s.Store.Pool.QueryRow(context.Background(), `SELECT count(*) FROM inquiries i WHERE `+notDemoInquiry).Scan(&n)
	return n
}

// A person who corrects a mistake sends again within a second, and is
// not asked to wait.
func TestCorrectedInquiryIsAcceptedAtOnce(t *testing.T) {
	s := newSite(t)
	const path = "/kurser/politisk-forstaaelse/spoerg"
	stamp, _ := formStamp(t, s, path)
	status, _, body := s.post(t, path, question(stamp, "Anna Andersen", "anna@aarhus"))
	if status != http.StatusUnprocessableEntity {
		t.Fatalf("bad e-mail: %d", status)
	}
	status, loc, _ := s.post(t, path, question(stampField.FindStringSubmatch(body)[1], "Anna Andersen", "anna@aarhus.dk"))
	if status != http.StatusSeeOther || !strings.HasPrefix(loc, "/tak") {
		t.Fatalf("the corrected form, sent at once: %d", status)
	}
}

// One form stamp is good for one inquiry, from whatever address it comes:
// a second click is thanked again, a replay keeps nothing.
func TestFormStampIsGoodForOneInquiry(t *testing.T) {
	s := behindProxy(t, nil)
	stamp, _ := formStamp(t, s, "/kontakt")
	for i := range 5 {
		res, _ := s.postFrom(t, newClient(), fmt.Sprintf("198.51.100.%d", i+1), "/kontakt", question(stamp, "Bo", fmt.Sprintf("bo%d@kolding.dk", i)))
		if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/tak") {
			t.Fatalf("post %d: %d", i, res.StatusCode)
		}
	}
	if n := countInquiries(t, s); n != 1 {
		t.Fatalf("%d inquiries kept from one stamp, want 1", n)
	}
}

// The limits count accepted inquiries per e-mail and per address: twenty
// colleagues behind one municipal address all get through, refused forms
// count for nothing, and a sender over the limit gets 429 with the form
// and what they typed.
func TestInquiryLimitsCountAcceptedPerSender(t *testing.T) {
	s := behindProxy(t, nil)
	const path, town = "/kontakt", "198.51.100.20"
	for i := range 20 {
		stamp, _ := formStamp(t, s, path)
		if res, _ := s.postFrom(t, newClient(), town, path, question(stamp, "Kollega", fmt.Sprintf("kollega%d@vejle.dk", i))); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("colleague %d behind the town's address: %d", i, res.StatusCode)
		}
	}
	for range 8 {
		stamp, _ := formStamp(t, s, path)
		if res, _ := s.postFrom(t, newClient(), town, path, question(stamp, "", "mette@vejle.dk")); res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("a refused form: %d", res.StatusCode)
		}
	}
	for i := range booking.InquiriesPerEmail {
		stamp, _ := formStamp(t, s, path)
		if res, _ := s.postFrom(t, newClient(), town, path, question(stamp, "Mette", "mette@vejle.dk")); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("Mette's inquiry %d: %d", i, res.StatusCode)
		}
	}
	stamp, _ := formStamp(t, s, path)
	res, body := s.postFrom(t, newClient(), "203.0.113.9", path, question(stamp, "Mette Hjemme", "Mette@vejle.dk"))
	if res.StatusCode != http.StatusTooManyRequests || res.Header.Get("Retry-After") == "" {
		t.Fatalf("over the limit: %d", res.StatusCode)
	}
	mustContain(t, body, "Vi har fået mange henvendelser fra dig", `value="Mette Hjemme"`, "Er der overnatning inkluderet?", `name="stamp"`)
	if n := countInquiries(t, s); n != 20+booking.InquiriesPerEmail {
		t.Fatalf("%d inquiries kept, want %d", n, 20+booking.InquiriesPerEmail)
	}
}

// A line break in a name would split a mail header: the field is refused
// with a Danish message, the form kept.
func TestInquiryRefusesControlCharacters(t *testing.T) {
	s := newSite(t)
	stamp, _ := formStamp(t, s, "/kontakt")
	status, _, body := s.post(t, "/kontakt", question(stamp, "Anna\r\nBcc: alle@example.com", "anna@aarhus.dk"))
	if status != http.StatusUnprocessableEntity {
		t.Fatalf("a name with CR/LF: %d", status)
	}
	mustContain(t, body, "Navnet må ikke indeholde linjeskift")
	if n := countInquiries(t, s); n != 0 {
		t.Fatalf("%d inquiries kept", n)
	}
}
