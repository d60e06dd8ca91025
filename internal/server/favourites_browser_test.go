package server_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"kursuskatalog/internal/browser"
	"kursuskatalog/internal/testdb"
)

// A visitor saves a favourite without JavaScript, then one with it, and
// finds both on /favoritter after closing and reopening the browser. The
// site caches its pages as `katalog serve` does: the visitor's pages are
// the cached ones with their favourites filled in.
func TestFavouritesInBrowser(t *testing.T) {
	st, _ := testdb.Store(t)
	loadDemo(t, st)
	s := startSiteWith(t, st, time.Minute)
	profile := t.TempDir()
	b, stop := browser.NewWithProfile(t, 1280, profile)

	browser.DisableJavaScript(t, b)
	browser.Do(t, b,
		chromedp.Navigate(s.URL+"/kurser/politisk-forstaaelse"),
		chromedp.WaitVisible(chromedp.CSS("h1")),
		chromedp.Click(chromedp.CSS(`h1 ~ form[data-fav] button`)),
		chromedp.WaitVisible(chromedp.CSS(`h1 ~ form[data-fav] button[aria-pressed=true]`)),
	)
	if loc := browser.Get(t, b, chromedp.Location()); !strings.HasSuffix(loc, "/kurser/politisk-forstaaelse") {
		t.Fatalf("without JavaScript the save went to %s, want back on the course", loc)
	}
	browser.SetJavaScript(t, b, true) // for axe; the page was loaded without scripts
	browser.CheckAccessibility(t, b, "course page with a saved favourite")

	// With JavaScript the button toggles in place and says so politely.
	stop()
	b, stop = browser.NewWithProfile(t, 1280, profile) // the same profile: the cookie survives the restart
	browser.Do(t, b,
		chromedp.Navigate(s.URL+"/forloeb/fremtidens-politikerbetjening"),
		chromedp.WaitVisible(chromedp.CSS("h1")),
	)
	before := browser.Get(t, b, chromedp.Location())
	browser.Do(t, b,
		chromedp.Click(chromedp.CSS(`h1 ~ form[data-fav] button`)),
		chromedp.WaitVisible(chromedp.CSS(`h1 ~ form[data-fav] button[aria-pressed=true]`)),
	)
	waitText(t, b, "#live", "Gemt som favorit")
	if after := browser.Get(t, b, chromedp.Location()); after != before {
		t.Fatalf("with JavaScript the page changed from %s to %s", before, after)
	}
	if n := browser.Get(t, b, chromedp.Text(chromedp.CSS("#fav-count .n"))); n != "2" {
		t.Fatalf("header count %q, want 2", n)
	}
	browser.CheckAccessibility(t, b, "programme page after saving with JavaScript")

	stop()
	b, _ = browser.NewWithProfile(t, 1280, profile)
	browser.Do(t, b,
		chromedp.Navigate(s.URL+"/favoritter"),
		chromedp.WaitVisible(chromedp.CSS("h1")),
	)
	main := browser.Get(t, b, chromedp.Text(chromedp.CSS("main")))
	if !strings.Contains(main, "Politisk forståelse") || !strings.Contains(main, "Fremtidens politikerbetjening") {
		t.Fatalf("favourites after a browser restart: %q", main)
	}
	browser.CheckAccessibility(t, b, "/favoritter")

	// Tick a date and start one enrolment from the favourites.
	browser.Do(t, b,
		chromedp.Click(chromedp.CSS(`input[name=dato]:not([disabled])`)),
		chromedp.Click(chromedp.CSS(`button[form=fav-tilmeld]`)),
		chromedp.WaitVisible(chromedp.CSS("#booker-name")),
	)
	if loc := browser.Get(t, b, chromedp.Location()); !strings.Contains(loc, "/tilmelding?dato=") {
		t.Fatalf("enrolment from favourites went to %s", loc)
	}
}

// A visitor asks a question in the browser; it is stored and the mails are
// recorded; the form, its error state and the thank-you page pass axe.
func TestAskAQuestionInBrowser(t *testing.T) {
	s := newSite(t)
	b := browser.New(t, 1280)
	browser.Do(t, b,
		chromedp.Navigate(s.URL+"/kurser/politisk-forstaaelse"),
		chromedp.Click(chromedp.CSS(`a[href="/kurser/politisk-forstaaelse/spoerg"]`)),
		chromedp.WaitVisible(chromedp.CSS("#message")),
	)
	browser.CheckAccessibility(t, b, "question form")
	s.Clock.Advance(5 * time.Second)
	browser.Do(t, b,
		chromedp.Click(chromedp.CSS(`main form button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(".error-summary")),
	)
	browser.CheckAccessibility(t, b, "question form with errors")
	s.Clock.Advance(5 * time.Second)
	browser.Do(t, b,
		chromedp.SendKeys(chromedp.CSS("#name"), "Anna Andersen"),
		chromedp.SendKeys(chromedp.CSS("#email"), "anna@aarhus.dk"),
		chromedp.SendKeys(chromedp.CSS("#message"), "Kan man deltage i specialmodulet uden grundmodulet?"),
		chromedp.Click(chromedp.CSS(`main form button[type=submit]`)),
	)
	browser.WaitURL(t, b, "/tak")
	if h1 := browser.Get(t, b, chromedp.Text(chromedp.CSS("h1"))); h1 != "Tak for din henvendelse" {
		t.Fatalf("after sending: %q", h1)
	}
	browser.CheckAccessibility(t, b, "thank-you page")
	var stored, mails int
	s.Store.Pool.QueryRow(context.Background(), `SELECT count(*) FROM inquiries WHERE message LIKE 'Kan man deltage%'`).Scan(&stored)
	s.Store.Pool.QueryRow(context.Background(), `SELECT count(*) FROM outgoing_mails WHERE inquiry_id IS NOT NULL`).Scan(&mails)
	if stored != 1 || mails != 2 {
		t.Fatalf("stored %d inquiries and %d mails, want 1 and 2", stored, mails)
	}
}

// waitText waits until the element's text contains want.
func waitText(t *testing.T, ctx context.Context, sel, want string) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		got := browser.Get(t, ctx, chromedp.Text(chromedp.CSS(sel), chromedp.NodeReady))
		if strings.Contains(got, want) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s says %q, want %q", sel, got, want)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
