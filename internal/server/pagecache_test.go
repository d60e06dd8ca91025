package server

import (
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// slowPage is a page that takes a while to render and counts its renders.
type slowPage struct {
	renders atomic.Int32
	body    atomic.Value // string
}

func (p *slowPage) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p.renders.Add(1)
	time.Sleep(50 * time.Millisecond)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write([]byte(p.body.Load().(string)))
}

func getBody(t *testing.T, h http.Handler) string {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/kurser", nil))
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d", rec.Code)
	}
	return rec.Body.String()
}

// Many visitors asking at once for a page that is not cached cause one
// render, not one each.
func TestPageCacheRendersOncePerPage(t *testing.T) {
	s := &Server{pages: newPageCache(time.Minute, 10)}
	page := &slowPage{}
	page.body.Store("v1")
	h := s.cachePages(page)
	var wg sync.WaitGroup
	for range 32 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if b := getBody(t, h); b != "v1" {
				t.Errorf("body %q", b)
			}
		}()
	}
	wg.Wait()
	if n := page.renders.Load(); n != 1 {
		t.Fatalf("%d renders for 32 simultaneous requests, want 1", n)
	}
}

// A page past its TTL is served once more while one background render
// renews it; a page dropped by a change is never served again.
func TestPageCacheRenewsAgedPagesAndDropsChangedOnes(t *testing.T) {
	// The TTL leaves the 50 ms render ample room: a render slowed past the
	// TTL (a loaded CI machine) would store a page aged already, and the
	// next request would renew it a third time.
	s := &Server{pages: newPageCache(500*time.Millisecond, 10)}
	page := &slowPage{}
	page.body.Store("v1")
	h := s.cachePages(page)
	getBody(t, h)

	page.body.Store("v2")
	time.Sleep(550 * time.Millisecond) // aged
	start := time.Now()
	if b := getBody(t, h); b != "v1" {
		t.Fatalf("aged page: got %q, want the old page served while it is renewed", b)
	}
	if d := time.Since(start); d > 40*time.Millisecond {
		t.Fatalf("the aged page waited for the render (%v)", d)
	}
	deadline := time.Now().Add(2 * time.Second)
	for getBody(t, h) != "v2" {
		if time.Now().After(deadline) {
			t.Fatal("the aged page was never renewed")
		}
		time.Sleep(10 * time.Millisecond)
	}
	if n := page.renders.Load(); n != 2 {
		t.Fatalf("%d renders, want 2", n)
	}

	page.body.Store("v3")
	s.pages.Invalidate()
	if b := getBody(t, h); b != "v3" {
		t.Fatalf("after a change: got %q, want the new page", b)
	}
}
