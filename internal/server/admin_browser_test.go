package server_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"kursuskatalog/internal/auth"
	"kursuskatalog/internal/browser"
)

// A staff member logs in, opens a full date, cancels the confirmed
// participant with a reason, sees the seat offered to the first on the
// waiting list, and gives it to them by hand. axe-core checks the login
// page, the dashboard and the date.
func TestAdminCancelInBrowser(t *testing.T) {
	s := newSite(t)
	addStaff(t, s.Store, "ida@cok.dk", auth.RoleEditor)
	date, first, second := fullDate(t, s)

	b := browser.New(t, 1280)
	browser.Do(t, b,
		chromedp.Navigate(s.URL+"/admin"),
		chromedp.WaitVisible(chromedp.CSS("#email")),
	)
	browser.CheckAccessibility(t, b, "admin login")
	browser.Do(t, b,
		chromedp.SendKeys(chromedp.CSS("#email"), "ida@cok.dk"),
		chromedp.SendKeys(chromedp.CSS("#password"), "forkert"),
		chromedp.Click(chromedp.CSS("main form button")),
		chromedp.WaitVisible(chromedp.CSS(".error-summary")),
	)
	browser.CheckAccessibility(t, b, "admin login with error")
	browser.Do(t, b,
		chromedp.SendKeys(chromedp.CSS("#password"), staffPassword),
		chromedp.Click(chromedp.CSS("main form button")),
		chromedp.WaitVisible(chromedp.CSS("table.admin-table")),
	)
	if h1 := browser.Get(t, b, chromedp.Text(chromedp.CSS("h1"))); h1 != "Overblik" {
		t.Fatalf("after login: %q", h1)
	}
	browser.CheckAccessibility(t, b, "admin dashboard")

	browser.Do(t, b,
		chromedp.Click(chromedp.CSS(fmt.Sprintf(`a[href="/admin/datoer/%d"]`, date))),
		chromedp.WaitVisible(chromedp.CSS("#venteliste")),
	)
	browser.CheckAccessibility(t, b, "admin date")
	form := fmt.Sprintf(`form[action="/admin/deltagere/%d/afmeld"]`, first)
	browser.Do(t, b,
		chromedp.Click(chromedp.CSS("table.admin-table details summary")),
		chromedp.SendKeys(chromedp.CSS("#reason-"+strconv.FormatInt(first, 10)), "Sygdom"),
		chromedp.Click(chromedp.CSS(form+" button")),
		chromedp.WaitVisible(chromedp.CSS(".flash")),
	)
	main := browser.Get(t, b, chromedp.Text(chromedp.CSS("main")))
	for _, want := range []string{"Deltageren er afmeldt", "Bekræftede deltagere (0)", "Venteliste (1)", "Tilbud om plads (1)",
		"Tilbudt, venter på svar", "Afmeldte (1)", "Sygdom"} {
		if !strings.Contains(main, want) {
			t.Errorf("date page lacks %q", want)
		}
	}
	browser.CheckAccessibility(t, b, "admin date with an offer")
	promote := fmt.Sprintf(`form[action="/admin/deltagere/%d/optag"]`, second)
	browser.Do(t, b,
		// The cancellation's message goes, so that waiting for one waits for the promotion's.
		chromedp.Evaluate[chromedp.Void](`document.querySelector(".flash").remove()`),
		chromedp.Click(chromedp.CSS("table.waitlist details summary")),
		chromedp.Click(chromedp.CSS(promote+" button")),
		chromedp.WaitVisible(chromedp.CSS(".flash")),
	)
	main = browser.Get(t, b, chromedp.Text(chromedp.CSS("main")))
	for _, want := range []string{"Bekræftede deltagere (1)", "Venteliste (0)", "Sagt ja tak"} {
		if !strings.Contains(main, want) {
			t.Errorf("date page after giving the seat lacks %q", want)
		}
	}
	confirmed := browser.Get(t, b, chromedp.Text(chromedp.CSS("table.admin-table tbody")))
	if !strings.Contains(confirmed, "Anden") {
		t.Errorf("the first on the waiting list is not confirmed: %q", confirmed)
	}
	browser.CheckAccessibility(t, b, "admin date after cancel")

	// The redaktør's pages; the catalogue's are the administrator's (see
	// TestAdminCreateCourseInBrowser and TestRolesPerRoute).
	for _, path := range []string{"/admin/soeg?q=Mette", "/admin/fakturering", "/admin/mails", "/admin/henvendelser",
		fmt.Sprintf("/admin/datoer/%d/udskrift", date)} {
		browser.Do(t, b, chromedp.Navigate(s.URL+path), chromedp.WaitVisible(chromedp.CSS("h1")))
		browser.CheckAccessibility(t, b, path)
	}
}
