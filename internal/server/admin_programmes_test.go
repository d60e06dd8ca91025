package server_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"testing"
)

// modulesOf lists a programme's modules as "position:slug:role".
func modulesOf(t *testing.T, s *site, title string) []string {
	t.Helper()
	rows, err := s.Store.Pool.Query(context.Background(), `
		SELECT m.position || ':' || c.slug || ':' || m.role FROM programme_modules m
		JOIN courses c ON c.id = m.course_id JOIN programmes p ON p.id = m.programme_id
		WHERE p.title = $1 ORDER BY m.position`, title)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		rows.Scan(&s)
		out = append(out, s)
	}
	return out
}

func TestAdminProgrammes(t *testing.T) {
	s := adminSite(t)
	ctx := context.Background()
	var a, b int64
	s.Store.Pool.QueryRow(ctx, `SELECT (SELECT id FROM courses WHERE slug = 'politisk-forstaaelse'),
		(SELECT id FROM courses WHERE slug = 'politisk-formidling-og-dialog')`).Scan(&a, &b)
	ca, cb := strconv.FormatInt(a, 10), strconv.FormatInt(b, 10)

	status, body := s.get(t, "/admin/forloeb")
	wantStatus(t, "list", status, 200, body)
	mustContain(t, body, "Fremtidens politikerbetjening", "Grundmodul")

	base := url.Values{"version": {"0"}, "title": {"Politik for nye"}, "slug": {"politik-for-nye"}, "intro": {"Hvorfor: fordi."},
		"competences": {"At læse en dagsorden\n\nAt skrive en indstilling"}, "status": {"draft"}, "new_course": {ca}, "new_role": {"base"}}
	bad := url.Values{}
	for k, v := range base {
		bad[k] = v
	}
	bad.Set("slug", "Politik for nye")
	bad.Set("new_position", "først")
	status, _, body = s.post(t, "/admin/forloeb/ny", bad)
	wantStatus(t, "invalid", status, http.StatusUnprocessableEntity, body)
	mustContain(t, body, `href="#slug"`, `href="#new_position"`, `value="Politik for nye"`, "At skrive en indstilling", `value="først"`)

	status, loc, body := s.post(t, "/admin/forloeb/ny", base)
	wantStatus(t, "create", status, http.StatusSeeOther, body)
	if got := modulesOf(t, s, "Politik for nye"); len(got) != 1 || got[0] != "1:politisk-forstaaelse:base" {
		t.Fatalf("modules after create: %v", got)
	}
	if _, action, _, by := lastAudit(t, s, "programme"); action != "create" || by != "admin@cok.dk" {
		t.Fatalf("audit: %s %s", action, by)
	}

	// Add a special module at position 1: it goes first.
	_, form := s.get(t, loc)
	edit := url.Values{"version": {versionIn(t, form)}, "title": {"Politik for nye"}, "slug": {"politik-for-nye"}, "intro": {"Hvorfor: fordi."},
		"competences": {"At læse en dagsorden\nAt skrive en indstilling"}, "status": {"draft"},
		"m_course": {ca}, "m_position_" + ca: {"1"}, "m_role_" + ca: {"base"}, "new_course": {cb}, "new_role": {"special"}, "new_position": {"1"}}
	status, _, body = s.post(t, loc, edit)
	wantStatus(t, "add", status, http.StatusSeeOther, body)
	if got := modulesOf(t, s, "Politik for nye"); len(got) != 2 || got[0] != "1:politisk-formidling-og-dialog:special" || got[1] != "2:politisk-forstaaelse:base" {
		t.Fatalf("modules after add: %v", got)
	}
	if _, action, fields, _ := lastAudit(t, s, "programme"); action != "update" || fields != "modules" {
		t.Fatalf("audit: %s %q", action, fields)
	}

	// Move the base module up by typing 1 for it.
	_, form = s.get(t, loc)
	mustContain(t, form, "Forløbet er gemt", `name="m_position_`+cb+`" value="1"`)
	move := url.Values{"version": {versionIn(t, form)}, "title": {"Politik for nye"}, "slug": {"politik-for-nye"}, "status": {"published"},
		"m_course": {cb, ca}, "m_position_" + cb: {"1"}, "m_role_" + cb: {"special"}, "m_position_" + ca: {"1"}, "m_role_" + ca: {"base"},
		"m_note_" + ca: {"For nye medarbejdere"}}
	status, _, body = s.post(t, loc, move)
	wantStatus(t, "move", status, http.StatusSeeOther, body)
	if got := modulesOf(t, s, "Politik for nye"); len(got) != 2 || got[0] != "1:politisk-forstaaelse:base" {
		t.Fatalf("modules after move: %v", got)
	}
	// The same form again is stale: refused, what was typed kept.
	move.Set("m_note_"+ca, "Til alle")
	status, _, body = s.post(t, loc, move)
	wantStatus(t, "stale", status, http.StatusUnprocessableEntity, body)
	mustContain(t, body, "Forløbet er ændret af en anden siden du åbnede det", `value="Til alle"`)

	// With modules it cannot be deleted; remove both, then it can.
	status, _, body = s.post(t, loc+"/slet", nil)
	wantStatus(t, "delete with modules", status, http.StatusConflict, body)
	mustContain(t, body, "Forløbet kan ikke slettes, fordi det har 2 moduler")
	_, form = s.get(t, loc)
	status, _, body = s.post(t, loc, url.Values{"version": {versionIn(t, form)}, "title": {"Politik for nye"}, "slug": {"politik-for-nye"},
		"status": {"draft"}, "m_course": {ca, cb}, "m_position_" + ca: {"1"}, "m_position_" + cb: {"2"}, "m_remove_" + ca: {"1"}, "m_remove_" + cb: {"1"}})
	wantStatus(t, "remove", status, http.StatusSeeOther, body)
	if got := modulesOf(t, s, "Politik for nye"); len(got) != 0 {
		t.Fatalf("modules after remove: %v", got)
	}
	if status, _, body := s.post(t, loc+"/slet", nil); status != http.StatusSeeOther {
		t.Fatalf("delete: %d %s", status, body)
	}
	if _, action, _, _ := lastAudit(t, s, "programme"); action != "delete" {
		t.Fatalf("audit: %s", action)
	}
}
