package server_test

import (
	"context"
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"

	"kursuskatalog/internal/auth"
	"kursuskatalog/internal/browser"
)

// axe-core finds nothing on the catalogue editors, the user editor and the
// phone booking form: lists, empty forms, filled forms and forms with errors.
func TestAdminEditorsAccessibleInBrowser(t *testing.T) {
	s := newSite(t)
	addStaff(t, s.Store, "admin@cok.dk", auth.RoleAdmin)
	ctx := context.Background()
	var programme, venue, user int64
	s.Store.Pool.QueryRow(ctx, `SELECT (SELECT min(id) FROM programmes), (SELECT min(id) FROM venues), (SELECT min(id) FROM staff_users)`).Scan(&programme, &venue, &user)
	date, _ := seedDates(t, s.Store)

	b := browser.New(t, 1280)
	browser.Do(t, b,
		chromedp.Navigate(s.URL+"/admin/login"),
		chromedp.WaitVisible(chromedp.CSS("#email")),
		chromedp.SendKeys(chromedp.CSS("#email"), "admin@cok.dk"),
		chromedp.SendKeys(chromedp.CSS("#password"), staffPassword),
		chromedp.Click(chromedp.CSS("main form button")),
		// The staff menu appears only once logged in.
		chromedp.WaitVisible(chromedp.CSS("form.admin-user")),
	)

	id := func(n int64) string { return strconv.FormatInt(n, 10) }
	for _, path := range []string{
		"/admin/steder", "/admin/steder/ny", "/admin/steder/" + id(venue),
		"/admin/konsulenter", "/admin/konsulenter/ny",
		"/admin/emner", "/admin/emner/ny",
		"/admin/pakker", "/admin/pakker/ny",
		"/admin/forloeb", "/admin/forloeb/ny", "/admin/forloeb/" + id(programme),
		"/admin/brugere", "/admin/brugere/ny", "/admin/brugere/" + id(user),
		"/admin/datoer/" + id(date) + "/tilmelding",
	} {
		browser.Do(t, b, chromedp.Navigate(s.URL+path), chromedp.WaitVisible(chromedp.CSS("h1")))
		browser.CheckAccessibility(t, b, path)
	}

	// Forms sent empty come back with the error summary.
	for _, path := range []string{"/admin/steder/ny", "/admin/pakker/ny", "/admin/forloeb/ny", "/admin/brugere/ny"} {
		browser.Do(t, b,
			chromedp.Navigate(s.URL+path),
			chromedp.WaitVisible(chromedp.CSS("form.editor")),
			chromedp.Click(chromedp.CSS("form.editor > p > button")),
			chromedp.WaitVisible(chromedp.CSS(".error-summary")),
		)
		browser.CheckAccessibility(t, b, path+" with errors")
	}
	browser.Do(t, b,
		chromedp.Navigate(s.URL+"/admin/datoer/"+id(date)+"/tilmelding"),
		chromedp.WaitVisible(chromedp.CSS("form.editor")),
		chromedp.Click(chromedp.CSS(`form.editor button[value="tilmeld"]`)),
		chromedp.WaitVisible(chromedp.CSS(".error-summary")),
	)
	browser.CheckAccessibility(t, b, "phone booking with errors")
}
