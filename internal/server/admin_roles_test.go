package server_test

import (
	"io"
	"log/slog"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/go-chi/chi/v5"

	"kursuskatalog/internal/auth"
	"kursuskatalog/internal/server/admin"
	"kursuskatalog/web/static"
)

// editorRoutes are the staff routes a redaktør may use: the overview,
// enrolments (dates' participants, phone bookings, the participants'
// actions, lists), a date's attendance, stays and evaluations, search,
// invoicing, inquiries and answering them, mails, a person's erasure and
// the statistics, as the README says. Every other staff route (the
// catalogue: courses, their dates, venues, consultants, topics, offers,
// programmes; staff users; the audit log) is the administrator's. A new
// route must be added here to be open to a redaktør.
var editorRoutes = map[string]bool{
	"POST /log-ud": true,
	"GET /":        true, "GET /datoer/{id}": true, "GET /datoer/{id}/deltagere.csv": true, "GET /datoer/{id}/udskrift": true,
	"GET /datoer/{id}/tilmelding": true, "POST /datoer/{id}/tilmelding": true,
	"POST /deltagere/{id}/afmeld": true, "POST /deltagere/{id}/optag": true, "POST /deltagere/{id}/stedfortraeder": true,
	"POST /deltagere/{id}/flyt":  true,
	"GET /datoer/{id}/fremmoede": true, "POST /datoer/{id}/fremmoede": true,
	"GET /datoer/{id}/ophold": true, "GET /datoer/{id}/ophold.csv": true,
	"GET /datoer/{id}/evaluering": true, "GET /datoer/{id}/evaluering.csv": true,
	"GET /kurser/{id}/evaluering": true, "GET /kurser/{id}/evaluering.csv": true,
	"GET /soeg":        true,
	"GET /fakturering": true, "POST /fakturering/tilmeldinger/{id}/udsted": true, "GET /fakturering/{id}": true,
	"POST /fakturering/{id}/krediter": true, "GET /fakturering/{id}/{format}": true,
	"GET /henvendelser": true, "GET /henvendelser/{id}": true, "POST /henvendelser/{id}": true,
	"GET /mails": true, "GET /mails/{id}": true,
	"GET /personer": true, "POST /personer/slet": true,
	"POST /henvendelser/{id}/svar": true,
	"GET /statistik":               true, "GET /statistik/{figur}": true,
}

// Every staff route is tried by each role: an administrator is refused
// none, a redaktør exactly those outside editorRoutes (403).
func TestRolesPerRoute(t *testing.T) {
	s := newSite(t)
	addStaff(t, s.Store, "admin@cok.dk", auth.RoleAdmin)
	addStaff(t, s.Store, "ida@cok.dk", auth.RoleEditor)
	adminClient, editorClient := s.Client, newClient()
	s.login(t, "admin@cok.dk", staffPassword)
	s.Client = editorClient
	s.login(t, "ida@cok.dk", staffPassword)
	s.Client = adminClient

	assets, _ := static.Load()
	staff := admin.New(admin.Deps{Store: s.Store, Enrolment: s.Enrolment, Assets: assets,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	param := regexp.MustCompile(`\{[^}]+\}`)
	seen := 0
	err := chi.Walk(staff, func(method, route string, _ http.Handler, _ ...func(http.Handler) http.Handler) error {
		pattern := strings.TrimSuffix(route, "/")
		if pattern == "" {
			pattern = "/"
		}
		if strings.HasPrefix(pattern, "/login") || method == http.MethodHead {
			return nil
		}
		key := method + " " + pattern
		seen++
		path := "/admin" + param.ReplaceAllString(pattern, "999999")
		for _, role := range []struct {
			name   string
			client *http.Client
			may    bool
		}{{"admin", adminClient, true}, {"redaktør", editorClient, editorRoutes[key]}} {
			if key == "POST /log-ud" {
				continue // would end the session the other routes need
			}
			req, _ := http.NewRequest(method, s.URL+path, strings.NewReader("x=1"))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			req.Header.Set("Sec-Fetch-Site", "same-origin")
			res, err := role.client.Do(req)
			if err != nil {
				return err
			}
			res.Body.Close()
			if refused := res.StatusCode == http.StatusForbidden; refused == role.may {
				t.Errorf("%s as %s: %d (may: %v)", key, role.name, res.StatusCode, role.may)
			}
			if res.StatusCode == http.StatusSeeOther && strings.HasPrefix(res.Header.Get("Location"), "/admin/login") {
				t.Errorf("%s as %s: sent to the login page", key, role.name)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if seen < 50 {
		t.Fatalf("walked only %d routes", seen)
	}
	for key := range editorRoutes {
		if !strings.Contains(key, "/") {
			t.Errorf("bad key %q", key)
		}
	}
}
