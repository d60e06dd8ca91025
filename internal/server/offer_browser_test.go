package server_test

import (
	"context"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"kursuskatalog/internal/browser"
)

// The one first on the waiting list follows the "Ja tak" link of the
// offer mail on a phone, reads what saying yes means, and takes the seat;
// axe-core checks the offer page before and after.
func TestAcceptAnOfferFromTheMailInBrowser(t *testing.T) {
	s := newSite(t)
	ctx := context.Background()
	a, _ := seedDates(t, s.Store)
	if _, err := s.Store.Pool.Exec(ctx, `UPDATE course_dates SET capacity = 1, seats_taken = 0 WHERE id = $1`, a); err != nil {
		t.Fatal(err)
	}
	_, loc, _ := s.post(t, "/tilmelding", enrolment("tok-seat", []int64{a}, "Første <foerste@aarhus.dk>"))
	_, body := s.get(t, loc)
	manage := manageLink.FindString(body)
	waiter := &site{Server: s.Server, Store: s.Store, Client: newClient()}
	if status, _, _ := waiter.post(t, "/tilmelding", enrolment("tok-wait", []int64{a}, "Anden Andersen <anden@odense.dk>")); status != 303 {
		t.Fatalf("waiting booking: %d", status)
	}
	var seat int64
	s.Store.Pool.QueryRow(ctx, `SELECT id FROM participants WHERE email = 'foerste@aarhus.dk'`).Scan(&seat)
	if status, _, _ := s.cancel(t, manage, seat); status != 303 {
		t.Fatalf("cancel: %d", status)
	}

	// The mail's "Ja tak" link, in its HTML as a mail program shows it.
	var html string
	s.Store.Pool.QueryRow(ctx, `SELECT html_body FROM outgoing_mails WHERE kind = 'offer' AND to_addr = 'anden@odense.dk'`).Scan(&html)
	m := regexp.MustCompile(`href="http://kurser\.test(/tilbud/[A-Za-z0-9_-]{43}\?svar=ja)"[^>]*>Ja tak – jeg tager pladsen<`).FindStringSubmatch(html)
	if m == nil {
		t.Fatalf("no Ja tak link in the offer mail:\n%s", html)
	}
	b := browser.New(t, 360)
	browser.Do(t, b,
		chromedp.Navigate(s.URL+m[1]),
		chromedp.WaitVisible(chromedp.CSS("h1")),
	)
	page := strings.Join(strings.Fields(browser.Get(t, b, chromedp.Text(chromedp.CSS("main")))), " ")
	for _, want := range []string{"Tilbud om en ledig plads", "Der er en ledig plads til Anden Andersen på Politisk forståelse", "Svar senest",
		"Pladsen koster 6.750 kr. ekskl. moms", "kan du afmelde gratis til og med 25.01.2027", "Du er ikke bundet af noget, før du har sagt ja tak"} {
		if !strings.Contains(page, want) {
			t.Errorf("offer page lacks %q:\n%s", want, page)
		}
	}
	if st, _ := statusOf(t, s, waiterSeat(t, s)); st != "waitlisted" {
		t.Fatalf("opening the link answered the offer: %s", st)
	}
	browser.CheckAccessibility(t, b, "offer page")
	browser.Do(t, b,
		chromedp.Click(chromedp.CSS(`.offer-answers form:first-child button`)),
		chromedp.WaitVisible(chromedp.CSS(".notice-ok")),
	)
	if h1 := browser.Get(t, b, chromedp.Text(chromedp.CSS("h1"))); h1 != "Pladsen er din" {
		t.Errorf("after Ja tak the page says %q", h1)
	}
	browser.CheckAccessibility(t, b, "offer accepted")
	if st, _ := statusOf(t, s, waiterSeat(t, s)); st != "confirmed" {
		t.Fatalf("after Ja tak: %s", st)
	}
	// Clicking the link again shows the seat taken, and nothing to answer.
	if code, body := waiter.get(t, m[1]); code != 200 || !strings.Contains(body, "Pladsen er din") || strings.Contains(body, `name="svar"`) {
		t.Errorf("the link again: %d", code)
	}
	if status, loc, _ := waiter.post(t, strings.TrimSuffix(m[1], "?svar=ja"), url.Values{"svar": {"nej"}}); status != 303 || !strings.HasPrefix(m[1], loc) {
		t.Errorf("no after yes: %d %q", status, loc)
	}
	if st, _ := statusOf(t, s, waiterSeat(t, s)); st != "confirmed" {
		t.Fatalf("a no after the yes changed the seat: %s", st)
	}
}

func waiterSeat(t *testing.T, s *site) int64 {
	t.Helper()
	var id int64
	s.Store.Pool.QueryRow(context.Background(), `SELECT id FROM participants WHERE email = 'anden@odense.dk'`).Scan(&id)
	return id
}
