package server_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// courseForm reads the editor's fields back as a form to post.
func courseForm(t *testing.T, body string) url.Values {
	t.Helper()
	v := url.Values{}
	for _, m := range regexp.MustCompile(`<input type="(?:text|hidden)" id="[^"]*" name="([^"]+)" value="([^"]*)"|<input type="hidden" name="([^"]+)" value="([^"]*)"`).FindAllStringSubmatch(body, -1) {
		if m[1] != "" {
			v.Set(m[1], unescape(m[2]))
		} else {
			v.Set(m[3], unescape(m[4]))
		}
	}
	for _, m := range regexp.MustCompile(`(?s)<textarea id="[^"]*" name="([^"]+)"[^>]*>(.*?)</textarea>`).FindAllStringSubmatch(body, -1) {
		v.Set(m[1], unescape(m[2]))
	}
	if m := regexp.MustCompile(`(?s)<select id="consultant".*?<option value="(\d+)" selected`).FindStringSubmatch(body); m != nil {
		v.Set("consultant", m[1])
	}
	for _, m := range regexp.MustCompile(`<input type="checkbox" id="topic-\d+" name="topic" value="(\d+)" checked`).FindAllStringSubmatch(body, -1) {
		v.Add("topic", m[1])
	}
	v.Set("vat", "2500")
	v.Set("status", "published")
	v.Set("inhouse", "1")
	return v
}

func unescape(s string) string {
	return strings.NewReplacer("&amp;", "&", "&#39;", "'", "&quot;", `"`, "&lt;", "<", "&gt;", ">").Replace(s)
}

func TestAdminEditCourse(t *testing.T) {
	s := adminSite(t)
	ctx := context.Background()
	id := courseID(t, s.Store, "politisk-forstaaelse")
	page := "/admin/kurser/" + strconv.FormatInt(id, 10)
	_, body := s.get(t, "/admin/kurser")
	mustContain(t, body, "Politisk forståelse", "Offentliggjort")
	status, body := s.get(t, page)
	if status != 200 {
		t.Fatalf("editor: %d", status)
	}
	form := courseForm(t, body)
	if form.Get("version") != "1" || form.Get("title") != "Politisk forståelse" || form.Get("price") != "6.750" {
		t.Fatalf("form: %v", form)
	}

	// Preview renders Markdown without saving, raw HTML left out.
	preview := cloneForm(form)
	preview.Set("description", "## Mål\n\n**Vigtigt** <script>alert(1)</script>")
	preview.Set("handling", "vis")
	status, _, body = s.post(t, page, preview)
	if status != 200 || !strings.Contains(body, "<strong>Vigtigt</strong>") || strings.Contains(body, "<script>alert") {
		t.Fatalf("preview: %d", status)
	}

	// Bad input: 422, summary, values kept, nothing saved.
	bad := cloneForm(form)
	bad.Set("price", "mange penge")
	bad.Set("teaser", "Ny teaser som ikke må gå tabt")
	status, _, body = s.post(t, page, bad)
	if status != http.StatusUnprocessableEntity {
		t.Fatalf("bad price: %d", status)
	}
	mustContain(t, body, "Skriv prisen i kroner", `href="#price"`, "Ny teaser som ikke må gå tabt", `value="mange penge"`)

	// A new title with an empty slug: the slug follows the title, the old
	// one redirects.
	form.Set("title", "Politisk forståelse for øvede")
	form.Set("slug", "")
	form.Set("price", "7.250,50")
	status, _, body = s.post(t, page, form)
	if status != http.StatusSeeOther {
		t.Fatalf("save: %d %s", status, body)
	}
	var slug string
	var price int64
	var version int
	s.Store.Pool.QueryRow(ctx, `SELECT slug, price_ore, version FROM courses WHERE id = $1`, id).Scan(&slug, &price, &version)
	if slug != "politisk-forstaaelse-for-oevede" || price != 725050 || version != 2 {
		t.Fatalf("saved: %s %d v%d", slug, price, version)
	}
	res, err := s.Client.Get(s.URL + "/kurser/politisk-forstaaelse")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusMovedPermanently || res.Header.Get("Location") != "/kurser/politisk-forstaaelse-for-oevede" {
		t.Fatalf("old slug: %d %q", res.StatusCode, res.Header.Get("Location"))
	}
	var fields []string
	s.Store.Pool.QueryRow(ctx, `SELECT changed_fields FROM audit_log WHERE entity = 'course' AND entity_id = $1`, id).Scan(&fields)
	if strings.Join(fields, ",") != "title,slug,price_ore" {
		t.Errorf("audit fields: %v", fields)
	}

	// Someone else's form, opened at version 1, is refused with its text kept.
	stale := cloneForm(form)
	stale.Set("version", "1")
	stale.Set("teaser", "Min egen nye teaser")
	status, _, body = s.post(t, page, stale)
	if status != http.StatusUnprocessableEntity {
		t.Fatalf("stale save: %d", status)
	}
	mustContain(t, body, "Kurset er ændret af en anden siden du åbnede det", "Min egen nye teaser")
	var teaser string
	s.Store.Pool.QueryRow(ctx, `SELECT teaser, version FROM courses WHERE id = $1`, id).Scan(&teaser, &version)
	if teaser == "Min egen nye teaser" || version != 2 {
		t.Fatalf("the stale save was written: v%d", version)
	}
}

func cloneForm(v url.Values) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}
