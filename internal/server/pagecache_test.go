package server

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"kursuskatalog/internal/catalog"
)

// testCacheClock is the page cache's clock in these tests: moved by hand.
type testCacheClock struct{ ns atomic.Int64 }

func (c *testCacheClock) now() time.Time          { return time.Unix(0, c.ns.Load()) }
func (c *testCacheClock) advance(d time.Duration) { c.ns.Add(int64(d)) }

// countedPage is a page that counts its renders; release, when set, holds
// each render until it is closed.
type countedPage struct {
	renders atomic.Int32
	status  atomic.Int32
	body    atomic.Value // string
	release chan struct{}
}

func (p *countedPage) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p.renders.Add(1)
	if p.release != nil {
		<-p.release
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if s := p.status.Load(); s != 0 {
		w.WriteHeader(int(s))
	}
	w.Write([]byte(p.body.Load().(string)))
}

func newTestCache(ttl time.Duration) (*Server, *testCacheClock) {
	clock := &testCacheClock{}
	clock.ns.Store(time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC).UnixNano())
	return &Server{pages: newPageCache(ttl, 10, clock.now), now: clock.now,
		log: slog.New(slog.NewTextHandler(io.Discard, nil))}, clock
}

func getPage(t *testing.T, h http.Handler, cookie string) (int, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodGet, "/kurser", nil)
	if cookie != "" {
		req.Header.Set("Cookie", cookie)
	}
	h.ServeHTTP(rec, req)
	return rec.Code, rec.Body.String()
}

// Many visitors asking at once for a page that is not cached cause one
// render, not one each.
func TestPageCacheRendersOncePerPage(t *testing.T) {
	s, _ := newTestCache(time.Minute)
	page := &countedPage{release: make(chan struct{})}
	page.body.Store("v1")
	h := s.cachePages(page)
	var wg sync.WaitGroup
	for range 32 {
		wg.Go(func() {
			if _, b := getPage(t, h, ""); b != "v1" {
				t.Errorf("body %q", b)
			}
		})
	}
	// Let every request reach the cache before the one render ends.
	for page.renders.Load() == 0 {
		time.Sleep(time.Millisecond)
	}
	time.Sleep(20 * time.Millisecond)
	close(page.release)
	wg.Wait()
	if n := page.renders.Load(); n != 1 {
		t.Fatalf("%d renders for 32 simultaneous requests, want 1", n)
	}
}

// A page past its TTL is served once more while a background render
// renews it; a page marked changed is never served while the database
// answers.
func TestPageCacheRenewsAgedPagesAndDropsChangedOnes(t *testing.T) {
	s, clock := newTestCache(10 * time.Second)
	page := &countedPage{}
	page.body.Store("v1")
	h := s.cachePages(page)
	getPage(t, h, "")

	page.body.Store("v2")
	clock.advance(11 * time.Second) // aged
	if _, b := getPage(t, h, ""); b != "v1" {
		t.Fatalf("aged page: got %q, want the old page served while it is renewed", b)
	}
	deadline := time.Now().Add(2 * time.Second)
	for {
		if _, b := getPage(t, h, ""); b == "v2" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the aged page was never renewed")
		}
		time.Sleep(5 * time.Millisecond)
	}
	if n := page.renders.Load(); n != 2 {
		t.Fatalf("%d renders, want 2", n)
	}

	page.body.Store("v3")
	s.pages.Invalidate()
	if _, b := getPage(t, h, ""); b != "v3" {
		t.Fatalf("after a change: got %q, want the new page", b)
	}
	clock.advance(10*time.Second + staleFor + time.Second) // too old to be served while renewed
	page.body.Store("v4")
	if _, b := getPage(t, h, ""); b != "v4" {
		t.Fatalf("a page past its TTL and staleFor: got %q, want the new page", b)
	}
}

// While the database is away (the render answers 503), the last page
// rendered is served instead, changed or old; a page never rendered gets
// the 503.
func TestPageCacheServesTheLastPageWhileTheDatabaseIsAway(t *testing.T) {
	s, clock := newTestCache(10 * time.Second)
	page := &countedPage{}
	page.body.Store("kurser")
	h := s.cachePages(page)
	getPage(t, h, "")

	page.status.Store(http.StatusServiceUnavailable)
	page.body.Store("Midlertidigt utilgængeligt")
	s.pages.Invalidate()
	clock.advance(time.Hour)
	if status, b := getPage(t, h, ""); status != http.StatusOK || b != "kurser" {
		t.Fatalf("database away: %d %q, want the page as last rendered", status, b)
	}
	visitor := "besoegende=abcdefghijklmnopqrstuvwxyz; " + favouritesCookie + "=" + clock.now().In(catalog.Copenhagen).Format("20060102")
	if status, b := getPage(t, h, visitor); status != http.StatusOK || b != "kurser" {
		t.Fatalf("database away, a visitor: %d %q, want the page as last rendered", status, b)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/kurser?q=ny", nil))
	if rec.Code != http.StatusServiceUnavailable {
		t.Fatalf("a page never rendered: %d, want 503", rec.Code)
	}

	page.status.Store(0)
	page.body.Store("kurser igen")
	if _, b := getPage(t, h, ""); b != "kurser igen" {
		t.Fatalf("database back: %q, want the page rendered anew", b)
	}
}

// A visitor with favourites gets the cached page with their own parts:
// the count, and each saved item's button pressed with the action that
// undoes it. Other buttons and visitors are left alone.
func TestPageCacheFillsInAVisitorsFavourites(t *testing.T) {
	s, clock := newTestCache(time.Minute)
	const html = `<a href="/favoritter">Favoritter <span class="count" id="fav-count"><span class="n">0</span></span></a>` +
		`<form data-fav="kursus-12"><input type="hidden" name="handling" value="gem"/><button aria-pressed="false">A</button></form>` +
		`<form data-fav="forloeb-12"><input type="hidden" name="handling" value="gem"/><button aria-pressed="false">B</button></form>` +
		`<form data-fav="kursus-7"><input type="hidden" name="handling" value="gem"/><button aria-pressed="false">C</button></form>`
	page := &countedPage{}
	page.body.Store(html)
	h := s.cachePages(page)
	if _, b := getPage(t, h, ""); b != html {
		t.Fatalf("anonymous: %q", b)
	}
	today := clock.now().In(catalog.Copenhagen).Format("20060102")
	cookie := "besoegende=abcdefghijklmnopqrstuvwxyz; " + favouritesCookie + "=" + today + ".k12.f3"
	_, b := getPage(t, h, cookie)
	want := strings.NewReplacer(`<span class="n">0`, `<span class="n">2`,
		`kursus-12"><input type="hidden" name="handling" value="gem"/><button aria-pressed="false"`,
		`kursus-12"><input type="hidden" name="handling" value="fjern"/><button aria-pressed="true"`).Replace(html)
	if b != want {
		t.Fatalf("visitor with course 12 and programme 3 saved:\n%s\nwant\n%s", b, want)
	}
	if n := page.renders.Load(); n != 1 {
		t.Fatalf("%d renders, want 1: visitors share the cached page", n)
	}
	if saved, ok := savedFromCookie(httptest.NewRequest(http.MethodGet, "/", nil), today); ok || saved.Count() != 0 {
		t.Fatal("no cookie read as one")
	}
}
