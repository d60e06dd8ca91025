package server_test

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"kursuskatalog/internal/auth"
	"kursuskatalog/internal/browser"
)

// The overview, the statistics (with their charts), the log and an
// inquiry with its answer form pass axe-core at 1280 and at 360 px, and
// nothing scrolls sideways at 360 px but the tables in their own
// scrolling regions. A staff member answers an inquiry in the browser and
// sees the answer on its thread and in the log.
func TestAdminOverviewPagesInBrowser(t *testing.T) {
	s := newSite(t)
	addStaff(t, s.Store, "admin@cok.dk", auth.RoleAdmin)
	var inquiry int64
	s.Store.Pool.QueryRow(context.Background(), `SELECT id FROM inquiries WHERE name = 'Jesper Lund'`).Scan(&inquiry)
	page := "/admin/henvendelser/" + strconv.FormatInt(inquiry, 10)

	b := browser.New(t, 1280)
	browser.Do(t, b,
		chromedp.Navigate(s.URL+"/admin/login"),
		chromedp.WaitVisible(chromedp.CSS("#email")),
		chromedp.SendKeys(chromedp.CSS("#email"), "admin@cok.dk"),
		chromedp.SendKeys(chromedp.CSS("#password"), staffPassword),
		chromedp.Click(chromedp.CSS("main form button")),
		chromedp.WaitVisible(chromedp.CSS("#opmaerksomhed")),
	)
	browser.Do(t, b,
		chromedp.Navigate(s.URL+page),
		chromedp.WaitVisible(chromedp.CSS("#svar-form")),
		chromedp.Evaluate[chromedp.Void](`document.getElementById("body").value = ""`),
		chromedp.Click(chromedp.CSS(`form[action$="/svar"] button`)),
		chromedp.WaitVisible(chromedp.CSS(".error-summary")),
	)
	browser.CheckAccessibility(t, b, "inquiry answer with errors")
	browser.Do(t, b,
		chromedp.SendKeys(chromedp.CSS("#body"), "Vi kan komme i april. Jeg ringer dig op."),
		chromedp.Click(chromedp.CSS(`form[action$="/svar"] button`)),
		chromedp.WaitVisible(chromedp.CSS(".flash")),
	)
	if thread := browser.Get(t, b, chromedp.Text(chromedp.CSS("ol.thread"))); thread == "" {
		t.Error("no answer on the thread")
	}
	for _, width := range []int{1280, 360} {
		for _, path := range []string{"/admin", "/admin/statistik", "/admin/log", page} {
			browser.Do(t, b, chromedp.EmulateViewport(int64(width), 900), chromedp.Navigate(s.URL+path), chromedp.WaitVisible(chromedp.CSS("h1")))
			browser.CheckAccessibility(t, b, path+" at "+strconv.Itoa(width))
			if width == 360 {
				over := browser.Get(t, b, chromedp.Evaluate[int](`document.documentElement.scrollWidth - window.innerWidth`))
				if over > 0 {
					t.Errorf("%s scrolls sideways by %d px at 360 px", path, over)
				}
			}
		}
	}
	browser.Do(t, b, chromedp.Navigate(s.URL+"/admin/log"), chromedp.WaitVisible(chromedp.CSS("ol.audit-log")))
	entry := browser.Get(t, b, chromedp.Text(chromedp.CSS("ol.audit-log > li")))
	for _, want := range []string{"Medarbejder admin", "Henvendelse", "Jesper Lund", "besvaret pr. mail"} {
		if !strings.Contains(entry, want) {
			t.Errorf("the newest log entry %q lacks %q", entry, want)
		}
	}
}
