package server_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/alexedwards/argon2id"
	"github.com/go-chi/chi/v5"

	"kursuskatalog/internal/auth"
	"kursuskatalog/internal/server/admin"
	"kursuskatalog/internal/store"
	"kursuskatalog/web/static"
)

// cheapParams keep the tests fast; production uses auth.Params().
var cheapParams = &argon2id.Params{Memory: 1024, Iterations: 1, Parallelism: 1, SaltLength: 16, KeyLength: 32}

const staffPassword = "en lang nok adgangskode"

func addStaff(t *testing.T, st *store.Store, email, role string) store.StaffUser {
	t.Helper()
	h, err := auth.HashPassword(staffPassword, cheapParams)
	if err != nil {
		t.Fatal(err)
	}
	u, err := st.CreateStaffUser(context.Background(), store.StaffUser{Email: email, Name: "Medarbejder " + role, Role: role, PasswordHash: h})
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// adminSite is a site with a logged-in administrator.
func adminSite(t *testing.T) *site {
	t.Helper()
	s := newSite(t)
	addStaff(t, s.Store, "admin@cok.dk", auth.RoleAdmin)
	s.login(t, "admin@cok.dk", staffPassword)
	return s
}

func (s *site) login(t *testing.T, email, password string) {
	t.Helper()
	status, loc, body := s.post(t, "/admin/login", url.Values{"email": {email}, "password": {password}})
	if status != http.StatusSeeOther || loc != "/admin" {
		t.Fatalf("login %s: %d %q %s", email, status, loc, body)
	}
}

// Every staff route but the login page answers a redirect to the login
// page without a session, whatever its method.
func TestAdminRoutesNeedASession(t *testing.T) {
	s := newSite(t)
	assets, _ := static.Load()
	staff := admin.New(admin.Deps{Store: s.Store, Enrolment: s.Enrolment, Assets: assets,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	param := regexp.MustCompile(`\{[^}]+\}`)
	n := 0
	err := chi.Walk(staff, func(method, route string, _ http.Handler, _ ...func(http.Handler) http.Handler) error {
		path := "/admin" + strings.TrimSuffix(param.ReplaceAllString(route, "1"), "/")
		if strings.HasPrefix(path, "/admin/login") {
			return nil
		}
		n++
		req, _ := http.NewRequest(method, s.URL+path, strings.NewReader("x=1"))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Sec-Fetch-Site", "same-origin")
		res, err := s.Client.Do(req)
		if err != nil {
			return err
		}
		res.Body.Close()
		loc := res.Header.Get("Location")
		if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, "/admin/login") {
			t.Errorf("%s %s without a session: %d %q", method, path, res.StatusCode, loc)
		}
		if res.Header.Get("Cache-Control") != "no-store" {
			t.Errorf("%s %s: Cache-Control %q", method, path, res.Header.Get("Cache-Control"))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 2 {
		t.Fatalf("walked only %d routes", n)
	}
}

func TestAdminLoginAndLogout(t *testing.T) {
	s := newSite(t)
	addStaff(t, s.Store, "Ida@cok.dk", auth.RoleEditor)

	status, body := s.get(t, "/admin/login")
	if status != 200 {
		t.Fatalf("login page: %d", status)
	}
	mustContain(t, body, "<h1>Log ind</h1>", `autocomplete="current-password"`)

	// Unknown account and wrong password say the same.
	for _, creds := range [][2]string{{"ukendt@cok.dk", staffPassword}, {"ida@cok.dk", "forkert adgangskode"}} {
		status, _, body := s.post(t, "/admin/login", url.Values{"email": {creds[0]}, "password": {creds[1]}})
		if status != http.StatusUnprocessableEntity {
			t.Fatalf("%s: %d", creds[0], status)
		}
		mustContain(t, body, "E-mail eller adgangskode er forkert", `value="`+creds[0]+`"`)
	}
	status, _, body = s.post(t, "/admin/login", url.Values{"email": {""}, "password": {""}})
	if status != http.StatusUnprocessableEntity {
		t.Fatalf("empty: %d", status)
	}
	mustContain(t, body, "Skriv din e-mail", "Skriv din adgangskode", `href="#password"`)

	// The session cookie is new at login and belongs to /admin only.
	res, err := s.Client.Get(s.URL + "/admin/login")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	s.login(t, "IDA@cok.dk", staffPassword)
	u, _ := url.Parse(s.URL + "/admin")
	var token string
	for _, c := range s.Client.Jar.Cookies(u) {
		if c.Name == "cok_admin" {
			token = c.Value
		}
	}
	if token == "" {
		t.Fatal("no session cookie")
	}
	res, err = s.Client.Get(s.URL + "/admin")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || res.Header.Get("Cache-Control") != "no-store" {
		t.Fatalf("dashboard: %d, Cache-Control %q", res.StatusCode, res.Header.Get("Cache-Control"))
	}
	mustContain(t, string(b), "Kommende datoer", "Politisk forståelse", "Medarbejder redaktør", "Log ud")
	if strings.Contains(string(b), `href="/admin/brugere"`) {
		t.Error("an editor sees the link to staff users")
	}
	for _, path := range []string{"/admin/brugere", "/admin/log"} {
		status, body := s.get(t, path)
		if status != http.StatusForbidden {
			t.Errorf("editor on %s: %d", path, status)
		}
		mustContain(t, body, "<h1>Ingen adgang</h1>", "kræver rollen administrator", `href="/admin"`)
	}

	status, loc, _ := s.post(t, "/admin/log-ud", nil)
	if status != http.StatusSeeOther || loc != "/admin/login" {
		t.Fatalf("logout: %d %q", status, loc)
	}
	if status, _ := s.get(t, "/admin"); status != http.StatusSeeOther {
		t.Fatalf("after logout: %d", status)
	}
	// The old token opens nothing either.
	old := newClient()
	old.Jar.SetCookies(u, []*http.Cookie{{Name: "cok_admin", Value: token, Path: "/admin"}})
	res, err = old.Get(s.URL + "/admin")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("old token after logout: %d", res.StatusCode)
	}
}

func TestAdminCanOpenStaffUsers(t *testing.T) {
	s := adminSite(t)
	status, body := s.get(t, "/admin/brugere")
	if status != 200 {
		t.Fatalf("status %d", status)
	}
	mustContain(t, body, "admin@cok.dk", "Administrator")
}
