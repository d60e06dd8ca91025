package server_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
)

// lastAudit is the newest audit row of entity: its action, changed fields
// and staff user's e-mail.
func lastAudit(t *testing.T, s *site, entity string) (id int64, action, fields, by string) {
	t.Helper()
	err := s.Store.Pool.QueryRow(context.Background(), `
		SELECT a.entity_id, a.action, array_to_string(a.changed_fields, ','), coalesce(u.email, '')
		FROM audit_log a LEFT JOIN staff_users u ON u.id = a.staff_user_id
		WHERE a.entity = $1 ORDER BY a.id DESC LIMIT 1`, entity).Scan(&id, &action, &fields, &by)
	if err != nil {
		t.Fatalf("audit of %s: %v", entity, err)
	}
	return id, action, fields, by
}

// versionIn is the version hidden in a form page.
func versionIn(t *testing.T, body string) string {
	t.Helper()
	const marker = `name="version" value="`
	i := strings.Index(body, marker)
	if i < 0 {
		t.Fatal("no version in the form")
	}
	rest := body[i+len(marker):]
	return rest[:strings.Index(rest, `"`)]
}

// idFrom is the id at the end of the path of the first link to prefix/{id}
// with text in body's table.
func idFrom(t *testing.T, body, prefix, text string) string {
	t.Helper()
	i := strings.Index(body, ">"+text+"<")
	if i < 0 {
		t.Fatalf("no link %q", text)
	}
	j := strings.LastIndex(body[:i], `href="`+prefix+"/")
	if j < 0 {
		t.Fatalf("no link to %s before %q", prefix, text)
	}
	rest := body[j+len(`href="`+prefix+"/"):]
	id := rest[:strings.Index(rest, `"`)]
	if _, err := strconv.ParseInt(id, 10, 64); err != nil {
		t.Fatalf("link %q", id)
	}
	return id
}

func wantStatus(t *testing.T, what string, got, want int, body string) {
	t.Helper()
	if got != want {
		t.Fatalf("%s: status %d, want %d\n%s", what, got, want, body)
	}
}

func TestAdminVenues(t *testing.T) {
	s := adminSite(t)
	status, body := s.get(t, "/admin/steder")
	wantStatus(t, "list", status, 200, body)
	mustContain(t, body, "Frederik VI", "Opret sted")

	// Invalid: 422, summary, typed values kept.
	status, _, body = s.post(t, "/admin/steder/ny", url.Values{"version": {"0"}, "name": {"Hotel Nyborg Strand"}, "postcode": {"58"}, "city": {""}, "region": {"syddanmark"}})
	wantStatus(t, "invalid", status, http.StatusUnprocessableEntity, body)
	mustContain(t, body, "Ret venligst følgende", `href="#postcode"`, "Skriv byen", `value="Hotel Nyborg Strand"`, `value="58"`, "<title>Fejl: ")

	status, loc, body := s.post(t, "/admin/steder/ny", url.Values{"version": {"0"}, "name": {"Hotel Nyborg Strand"}, "street": {"Østerøvej 2"},
		"postcode": {"5800"}, "city": {"Nyborg"}, "region": {"syddanmark"}})
	if status != http.StatusSeeOther || loc != "/admin/steder" {
		t.Fatalf("create: %d %q %s", status, loc, body)
	}
	_, body = s.get(t, "/admin/steder")
	mustContain(t, body, "Stedet er gemt", "Hotel Nyborg Strand, Østerøvej 2, 5800 Nyborg")
	id := idFrom(t, body, "/admin/steder", "Hotel Nyborg Strand")
	if eid, action, fields, by := lastAudit(t, s, "venue"); strconv.FormatInt(eid, 10) != id || action != "create" || by != "admin@cok.dk" || fields == "" {
		t.Fatalf("audit after create: %d %s %s %s", eid, action, fields, by)
	}

	// Two staff open the form; the first saves, the second is refused
	// with what they typed kept.
	page := "/admin/steder/" + id
	_, form := s.get(t, page)
	v := versionIn(t, form)
	status, _, body = s.post(t, page, url.Values{"version": {v}, "name": {"Hotel Nyborg Strand"}, "street": {"Østerøvej 2"},
		"postcode": {"5800"}, "city": {"Nyborg By"}, "region": {"syddanmark"}})
	wantStatus(t, "edit", status, http.StatusSeeOther, body)
	if _, action, fields, _ := lastAudit(t, s, "venue"); action != "update" || fields != "city" {
		t.Fatalf("audit after edit: %s %q", action, fields)
	}
	status, _, body = s.post(t, page, url.Values{"version": {v}, "name": {"Hotel Nyborg Strand"}, "street": {"Østerøvej 4"},
		"postcode": {"5800"}, "city": {"Nyborg"}, "region": {"syddanmark"}})
	wantStatus(t, "stale edit", status, http.StatusUnprocessableEntity, body)
	mustContain(t, body, "Stedet er ændret af en anden siden du åbnede det", `value="Østerøvej 4"`)
	var city string
	s.Store.Pool.QueryRow(context.Background(), `SELECT city FROM venues WHERE id = $1`, id).Scan(&city)
	if city != "Nyborg By" {
		t.Fatalf("the stale save overwrote: %q", city)
	}
	// The refused form carries the newer version: saving it again
	// overwrites on purpose.
	status, _, body = s.post(t, page, url.Values{"version": {versionIn(t, body)}, "name": {"Hotel Nyborg Strand"}, "street": {"Østerøvej 4"},
		"postcode": {"5800"}, "city": {"Nyborg"}, "region": {"syddanmark"}})
	wantStatus(t, "save again", status, http.StatusSeeOther, body)
	if _, action, fields, _ := lastAudit(t, s, "venue"); action != "update" || fields != "street,city" {
		t.Fatalf("audit after saving again: %s %q", action, fields)
	}

	// A venue with dates cannot be deleted; a new one can.
	var used int64
	s.Store.Pool.QueryRow(context.Background(), `SELECT venue_id FROM course_dates LIMIT 1`).Scan(&used)
	status, _, body = s.post(t, "/admin/steder/"+strconv.FormatInt(used, 10)+"/slet", nil)
	wantStatus(t, "delete used", status, http.StatusConflict, body)
	mustContain(t, body, "Stedet kan ikke slettes, fordi")
	status, loc, body = s.post(t, page+"/slet", nil)
	if status != http.StatusSeeOther || loc != "/admin/steder" {
		t.Fatalf("delete: %d %q %s", status, loc, body)
	}
	if _, action, _, _ := lastAudit(t, s, "venue"); action != "delete" {
		t.Fatalf("audit after delete: %s", action)
	}
	if status, _ := s.get(t, page); status != http.StatusNotFound {
		t.Fatalf("deleted venue: %d", status)
	}
}

func TestAdminConsultants(t *testing.T) {
	s := adminSite(t)
	ctx := context.Background()
	status, body := s.get(t, "/admin/konsulenter")
	wantStatus(t, "list", status, 200, body)

	status, _, body = s.post(t, "/admin/konsulenter/ny", url.Values{"version": {"0"}, "name": {"Sofie Holm"}, "email": {"sofie@"}})
	wantStatus(t, "invalid", status, http.StatusUnprocessableEntity, body)
	mustContain(t, body, `href="#email"`, "Skriv en e-mailadresse", `value="Sofie Holm"`, `value="sofie@"`)

	status, loc, body := s.post(t, "/admin/konsulenter/ny", url.Values{"version": {"0"}, "name": {"Sofie Holm"}, "job_title": {"Chefkonsulent"},
		"phone": {"33 70 00 00"}, "email": {"sofie@cok.dk"}})
	if status != http.StatusSeeOther || loc != "/admin/konsulenter" {
		t.Fatalf("create: %d %q %s", status, loc, body)
	}
	_, body = s.get(t, "/admin/konsulenter")
	id := idFrom(t, body, "/admin/konsulenter", "Sofie Holm")
	if _, action, _, by := lastAudit(t, s, "consultant"); action != "create" || by != "admin@cok.dk" {
		t.Fatalf("audit: %s %s", action, by)
	}
	page := "/admin/konsulenter/" + id
	_, form := s.get(t, page)
	v := versionIn(t, form)
	edit := url.Values{"version": {v}, "name": {"Sofie Holm"}, "job_title": {"Konsulent"}, "phone": {"33 70 00 00"}, "email": {"sofie@cok.dk"}}
	if status, _, body := s.post(t, page, edit); status != http.StatusSeeOther {
		t.Fatalf("edit: %d %s", status, body)
	}
	if _, action, fields, _ := lastAudit(t, s, "consultant"); action != "update" || fields != "job_title" {
		t.Fatalf("audit: %s %q", action, fields)
	}
	edit.Set("phone", "40 40 40 40")
	status, _, body = s.post(t, page, edit)
	wantStatus(t, "stale", status, http.StatusUnprocessableEntity, body)
	mustContain(t, body, "Konsulenten er ændret af en anden siden du åbnede det", `value="40 40 40 40"`)

	var used int64
	s.Store.Pool.QueryRow(ctx, `SELECT consultant_id FROM courses WHERE consultant_id IS NOT NULL LIMIT 1`).Scan(&used)
	status, _, body = s.post(t, "/admin/konsulenter/"+strconv.FormatInt(used, 10)+"/slet", nil)
	wantStatus(t, "delete used", status, http.StatusConflict, body)
	mustContain(t, body, "Konsulenten kan ikke slettes, fordi")
	if status, _, body := s.post(t, page+"/slet", nil); status != http.StatusSeeOther {
		t.Fatalf("delete: %d %s", status, body)
	}
	if _, action, _, _ := lastAudit(t, s, "consultant"); action != "delete" {
		t.Fatalf("audit: %s", action)
	}
}

func TestAdminTopics(t *testing.T) {
	s := adminSite(t)
	ctx := context.Background()
	status, _, body := s.post(t, "/admin/emner/ny", url.Values{"version": {"0"}, "name": {"Nyt emne"}, "slug": {"Nyt emne og styring"}})
	wantStatus(t, "invalid", status, http.StatusUnprocessableEntity, body)
	mustContain(t, body, `href="#slug"`, `value="Nyt emne og styring"`)
	if status, _, body := s.post(t, "/admin/emner/ny", url.Values{"version": {"0"}, "name": {"Nyt emne"}, "slug": {"nyt-emne"}}); status != http.StatusSeeOther {
		t.Fatalf("create: %d %s", status, body)
	}
	// The same slug again is a message, not an error page.
	status, _, body = s.post(t, "/admin/emner/ny", url.Values{"version": {"0"}, "name": {"Nyt emne 2"}, "slug": {"nyt-emne"}})
	wantStatus(t, "duplicate", status, http.StatusUnprocessableEntity, body)
	mustContain(t, body, "Der findes allerede et emne")

	_, body = s.get(t, "/admin/emner")
	id := idFrom(t, body, "/admin/emner", "Nyt emne")
	page := "/admin/emner/" + id
	_, form := s.get(t, page)
	v := versionIn(t, form)
	if status, _, body := s.post(t, page, url.Values{"version": {v}, "name": {"Nyt emne om styring"}, "slug": {"nyt-emne"}}); status != http.StatusSeeOther {
		t.Fatalf("edit: %d %s", status, body)
	}
	if _, action, fields, _ := lastAudit(t, s, "topic"); action != "update" || fields != "name" {
		t.Fatalf("audit: %s %q", action, fields)
	}
	status, _, body = s.post(t, page, url.Values{"version": {v}, "name": {"Nyt emne i kommunen"}, "slug": {"nyt-emne"}})
	wantStatus(t, "stale", status, http.StatusUnprocessableEntity, body)
	mustContain(t, body, "Emnet er ændret af en anden siden du åbnede det", `value="Nyt emne i kommunen"`)

	var used int64
	s.Store.Pool.QueryRow(ctx, `SELECT topic_id FROM course_topics LIMIT 1`).Scan(&used)
	status, _, body = s.post(t, "/admin/emner/"+strconv.FormatInt(used, 10)+"/slet", nil)
	wantStatus(t, "delete used", status, http.StatusConflict, body)
	mustContain(t, body, "Emnet kan ikke slettes, fordi")
	if status, _, body := s.post(t, page+"/slet", nil); status != http.StatusSeeOther {
		t.Fatalf("delete: %d %s", status, body)
	}
}
