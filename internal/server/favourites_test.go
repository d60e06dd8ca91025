package server_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"kursuskatalog/internal/store"
	"kursuskatalog/internal/testdb"
)

func courseID(t *testing.T, st *store.Store, slug string) int64 {
	t.Helper()
	var id int64
	if err := st.Pool.QueryRow(context.Background(), `SELECT id FROM courses WHERE slug = $1`, slug).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return id
}

// Without JavaScript: the button posts, the visitor comes back to the page,
// the button is pressed and the header counts it; /favoritter lists it with
// its dates, ready to book. Another visitor sees none of it.
func TestFavouritesWithoutJavaScript(t *testing.T) {
	s := newSite(t)
	ctx := context.Background()
	id := courseID(t, s.Store, "politisk-forstaaelse")
	form := url.Values{"type": {"kursus"}, "id": {fmt.Sprint(id)}, "handling": {"gem"}, "tilbage": {"/kurser?q=politik"}}
	status, loc, _ := s.post(t, "/favoritter", form)
	if status != http.StatusSeeOther || loc != "/favoritter/tjek?tilbage=%2Fkurser%3Fq%3Dpolitik" {
		t.Fatalf("first save: %d %q", status, loc)
	}
	// The browser kept the cookie, so the check sends it back to the page.
	status, _ = s.get(t, loc)
	if status != http.StatusSeeOther {
		t.Fatalf("cookie check with the cookie: %d", status)
	}
	_, body := s.get(t, "/kurser/politisk-forstaaelse")
	mustContain(t, body, `aria-pressed="true"`, `<span class="n">1</span>`, `name="handling" value="fjern"`)

	_, body = s.get(t, "/favoritter")
	mustContain(t, body, "Dine favoritter", "Politisk forståelse", `name="dato"`, "Tilmeld valgte datoer", "03.03.2027 kl. 08:45")

	// A programme too, then a second visitor who sees neither.
	var prog int64
	s.Store.Pool.QueryRow(ctx, `SELECT id FROM programmes WHERE slug = 'fremtidens-politikerbetjening'`).Scan(&prog)
	s.post(t, "/favoritter", url.Values{"type": {"forloeb"}, "id": {fmt.Sprint(prog)}, "tilbage": {"/forloeb/fremtidens-politikerbetjening"}})
	_, body = s.get(t, "/favoritter")
	mustContain(t, body, "Fremtidens politikerbetjening", "Politisk formidling og dialog", `<span class="n">2</span>`)

	other := &site{Server: s.Server, Store: s.Store, Client: newClient()}
	_, body = other.get(t, "/favoritter")
	if strings.Contains(body, "Politisk forståelse</a></h2>") || !strings.Contains(body, "ikke gemt nogen favoritter") {
		t.Fatalf("another visitor sees the first one's favourites")
	}
	_, body = other.get(t, "/kurser/politisk-forstaaelse")
	if strings.Contains(body, `aria-pressed="true"`) {
		t.Fatalf("another visitor's button is pressed")
	}

	// Removing it.
	status, loc, _ = s.post(t, "/favoritter", url.Values{"type": {"kursus"}, "id": {fmt.Sprint(id)}, "handling": {"fjern"}, "tilbage": {"/favoritter"}})
	if status != http.StatusSeeOther || loc != "/favoritter" {
		t.Fatalf("remove: %d %q", status, loc)
	}
	var n int
	s.Store.Pool.QueryRow(ctx, `SELECT count(*) FROM favourites`).Scan(&n)
	if n != 1 {
		t.Fatalf("%d favourites left, want 1", n)
	}
	// An open redirect is not possible.
	_, loc, _ = s.post(t, "/favoritter", url.Values{"type": {"kursus"}, "id": {fmt.Sprint(id)}, "tilbage": {"//ondsindet.example/"}})
	if loc != "/favoritter" {
		t.Fatalf("return to %q", loc)
	}
}

// A browser that refuses cookies is told why saving did not work.
func TestFavouriteWithoutCookies(t *testing.T) {
	s := newSite(t)
	id := courseID(t, s.Store, "politisk-forstaaelse")
	noJar := &site{Server: s.Server, Store: s.Store, Client: &http.Client{CheckRedirect: s.Client.CheckRedirect}}
	_, loc, _ := noJar.post(t, "/favoritter", url.Values{"type": {"kursus"}, "id": {fmt.Sprint(id)}, "tilbage": {"/kurser"}})
	status, body := noJar.get(t, loc)
	if status != 200 || !strings.Contains(body, "Din browser tillader ikke cookies") {
		t.Fatalf("no-cookie browser: %d", status)
	}
}

// With JavaScript the same endpoint answers JSON for the in-place toggle.
func TestFavouriteJSON(t *testing.T) {
	s := newSite(t)
	id := courseID(t, s.Store, "politisk-forstaaelse")
	req, _ := http.NewRequest(http.MethodPost, s.URL+"/favoritter", strings.NewReader(url.Values{"type": {"kursus"}, "id": {fmt.Sprint(id)}, "handling": {"gem"}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	res, err := s.Client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var buf strings.Builder
	fmt.Fprint(&buf, res.Header.Get("Content-Type"))
	b := make([]byte, 200)
	k, _ := res.Body.Read(b)
	got := string(b[:k])
	if res.StatusCode != 200 || !strings.Contains(got, `"saved":true`) || !strings.Contains(got, `"count":1`) || !strings.Contains(got, `"message":"Gemt som favorit"`) {
		t.Fatalf("JSON answer %d %s", res.StatusCode, got)
	}
}

// At most 200 favourites, with a clear message.
func TestFavouriteLimit(t *testing.T) {
	s := newSite(t)
	ctx := context.Background()
	if _, err := store.GenerateCourses(ctx, s.Store.Pool, 201, testNow); err != nil {
		t.Fatal(err)
	}
	rows, _ := s.Store.Pool.Query(ctx, `SELECT id FROM courses WHERE slug LIKE 'demo-kursus-%' ORDER BY id LIMIT 201`)
	var ids []int64
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		ids = append(ids, id)
	}
	rows.Close()
	var status int
	var body string
	for i, id := range ids {
		status, _, body = s.post(t, "/favoritter", url.Values{"type": {"kursus"}, "id": {fmt.Sprint(id)}, "tilbage": {"/kurser"}})
		if i < 200 && status != http.StatusSeeOther {
			t.Fatalf("favourite %d: %d", i+1, status)
		}
	}
	if status != http.StatusUnprocessableEntity || !strings.Contains(body, "200 favoritter, som er det højeste antal") {
		t.Fatalf("201st favourite: %d", status)
	}
}

// Without the cookie /favoritter is the same empty page for everybody, so
// the page cache serves it (with an ETag); a visitor's own list is never
// cached and says so.
func TestEmptyFavouritesPageIsCachedAndOwnListsAreNot(t *testing.T) {
	st, _ := testdb.Store(t)
	loadDemo(t, st)
	s := startSiteWith(t, st, time.Minute)
	anonymous := func() *http.Response {
		t.Helper()
		res, err := http.Get(s.URL + "/favoritter")
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res
	}
	anonymous()
	res := anonymous()
	etag := res.Header.Get("ETag")
	if res.StatusCode != 200 || etag == "" || strings.Contains(res.Header.Get("Cache-Control"), "private") {
		t.Fatalf("empty favourites page: %d, ETag %q, Cache-Control %q; want a cached page",
			res.StatusCode, etag, res.Header.Get("Cache-Control"))
	}
	req, _ := http.NewRequest(http.MethodGet, s.URL+"/favoritter", nil)
	req.Header.Set("If-None-Match", etag)
	if res, err := http.DefaultClient.Do(req); err != nil || res.StatusCode != http.StatusNotModified {
		t.Fatalf("revalidation: %v %v, want 304", res, err)
	}

	id := courseID(t, st, "politisk-forstaaelse")
	s.post(t, "/favoritter", url.Values{"type": {"kursus"}, "id": {fmt.Sprint(id)}, "tilbage": {"/kurser"}})
	res, err := s.Client.Get(s.URL + "/favoritter")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.Header.Get("Cache-Control") != "private, no-cache" || res.Header.Get("ETag") != "" {
		t.Errorf("own list: Cache-Control %q, ETag %q", res.Header.Get("Cache-Control"), res.Header.Get("ETag"))
	}
	mustContain(t, string(b), "Politisk forståelse")
}
