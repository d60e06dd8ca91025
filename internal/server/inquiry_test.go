package server_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"
)

var stampField = regexp.MustCompile(`name="stamp" value="([^"]+)"`)

// formStamp fetches a form and returns its time stamp.
func formStamp(t *testing.T, s *site, path string) (string, string) {
	t.Helper()
	status, body := s.get(t, path)
	if status != 200 {
		t.Fatalf("%s: %d", path, status)
	}
	m := stampField.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("%s has no stamp", path)
	}
	return m[1], body
}

func TestAskACOKer(t *testing.T) {
	s := newSite(t)
	ctx := context.Background()
	stamp, body := formStamp(t, s, "/kurser/politisk-forstaaelse/spoerg")
	mustContain(t, body, "Spørg en COK&#39;er", "Lone Kragh", "Chefkonsulent", "+45 21 45 67 89", "lone.kragh@cok.dk", `name="website"`)

	form := url.Values{"stamp": {stamp}, "name": {"Anna Andersen"}, "email": {"anna@aarhus.dk"}, "message": {"Er der overnatning inkluderet?"}}
	// Posted at once: no timer refuses a quick sender.
	status, loc, _ := s.post(t, "/kurser/politisk-forstaaelse/spoerg", form)
	if status != http.StatusSeeOther || !strings.HasPrefix(loc, "/tak") {
		t.Fatalf("question: %d %q", status, loc)
	}
	_, body = s.get(t, loc)
	mustContain(t, body, "Lone Kragh har fået din henvendelse", "inden for to arbejdsdage")

	var kind, course, message string
	s.Store.Pool.QueryRow(ctx, `SELECT i.kind, c.title, i.message FROM inquiries i JOIN courses c ON c.id = i.course_id WHERE `+notDemoInquiry).Scan(&kind, &course, &message)
	if kind != "question" || course != "Politisk forståelse" || message != "Er der overnatning inkluderet?" {
		t.Fatalf("stored %q %q %q", kind, course, message)
	}
	var toConsultant, toSender int
	var replyTo, text string
	s.Store.Pool.QueryRow(ctx, `SELECT count(*) FILTER (WHERE to_addr = 'lone.kragh@cok.dk'), count(*) FILTER (WHERE to_addr = 'anna@aarhus.dk') FROM outgoing_mails`).Scan(&toConsultant, &toSender)
	s.Store.Pool.QueryRow(ctx, `SELECT reply_to, text_body FROM outgoing_mails WHERE to_addr = 'lone.kragh@cok.dk'`).Scan(&replyTo, &text)
	if toConsultant != 1 || toSender != 1 || replyTo != "anna@aarhus.dk" || !strings.Contains(text, "Politisk forståelse") || !strings.Contains(text, "http://kurser.test/kurser/politisk-forstaaelse") {
		t.Fatalf("mails: %d to consultant, %d to sender, reply-to %q, text %q", toConsultant, toSender, replyTo, text)
	}
}

func TestInhouseRequestAndBadInput(t *testing.T) {
	s := newSite(t)
	stamp, body := formStamp(t, s, "/kurser/politisk-forstaaelse/tilpasset")
	mustContain(t, body, "Forløb tilpasset arbejdspladsen", "Antal deltagere", "Ønsket periode")
	s.Clock.Advance(10 * time.Second)
	form := url.Values{"stamp": {stamp}, "organisation": {"Kolding Kommune"}, "name": {"Bo Berg"}, "email": {"bo@kolding"}, "phone": {"75 50 15 00"}, "participants": {"mange"}, "period": {"Foråret 2027"}}
	status, _, body := s.post(t, "/kurser/politisk-forstaaelse/tilpasset", form)
	if status != http.StatusUnprocessableEntity {
		t.Fatalf("bad input: %d", status)
	}
	mustContain(t, body, "Skriv e-mailadressen som navn@eksempel.dk", "Skriv antallet af deltagere som et tal", `value="Kolding Kommune"`, `value="Foråret 2027"`, `value="mange"`)
	form.Set("email", "bo@kolding.dk")
	form.Set("participants", "25")
	form.Set("stamp", stampField.FindStringSubmatch(body)[1])
	s.Clock.Advance(10 * time.Second)
	status, _, _ = s.post(t, "/kurser/politisk-forstaaelse/tilpasset", form)
	if status != http.StatusSeeOther {
		t.Fatalf("in-house request: %d", status)
	}
	var n, participants int
	s.Store.Pool.QueryRow(context.Background(), `SELECT count(*), max(participants) FROM inquiries i WHERE kind = 'inhouse' AND `+notDemoInquiry).Scan(&n, &participants)
	if n != 1 || participants != 25 {
		t.Fatalf("stored %d in-house requests for %d", n, participants)
	}
}

// A bot that fills the hidden field is thanked and nothing is kept; a
// forged stamp is refused.
func TestInquirySpamDefences(t *testing.T) {
	s := newSite(t)
	ctx := context.Background()
	stamp, body := formStamp(t, s, "/kontakt")
	mustContain(t, body, "Kontakt COK")
	bot := url.Values{"stamp": {stamp}, "name": {"Bot"}, "email": {"bot@spam.example"}, "message": {"Køb nu"}, "website": {"http://spam.example"}}
	status, loc, _ := s.post(t, "/kontakt", bot)
	var n int
	s.Store.Pool.QueryRow(ctx, `SELECT count(*) FROM inquiries i WHERE `+notDemoInquiry).Scan(&n)
	if status != http.StatusSeeOther || !strings.HasPrefix(loc, "/tak") || n != 0 {
		t.Fatalf("honeypot: %d %q, %d stored", status, loc, n)
	}
	forged := url.Values{"stamp": {"1.abc"}, "name": {"A"}, "email": {"a@b.dk"}, "message": {"Hej"}}
	if status, _, _ := s.post(t, "/kontakt", forged); status != http.StatusUnprocessableEntity {
		t.Fatalf("forged stamp: %d", status)
	}
}
