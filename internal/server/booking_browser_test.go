package server_test

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"kursuskatalog/internal/browser"
)

// From the bundle box on the course page, a booker enrols herself and a
// colleague on both modules, sees the receipt with the bundle price, and
// later cancels a seat from the manage link through its confirmation
// step, which shows the bundle twin at its own price; the seat is offered
// to the first on the waiting list. axe-core checks the form, its error
// state, the receipt and the confirmation step.
func TestBookTheBundleInBrowser(t *testing.T) {
	s := newSite(t)
	ctx := context.Background()
	a, _ := seedDates(t, s.Store)
	// Two seats left on the first module, so a later booking has to wait.
	if _, err := s.Store.Pool.Exec(ctx, `UPDATE course_dates SET capacity = seats_taken + 2 WHERE id = $1`, a); err != nil {
		t.Fatal(err)
	}
	b := browser.New(t, 1280)
	browser.Do(t, b,
		chromedp.Navigate(s.URL+"/kurser/politisk-forstaaelse"),
		chromedp.Click(chromedp.CSS(".bundle a.btn")),
		chromedp.WaitVisible(chromedp.CSS("#booker-name")),
	)
	browser.CheckAccessibility(t, b, "enrolment form")

	// Sending the empty form shows the error summary.
	browser.Do(t, b,
		chromedp.Click(chromedp.CSS(`p > button[value=tilmeld]`)),
		chromedp.WaitVisible(chromedp.CSS(".error-summary")),
	)
	summary := browser.Get(t, b, chromedp.Text(chromedp.CSS(".error-summary")))
	if !strings.Contains(summary, "Skriv dit navn") || !strings.Contains(summary, "EAN-nummeret skal have 13 cifre") {
		t.Fatalf("error summary: %q", summary)
	}
	browser.CheckAccessibility(t, b, "enrolment form with errors")

	browser.Do(t, b,
		chromedp.SendKeys(chromedp.CSS("#booker-name"), "Mette Booker"),
		chromedp.SendKeys(chromedp.CSS("#booker-email"), "mette@aarhus.dk"),
		chromedp.SendKeys(chromedp.CSS("#booker-phone"), "87 13 00 00"),
		chromedp.Click(chromedp.CSS("#self")),
		chromedp.SendKeys(chromedp.CSS("#org-name"), "Aarhus Kommune"),
		chromedp.SendKeys(chromedp.CSS("#ean"), goodEAN),
		chromedp.SendKeys(chromedp.CSS("#reference"), "PO-4711"),
		chromedp.SendKeys(chromedp.CSS("#p0-name"), "Anna Andersen"),
		chromedp.SendKeys(chromedp.CSS("#p0-email"), "anna@aarhus.dk"),
		chromedp.Click(chromedp.CSS("#vilkaar")),
		chromedp.Click(chromedp.CSS(`p > button[value=tilmeld]`)),
		chromedp.WaitVisible(chromedp.CSS(".lead")),
	)
	receipt := browser.Get(t, b, chromedp.Text(chromedp.CSS("main")))
	for _, want := range []string{"Tak for din tilmelding", "19.990 kr.", "Pakkerabat", "Mette Booker", "Anna Andersen", "Bekræftet", "EAN-nummer: " + goodEAN} {
		if !strings.Contains(receipt, want) {
			t.Errorf("receipt lacks %q", want)
		}
	}
	browser.CheckAccessibility(t, b, "receipt")
	var mails, withICS int
	s.workBookingMails(t)
	s.Store.Pool.QueryRow(ctx, `SELECT count(*), count(*) FILTER (WHERE ics LIKE '%METHOD:REQUEST%') FROM outgoing_mails
		WHERE to_addr IN ('mette@aarhus.dk', 'anna@aarhus.dk')`).Scan(&mails, &withICS)
	if mails != 2 || withICS != 2 {
		t.Fatalf("%d mails recorded (%d with invitations), want 2: the receipt to Mette, who takes part, and Anna's, each with invitations", mails, withICS)
	}

	// Someone else now has to wait.
	other := newClient()
	waiter := &site{Server: s.Server, Store: s.Store, Client: other}
	_, loc, _ := waiter.post(t, "/tilmelding", enrolment("tok-waiter", []int64{a}, "Vera Venter <vera@odense.dk>"))
	if _, body := waiter.get(t, loc); !strings.Contains(body, "Venteliste nr. 1") {
		t.Fatalf("third booking not on the waiting list")
	}

	link := browser.Get(t, b, chromedp.AttributeValue(chromedp.CSS(`a[href*="/min-tilmelding/"]`), "href"))
	browser.Do(t, b,
		chromedp.Navigate(s.URL+strings.TrimPrefix(link.Value, "http://kurser.test")),
		chromedp.WaitVisible(chromedp.CSS("h1")),
	)
	browser.CheckAccessibility(t, b, "manage page")
	// The first seat (Anna or Mette on module 1): its confirmation step
	// shows that it is free and that the bundle twin goes to its own price.
	browser.Do(t, b,
		chromedp.Click(chromedp.CSS(`a[href*="/afmeld?plads="]`)),
		chromedp.WaitVisible(chromedp.CSS("#ny-pris-h")),
	)
	step := strings.Join(strings.Fields(browser.Get(t, b, chromedp.Text(chromedp.CSS("main")))), " ")
	for _, want := range []string{"Bekræft afmelding", "Gratis, fordi tilmeldingsfristen", "Ny pris, fordi pakkeprisen ikke længere gælder", "4.997,50 kr. 6.750 kr.",
		"tilbydes den, der står på ventelisten", "Nu 19.990 kr. 24.987,50 kr.", "Efter afmeldingen 16.745 kr."} {
		if !strings.Contains(step, want) {
			t.Errorf("confirmation step lacks %q:\n%s", want, step)
		}
	}
	browser.CheckAccessibility(t, b, "cancel confirmation")
	browser.Do(t, b,
		chromedp.Click(chromedp.CSS(`form[action$="/afmeld"] button`)),
		chromedp.WaitVisible(chromedp.CSS(".notice-ok")),
	)
	// The price box now shows what the invoice will: the seats left, the
	// twin at its own price.
	var leftOre int64
	s.Store.Pool.QueryRow(ctx, `SELECT sum(price_ore) FROM participants p JOIN bookings b ON b.id = p.booking_id
		WHERE p.status <> 'cancelled'
		  AND b.id = (SELECT booking_id FROM participants WHERE email = 'anna@aarhus.dk' LIMIT 1)`).Scan(&leftOre)
	price := browser.Get(t, b, chromedp.Text(chromedp.CSS(`section[aria-labelledby="pris-h"]`)))
	for _, want := range []string{"I alt ekskl. moms 16.745 kr.", "Den afmeldte plads koster ikke noget"} {
		if !strings.Contains(strings.Join(strings.Fields(price), " "), want) {
			t.Errorf("price box after one cancelled seat lacks %q:\n%s", want, price)
		}
	}
	if seats := browser.Get(t, b, chromedp.Text(chromedp.CSS("main"))); !strings.Contains(seats, "Ingen betaling") {
		t.Errorf("the cancelled seat does not say it costs nothing:\n%s", seats)
	}
	if leftOre != 1674500 {
		t.Errorf("the seats left cost %d øre, want 2 × 4,997.50 and the twin at 6,750: 1674500", leftOre)
	}
	var changes int
	s.Store.Pool.QueryRow(ctx, `SELECT count(*) FROM booking_changes WHERE kind = 'cancelled' AND old_excl_ore = 1999000 AND new_excl_ore = 1674500`).Scan(&changes)
	if changes != 1 {
		t.Errorf("%d changes recorded from 19,990 to 16,745 kr.", changes)
	}
	// The seat is offered to the one waiting, not given.
	if _, body := waiter.get(t, loc); !strings.Contains(body, "Venteliste nr. 1") {
		t.Fatalf("the one waiting got the seat without saying yes")
	}
	var offered int
	s.Store.Pool.QueryRow(ctx, `SELECT count(*) FROM outgoing_mails WHERE kind = 'offer' AND to_addr = 'vera@odense.dk'`).Scan(&offered)
	if offered != 1 {
		t.Fatalf("offer mail not recorded")
	}
}
