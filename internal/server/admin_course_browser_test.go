package server_test

import (
	"context"
	"encoding/csv"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"kursuskatalog/internal/auth"
	"kursuskatalog/internal/browser"
)

// A staff member creates a course (first sending the empty form), adds a
// date and publishes it; a participant finds it in the catalogue and books
// it through the public form; the staff member sees the booking on the
// date's list and downloads it as CSV. axe-core checks the course list,
// the editor with and without errors and the date form.
func TestAdminCreateCourseInBrowser(t *testing.T) {
	s := newSite(t)
	ctx := context.Background()
	addStaff(t, s.Store, "ida@cok.dk", auth.RoleAdmin)
	var venue, topic int64
	s.Store.Pool.QueryRow(ctx, `SELECT id FROM venues ORDER BY id LIMIT 1`).Scan(&venue)
	s.Store.Pool.QueryRow(ctx, `SELECT id FROM topics ORDER BY id LIMIT 1`).Scan(&topic)

	b := browser.New(t, 1280)
	browser.Do(t, b,
		chromedp.Navigate(s.URL+"/admin/kurser"),
		chromedp.WaitVisible(chromedp.CSS("#email")),
		chromedp.SendKeys(chromedp.CSS("#email"), "ida@cok.dk"),
		chromedp.SendKeys(chromedp.CSS("#password"), staffPassword),
		chromedp.Click(chromedp.CSS("main form button")),
	)
	browser.WaitURL(t, b, "/admin/kurser")
	browser.Do(t, b, chromedp.WaitVisible(chromedp.CSS(`a[href="/admin/kurser/ny"]`)))
	browser.CheckAccessibility(t, b, "admin course list")

	browser.Do(t, b, chromedp.Click(chromedp.CSS(`a[href="/admin/kurser/ny"]`)))
	browser.WaitURL(t, b, "/admin/kurser/ny")
	browser.Do(t, b, chromedp.WaitVisible(chromedp.CSS("#title")))
	browser.CheckAccessibility(t, b, "new course editor")

	// The empty form: the error summary, and the defaults kept.
	browser.Do(t, b,
		chromedp.Click(chromedp.CSS("#gem")),
		chromedp.WaitVisible(chromedp.CSS(".error-summary")),
	)
	if summary := browser.Get(t, b, chromedp.Text(chromedp.CSS(".error-summary"))); !strings.Contains(summary, "Skriv kursets titel") {
		t.Fatalf("error summary: %q", summary)
	}
	browser.CheckAccessibility(t, b, "course editor with errors")

	browser.Do(t, b,
		chromedp.SendKeys(chromedp.CSS("#title"), "Mødeledelse i udvalg"),
		chromedp.SendKeys(chromedp.CSS("#teaser"), "Led møder, der ender med en beslutning."),
		chromedp.SendKeys(chromedp.CSS("#audience"), "Udvalgssekretærer"),
		chromedp.SendKeys(chromedp.CSS("#description"), "Et kursus om **gode møder**."),
		chromedp.SendKeys(chromedp.CSS("#price"), "3.950"),
		chromedp.SetValue(chromedp.CSS("#agenda"), "Dag 1\n09:00 | Velkomst\n10:00 | Dagsordenen | Lone Lund\n- Punkter og bilag\n"),
		chromedp.Click(chromedp.CSS(fmt.Sprintf("#topic-%d", topic))),
		chromedp.Click(chromedp.CSS(`button[value=vis]`)),
		chromedp.WaitVisible(chromedp.CSS(".preview strong")),
	)
	if got := browser.Get(t, b, chromedp.Text(chromedp.CSS(".preview strong"))); got != "gode møder" {
		t.Fatalf("preview: %q", got)
	}
	browser.Do(t, b,
		chromedp.Click(chromedp.CSS("#gem")),
		chromedp.WaitVisible(chromedp.CSS(".flash")),
	)
	loc := browser.Get(t, b, chromedp.Location())
	m := regexp.MustCompile(`/admin/kurser/(\d+)$`).FindStringSubmatch(loc)
	if m == nil {
		t.Fatalf("after create: %s", loc)
	}
	course := m[1]
	browser.CheckAccessibility(t, b, "course editor")

	// A date.
	browser.Do(t, b, chromedp.Click(chromedp.CSS(`a[href="/admin/kurser/`+course+`/datoer/ny"]`)))
	browser.WaitURL(t, b, "/datoer/ny")
	browser.Do(t, b, chromedp.WaitVisible(chromedp.CSS("#venue")))
	browser.CheckAccessibility(t, b, "date form")
	browser.Do(t, b,
		chromedp.Click(chromedp.CSS("#gem")),
		chromedp.WaitVisible(chromedp.CSS(".error-summary")),
	)
	browser.CheckAccessibility(t, b, "date form with errors")
	browser.Do(t, b,
		chromedp.SetValue(chromedp.CSS("#venue"), fmt.Sprint(venue)),
		chromedp.SetValue(chromedp.CSS("#starts"), "2027-04-14T09:00"),
		chromedp.SetValue(chromedp.CSS("#ends"), "2027-04-14T16:00"),
		chromedp.SetValue(chromedp.CSS("#deadline"), "2027-03-17"),
		chromedp.SetValue(chromedp.CSS("#capacity"), "12"),
		chromedp.Click(chromedp.CSS("#gem")),
	)
	// A saved date shows its own page, which leads back to the course.
	browser.WaitURL(t, b, "/admin/datoer/")
	browser.Do(t, b, chromedp.WaitVisible(chromedp.CSS(".flash")))
	if lead := browser.Get(t, b, chromedp.Text(chromedp.CSS("p.lead"))); !strings.Contains(lead, "14.04.2027") {
		t.Fatalf("date page: %q", lead)
	}
	browser.Do(t, b, chromedp.Click(chromedp.CSS(`.crumbs a[href^="/admin/kurser/"]`)))
	browser.WaitURL(t, b, "/admin/kurser/")
	browser.Do(t, b, chromedp.WaitVisible(chromedp.CSS("#datoer-h")))
	if dates := browser.Get(t, b, chromedp.Text(chromedp.CSS("#datoer-h + p + div table"))); !strings.Contains(dates, "14.04.2027") {
		t.Fatalf("dates: %q", dates)
	}

	// Publish.
	browser.Do(t, b,
		chromedp.Click(chromedp.CSS("#status-knap")),
		chromedp.WaitVisible(chromedp.Search(`//p[contains(@class, "flash")][contains(., "offentliggjort")]`)),
	)

	// A participant finds it and books it.
	slug := "moedeledelse-i-udvalg"
	browser.Do(t, b, chromedp.Navigate(s.URL+"/kurser?q=m%C3%B8deledelse"), chromedp.WaitVisible(chromedp.CSS("h1")))
	browser.Do(t, b, chromedp.Click(chromedp.CSS(`main a[href="/kurser/`+slug+`"]`)))
	browser.WaitURL(t, b, "/kurser/"+slug)
	if page := browser.Get(t, b, chromedp.Text(chromedp.CSS("main"))); !strings.Contains(page, "Dagsordenen v/Lone Lund") || !strings.Contains(page, "3.950 kr.") {
		t.Errorf("public page lacks the agenda or the price")
	}
	var date int64
	s.Store.Pool.QueryRow(ctx, `SELECT id FROM course_dates WHERE course_id = $1`, course).Scan(&date)
	browser.Do(t, b, chromedp.Click(chromedp.CSS(fmt.Sprintf(`a[href="/tilmelding?dato=%d"]`, date))))
	browser.WaitURL(t, b, "/tilmelding")
	browser.Do(t, b,
		chromedp.WaitVisible(chromedp.CSS("#booker-name")),
		chromedp.SendKeys(chromedp.CSS("#booker-name"), "Mette Booker"),
		chromedp.SendKeys(chromedp.CSS("#booker-email"), "mette@aarhus.dk"),
		chromedp.SendKeys(chromedp.CSS("#booker-phone"), "87 13 00 00"),
		chromedp.SendKeys(chromedp.CSS("#org-name"), "Aarhus Kommune"),
		chromedp.SendKeys(chromedp.CSS("#ean"), goodEAN),
		chromedp.SendKeys(chromedp.CSS("#p0-name"), "Anna Andersen"),
		chromedp.SendKeys(chromedp.CSS("#p0-email"), "anna@aarhus.dk"),
		chromedp.Click(chromedp.CSS("#vilkaar")),
		chromedp.Click(chromedp.CSS(`p > button[value=tilmeld]`)),
	)
	browser.WaitURL(t, b, "/kvittering")
	if receipt := browser.Get(t, b, chromedp.Text(chromedp.CSS("main"))); !strings.Contains(receipt, "Anna Andersen") {
		t.Fatalf("receipt: %q", receipt)
	}

	// Staff see the booking on the date and export it.
	browser.Do(t, b, chromedp.Navigate(fmt.Sprintf("%s/admin/datoer/%d", s.URL, date)), chromedp.WaitVisible(chromedp.CSS("#bekraeftede")))
	if list := browser.Get(t, b, chromedp.Text(chromedp.CSS("main"))); !strings.Contains(list, "Bekræftede deltagere (1)") || !strings.Contains(list, "Anna Andersen") {
		t.Fatalf("date list: %q", list)
	}
	href := browser.Get(t, b, chromedp.AttributeValue(chromedp.CSS(`a[href$="/deltagere.csv"]`), "href"))
	// The browser fetches the link with its session, as a download would.
	body := browser.Get(t, b, chromedp.Evaluate[string](fmt.Sprintf(`fetch(%q).then(r => r.ok ? r.text() : "HTTP " + r.status)`, href.Value), chromedp.EvalAwaitPromise))
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(body, "\uFEFF")))
	r.Comma = ';'
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("csv: %v\n%s", err, body)
	}
	if len(rows) != 2 || rows[1][2] != "Anna Andersen" || rows[1][3] != "anna@aarhus.dk" || rows[1][16] != `="`+goodEAN+`"` {
		t.Fatalf("csv rows: %q", rows)
	}
	browser.Do(t, b, chromedp.Navigate(fmt.Sprintf("%s/admin/datoer/%d/rediger", s.URL, date)), chromedp.WaitVisible(chromedp.CSS("#aflys")))
	browser.CheckAccessibility(t, b, "date form of an existing date")
}
