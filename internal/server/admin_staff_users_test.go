package server_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"kursuskatalog/internal/auth"
)

func TestAdminStaffUsers(t *testing.T) {
	s := adminSite(t)
	ctx := context.Background()

	// Invalid: the typed values come back, the password never does.
	status, _, body := s.post(t, "/admin/brugere/ny", url.Values{"email": {"mads@cok.dk"}, "name": {"Mads"}, "role": {auth.RoleEditor}, "password": {"kort"}})
	wantStatus(t, "weak password", status, http.StatusUnprocessableEntity, body)
	mustContain(t, body, `href="#password"`, "mindst 12 tegn", `value="mads@cok.dk"`)
	if strings.Contains(body, `value="kort"`) {
		t.Error("the password is echoed")
	}
	status, loc, body := s.post(t, "/admin/brugere/ny", url.Values{"email": {"mads@cok.dk"}, "name": {"Mads Berg"}, "role": {auth.RoleEditor},
		"password": {"mads har en lang adgangskode"}})
	if status != http.StatusSeeOther || loc != "/admin/brugere" {
		t.Fatalf("create: %d %q %s", status, loc, body)
	}
	status, _, body = s.post(t, "/admin/brugere/ny", url.Values{"email": {"MADS@cok.dk"}, "name": {"Mads igen"}, "role": {auth.RoleEditor},
		"password": {"mads har en lang adgangskode"}})
	wantStatus(t, "duplicate", status, http.StatusUnprocessableEntity, body)
	mustContain(t, body, "Der findes allerede en bruger med den e-mail")
	var hash string
	var id int64
	s.Store.Pool.QueryRow(ctx, `SELECT id, password_hash FROM staff_users WHERE email = 'mads@cok.dk'`).Scan(&id, &hash)
	if !strings.HasPrefix(hash, "$argon2id$") || !auth.CheckPassword("mads har en lang adgangskode", hash) {
		t.Fatalf("hash %q", hash)
	}
	if eid, action, _, by := lastAudit(t, s, "staff_user"); eid != id || action != "create" || by != "admin@cok.dk" {
		t.Fatalf("audit: %d %s %s", eid, action, by)
	}

	// The new editor logs in in a browser of their own and is refused user admin.
	mads := startSite(t, s.Store)
	mads.login(t, "mads@cok.dk", "mads har en lang adgangskode")
	page := "/admin/brugere/" + strconv.FormatInt(id, 10)
	for _, path := range []string{"/admin/brugere", "/admin/brugere/ny", page} {
		if status, _ := mads.get(t, path); status != http.StatusForbidden {
			t.Errorf("editor GET %s: %d", path, status)
		}
	}
	for _, path := range []string{"/admin/brugere/ny", page} {
		if status, _, _ := mads.post(t, path, url.Values{"email": {"x@cok.dk"}, "name": {"X"}, "role": {auth.RoleAdmin}, "state": {"active"}, "password": {"en lang nok adgangskode"}}); status != http.StatusForbidden {
			t.Errorf("editor POST %s: %d", path, status)
		}
	}

	// Change role; a stale form is refused with its values kept.
	_, form := s.get(t, page)
	v := versionIn(t, form)
	if status, _, body := s.post(t, page, url.Values{"version": {v}, "name": {"Mads Berg"}, "role": {auth.RoleAdmin}, "state": {"active"}}); status != http.StatusSeeOther {
		t.Fatalf("role: %d %s", status, body)
	}
	if _, action, fields, _ := lastAudit(t, s, "staff_user"); action != "update" || fields != "role" {
		t.Fatalf("audit: %s %q", action, fields)
	}
	status, _, body = s.post(t, page, url.Values{"version": {v}, "name": {"Mads B. Berg"}, "role": {auth.RoleEditor}, "state": {"active"}})
	wantStatus(t, "stale", status, http.StatusUnprocessableEntity, body)
	mustContain(t, body, "Brugeren er ændret af en anden siden du åbnede det", `value="Mads B. Berg"`)

	// Disable: Mads's session stops working at once.
	_, form = s.get(t, page)
	if status, _, body := s.post(t, page, url.Values{"version": {versionIn(t, form)}, "name": {"Mads Berg"}, "role": {auth.RoleAdmin}, "state": {"disabled"}}); status != http.StatusSeeOther {
		t.Fatalf("disable: %d %s", status, body)
	}
	if status, _ := mads.get(t, "/admin"); status != http.StatusSeeOther {
		t.Fatalf("disabled user still in: %d", status)
	}

	// Administrators cannot lock themselves out.
	var me int64
	s.Store.Pool.QueryRow(ctx, `SELECT id FROM staff_users WHERE email = 'admin@cok.dk'`).Scan(&me)
	mine := "/admin/brugere/" + strconv.FormatInt(me, 10)
	_, form = s.get(t, mine)
	status, _, body = s.post(t, mine, url.Values{"version": {versionIn(t, form)}, "name": {"Admin"}, "role": {auth.RoleEditor}, "state": {"disabled"}})
	wantStatus(t, "self", status, http.StatusUnprocessableEntity, body)
	mustContain(t, body, "Du kan ikke fjerne din egen administratorrolle", "Du kan ikke spærre dig selv")
}
