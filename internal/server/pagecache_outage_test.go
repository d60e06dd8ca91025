package server_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"kursuskatalog/internal/server"
	"kursuskatalog/internal/store"
	"kursuskatalog/internal/testdb"
)

// With Postgres stopped, the public pages are served as they were last
// rendered, to anonymous visitors and visitors with favourites alike,
// even after a change notification marked them changed; a page never
// rendered gets the calm 503 page. A visitor's favourites come from their
// cookie, so their pages need no database at all.
func TestCachedPagesAreServedWhilePostgresIsStopped(t *testing.T) {
	direct, proxy, st := storeBehindProxy(t)
	s := startSiteWith(t, st, time.Minute)
	course := "/kurser/politisk-forstaaelse"

	// A visitor saves the course; the favourites cookie now says so.
	id := courseID(t, direct, "politisk-forstaaelse")
	if status, _, _ := s.post(t, "/favoritter", url.Values{"type": {"kursus"}, "id": {fmt.Sprint(id)}, "tilbage": {course}}); status != http.StatusSeeOther {
		t.Fatalf("save: %d", status)
	}
	anon := &site{Server: s.Server, Client: newClient()}
	_, page := anon.get(t, course)
	mustContain(t, page, "<h1>Politisk forståelse</h1>", `<span class="n">0</span>`)
	if strings.Contains(page, `aria-pressed="true"`) {
		t.Fatal("an anonymous visitor's button is pressed")
	}
	_, mine := s.get(t, course)
	mustContain(t, mine, "<h1>Politisk forståelse</h1>", `<span class="n">1</span>`, `aria-pressed="true"`, `value="fjern"`)
	_, list := anon.get(t, "/kurser")

	proxy.Stop()
	s.Server.Config.Handler.(*server.Server).CatalogueChanged() // as if a staff edit had been notified

	status, body := anon.get(t, course)
	if status != http.StatusOK || body != page {
		t.Fatalf("Postgres stopped, anonymous: %d, the page as last rendered: %v", status, body == page)
	}
	if status, body := anon.get(t, "/kurser"); status != http.StatusOK || body != list {
		t.Fatalf("Postgres stopped, /kurser: %d", status)
	}
	status, body = s.get(t, course)
	if status != http.StatusOK || !strings.Contains(body, `aria-pressed="true"`) || !strings.Contains(body, `<span class="n">1</span>`) {
		t.Fatalf("Postgres stopped, a visitor with favourites: %d, their parts filled in: %v", status, strings.Contains(body, `aria-pressed="true"`))
	}
	status, body = anon.get(t, "/kurser?q=aldrig+vist")
	if status != http.StatusServiceUnavailable || !strings.Contains(body, "Midlertidigt utilgængeligt") {
		t.Fatalf("Postgres stopped, a page never rendered: %d", status)
	}

	proxy.Start()
	if _, err := direct.Pool.Exec(context.Background(), `UPDATE courses SET title = 'Politisk forståelse i praksis' WHERE slug = 'politisk-forstaaelse'`); err != nil {
		t.Fatal(err)
	}
	within(t, 10*time.Second, func() bool {
		_, body := anon.get(t, course)
		return strings.Contains(body, "<h1>Politisk forståelse i praksis</h1>")
	})
}

// storeBehindProxy makes a database with the demo catalogue, a store that
// reaches it directly, and one that reaches it through proxy, which can
// take it away.
func storeBehindProxy(t *testing.T) (direct *store.Store, proxy *testdb.Proxy, st *store.Store) {
	t.Helper()
	dbURL := testdb.New(t)
	direct, err := store.Open(context.Background(), dbURL, 4)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(direct.Close)
	loadDemo(t, direct)
	proxy, viaProxy := testdb.NewProxy(t, dbURL)
	if st, err = store.Open(context.Background(), viaProxy, 8); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(st.Close)
	return direct, proxy, st
}
