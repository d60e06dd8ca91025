package server_test

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"kursuskatalog/internal/auth"
	"kursuskatalog/internal/browser"
)

// A redaktør issues a booking's invoice now, opens it and credits it with
// a reason (first without one: the form comes back with the message);
// the booker's own page lists the invoice, the credit note and the new
// invoice. axe-core checks each page at 1280 and 360 px. With
// INVOICE_SHOTS set to a folder, the pages are saved there as PNGs.
func TestInvoicingInBrowser(t *testing.T) {
	s := newSite(t)
	addStaff(t, s.Store, "ida@cok.dk", auth.RoleEditor)
	manage, _ := dueBooking(t, s, "Åse Øster <aase@aarhus.dk>", "Bo Bæk <bo@aarhus.dk>")

	for _, width := range []int{1280, 360} {
		b := browser.New(t, width)
		browser.Do(t, b,
			chromedp.Navigate(s.URL+"/admin/login"),
			chromedp.SendKeys(chromedp.CSS("#email"), "ida@cok.dk"),
			chromedp.SendKeys(chromedp.CSS("#password"), staffPassword),
			chromedp.Click(chromedp.CSS("main form button")),
			chromedp.WaitVisible(chromedp.CSS("table.admin-table")),
			chromedp.Navigate(s.URL+"/admin/fakturering"),
			chromedp.WaitVisible(chromedp.CSS("h1")),
		)
		check(t, b, width, "fakturering")
		if width == 1280 {
			browser.Do(t, b,
				chromedp.Click(chromedp.CSS(`form[action$="/udsted"] button`)),
				chromedp.WaitVisible(chromedp.CSS(".flash")),
			)
			check(t, b, width, "fakturering-udstedt")
		}
		browser.Do(t, b,
			chromedp.Click(chromedp.CSS(`a[href^="/admin/fakturering/"]`)),
			chromedp.WaitVisible(chromedp.CSS("dl.facts")),
		)
		check(t, b, width, "faktura")
		if width == 1280 {
			browser.Do(t, b,
				chromedp.Click(chromedp.CSS(`form[action$="/krediter"] button`)),
				chromedp.WaitVisible(chromedp.CSS(".error-summary")),
			)
			check(t, b, width, "faktura-fejl")
			browser.Do(t, b,
				chromedp.SendKeys(chromedp.CSS("#reason"), "Forkert afdeling"),
				chromedp.Click(chromedp.CSS(`form[action$="/krediter"] button`)),
				chromedp.WaitVisible(chromedp.CSS(".flash")),
			)
			main := browser.Get(t, b, chromedp.Text(chromedp.CSS("main")))
			if !strings.Contains(main, "Krediteret") || !strings.Contains(main, "Kreditnota 2026-00002") {
				t.Errorf("the invoice after the credit: %q", main)
			}
			check(t, b, width, "faktura-krediteret")
		}
		browser.Do(t, b, chromedp.Navigate(s.URL+manage), chromedp.WaitVisible(chromedp.CSS("#docs-h")))
		docs := browser.Get(t, b, chromedp.Text(chromedp.CSS("#docs-h + ul")))
		for _, want := range []string{"Faktura 2026-00001 (PDF)", "Kreditnota 2026-00002 (PDF)", "Faktura 2026-00003 (PDF)"} {
			if !strings.Contains(docs, want) {
				t.Errorf("the manage page lacks %q: %q", want, docs)
			}
		}
		check(t, b, width, "min-tilmelding")
	}
}

// check runs axe-core on the page and, with INVOICE_SHOTS set, saves it.
func check(t *testing.T, b context.Context, width int, name string) {
	t.Helper()
	browser.CheckAccessibility(t, b, name)
	dir := os.Getenv("INVOICE_SHOTS")
	if dir == "" {
		return
	}
	png := browser.Get(t, b, chromedp.FullScreenshot(100))
	if err := os.WriteFile(filepath.Join(dir, name+"-"+strconv.Itoa(width)+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}
