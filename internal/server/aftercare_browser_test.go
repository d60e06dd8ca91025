package server_test

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"kursuskatalog/internal/auth"
	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/browser"
)

// staffBrowser logs a member of staff in, in a browser width px wide.
func staffBrowser(t *testing.T, s *site, width int, email, role string) context.Context {
	t.Helper()
	addStaff(t, s.Store, email, role)
	b := browser.New(t, width)
	browser.Do(t, b,
		chromedp.EmulateViewport(int64(width), 800), // headless windows are at least 500 px wide
		chromedp.Navigate(s.URL+"/admin/login"),
		chromedp.SendKeys(chromedp.CSS("#email"), email),
		chromedp.SendKeys(chromedp.CSS("#password"), staffPassword),
		chromedp.Click(chromedp.CSS("main form button")),
		chromedp.WaitVisible(chromedp.CSS("form.admin-user")), // logged in: the session cookie is set
	)
	return b
}

// At the door on a phone (360 px): a tap on "Til stede" marks the
// participant without reloading the page, the buttons are large, nothing
// is wider than the screen; without JavaScript the same button posts the
// form and the page comes back at the row. axe-core finds nothing.
func TestAttendanceAtTheDoorOnAPhone(t *testing.T) {
	s := newSite(t)
	date := bookResidential(t, s)
	var start time.Time
	s.Store.Pool.QueryRow(context.Background(), `SELECT starts_at FROM course_dates WHERE id = $1`, date).Scan(&start)
	s.Clock.Advance(start.Add(-15 * time.Minute).Sub(s.Clock.Now()))
	aase, mette := seatOf(t, s, "aase@odense.dk"), seatOf(t, s, "mette@aarhus.dk")

	b := staffBrowser(t, s, 360, "ida@cok.dk", auth.RoleEditor)
	page := fmt.Sprintf("%s/admin/datoer/%d/fremmoede", s.URL, date)
	browser.Do(t, b, chromedp.Navigate(page), chromedp.WaitVisible(chromedp.CSS(".att-list")))
	browser.CheckAccessibility(t, b, "attendance at 360 px")
	if w := browser.Get(t, b, chromedp.Evaluate[int](`document.documentElement.scrollWidth`)); w > 360 {
		t.Errorf("the attendance page is %d px wide on a 360 px screen", w)
	}
	row := fmt.Sprintf("#p-%d", aase)
	if h := browser.Get(t, b, chromedp.Evaluate[float64](`document.querySelector("`+row+` .att-yes").getBoundingClientRect().height`)); h < 44 {
		t.Errorf("the button is %.0f px high; a finger needs 44", h)
	}
	browser.Do(t, b,
		chromedp.Evaluate[chromedp.Void](`window.notReloaded = true`),
		chromedp.Click(chromedp.CSS(row+" .att-yes")),
		chromedp.WaitVisible(chromedp.CSS(row+`[data-state=present] .att-yes[aria-pressed=true]`)),
	)
	if !browser.Get(t, b, chromedp.Evaluate[bool](`window.notReloaded === true`)) {
		t.Error("the page was reloaded for a tap")
	}
	if got := browser.Get(t, b, chromedp.Text(chromedp.CSS(`[data-count=present]`))); got != "1" {
		t.Errorf("present count after the tap: %q", got)
	}
	if got := browser.Get(t, b, chromedp.Text(chromedp.CSS(`#live-att`))); got != "Åse Ærø: Til stede" {
		t.Errorf("the live region says %q", got)
	}
	browser.CheckAccessibility(t, b, "attendance after a tap")

	browser.DisableJavaScript(t, b)
	other := fmt.Sprintf("#p-%d", mette)
	browser.Do(t, b, chromedp.Click(chromedp.CSS(other+" .att-no")))
	browser.WaitURL(t, b, fmt.Sprintf("#p-%d", mette))
	browser.Do(t, b, chromedp.WaitVisible(chromedp.CSS(other+`[data-state=absent]`)))
	browser.SetJavaScript(t, b, true)
	marks := map[int64]bool{}
	rows, _ := s.Store.Pool.Query(context.Background(), `SELECT participant_id, present FROM attendance`)
	for rows.Next() {
		var id int64
		var present bool
		rows.Scan(&id, &present)
		marks[id] = present
	}
	if len(marks) != 2 || !marks[aase] || marks[mette] {
		t.Fatalf("attendance in the database: %v", marks)
	}
}

// axe-core finds nothing on the residential fields of the enrolment form,
// the participant's own page, the evaluation form (also with its
// messages) and the results, at 360 and 1280 px.
func TestAfterBookingPagesAreAccessible(t *testing.T) {
	s := newSite(t)
	date := bookResidential(t, s)
	ctx := context.Background()
	var start, end time.Time
	s.Store.Pool.QueryRow(ctx, `SELECT starts_at, ends_at FROM course_dates WHERE id = $1`, date).Scan(&start, &end)
	for i, who := range []string{"Bo <bo@odense.dk>", "Cai <cai@odense.dk>"} {
		s.post(t, "/tilmelding", enrolment("ax-tok-"+strconv.Itoa(i), []int64{date}, who))
	}
	s.workBookingMails(t)
	s.Clock.Advance(start.Sub(s.Clock.Now()))
	for _, who := range []string{"aase@odense.dk", "bo@odense.dk", "cai@odense.dk", "mette@aarhus.dk"} {
		if err := s.Enrolment.MarkAttendance(ctx, 0, date, seatOf(t, s, who), booking.Today(start), true); err != nil {
			t.Fatal(err)
		}
	}
	s.Clock.Advance(end.Sub(s.Clock.Now()))
	if err := s.Enrolment.SendAfterCourse(ctx, date); err != nil {
		t.Fatal(err)
	}
	for _, who := range []string{"bo@odense.dk", "cai@odense.dk", "mette@aarhus.dk"} {
		tok := s.linkIn(t, "after_course", who)[len("/min-plads/"):]
		a := booking.Answer{Overall: 4, Relevance: 5, Teaching: 4, Improve: "Flere pauser"}
		if err := s.Enrolment.Evaluate(ctx, tok, seatOf(t, s, who), a); err != nil {
			t.Fatal(err)
		}
	}
	link := s.linkIn(t, "after_course", "aase@odense.dk")
	eval := fmt.Sprintf("%s/evaluering/%d", link, seatOf(t, s, "aase@odense.dk"))
	for _, width := range []int{360, 1280} {
		b := staffBrowser(t, s, width, fmt.Sprintf("staff%d@cok.dk", width), auth.RoleAdmin) // the course editor is the administrator's
		for _, path := range []string{"/tilmelding?dato=" + strconv.FormatInt(date, 10), link, eval,
			fmt.Sprintf("/admin/datoer/%d/evaluering", date), fmt.Sprintf("/admin/datoer/%d/ophold", date),
			fmt.Sprintf("/admin/kurser/%d/evaluering", courseID(t, s.Store, "politisk-forstaaelse")),
			fmt.Sprintf("/admin/kurser/%d", courseID(t, s.Store, "politisk-forstaaelse"))} {
			browser.Do(t, b, chromedp.Navigate(s.URL+path), chromedp.WaitVisible(chromedp.CSS("h1")))
			browser.CheckAccessibility(t, b, fmt.Sprintf("%s at %d px", path, width))
			// The course editor's table of dates was wider than a phone before its new fields.
			editor := strings.HasPrefix(path, "/admin/kurser/") && !strings.HasSuffix(path, "/evaluering")
			if w := browser.Get(t, b, chromedp.Evaluate[int](`document.documentElement.scrollWidth`)); w > width && !editor {
				t.Errorf("%s is %d px wide at %d px", path, w, width)
			}
		}
		browser.Do(t, b, chromedp.Navigate(s.URL+eval), chromedp.WaitVisible(chromedp.CSS("form button")),
			chromedp.Click(chromedp.CSS("main form button[type=submit]")), chromedp.WaitVisible(chromedp.CSS(".error-summary")))
		browser.CheckAccessibility(t, b, fmt.Sprintf("evaluation with messages at %d px", width))
	}
}
