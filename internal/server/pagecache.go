package server

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// pageCache keeps rendered public pages for anonymous visitors in memory,
// plain and gzipped, so a repeated page costs no query, no rendering and no
// compression. Every change to the catalogue (a staff edit, a seat taken)
// notifies all server processes through Postgres, and each drops its whole
// cache (see Invalidate). Entries also expire after a few seconds, because
// a date's phase moves with the clock (deadlines end at midnight).
//
// Only one request renders a page at a time: the others wait for it rather
// than render the same page at once (at 32 connections, an expired
// catalogue page was rendered 32 times over and the 99th percentile went
// from 15 ms to 750 ms). A page that merely aged is served once more while
// one request renders it anew in the background; a page dropped because
// something changed is never served.
type pageCache struct {
	mu      sync.RWMutex
	gen     uint64
	entries map[string]*cachedPage
	flights map[string]chan struct{} // renders under way, closed when done
	ttl     time.Duration
	max     int
}

// staleFor bounds how long past its TTL an aged page may still be served
// while it is rendered anew (a render that keeps failing must not leave an
// old page up).
const staleFor = 30 * time.Second

type cachedPage struct {
	route       string // the chi route pattern, for metrics and logs
	contentType string
	plain, gz   []byte
	etag        string
	made        time.Time
	// Complete response headers for each encoding, made once: a hit only
	// copies map entries.
	plainHeader, gzHeader http.Header
}

// finish computes what every hit would otherwise compute again.
func (p *cachedPage) finish() {
	sum := sha256.Sum256(p.plain)
	p.etag = `"` + hex.EncodeToString(sum[:8]) + `"`
	var gz bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	zw.Write(p.plain)
	zw.Close()
	p.gz = gz.Bytes()
	base := http.Header{}
	setSecurityHeaders(base)
	base.Set("Content-Type", p.contentType)
	base.Set("ETag", p.etag)
	base.Set("Cache-Control", "no-cache") // revalidate: the ETag makes that a 304
	base["Vary"] = []string{"Accept-Encoding", "Cookie"}
	p.plainHeader = base.Clone()
	p.plainHeader.Set("Content-Length", strconv.Itoa(len(p.plain)))
	p.gzHeader = base.Clone()
	p.gzHeader.Set("Content-Encoding", "gzip")
	p.gzHeader.Set("Content-Length", strconv.Itoa(len(p.gz)))
}

// write sends p, or 304 when the browser has it.
func (p *cachedPage) write(w http.ResponseWriter, r *http.Request) int {
	gz := strings.Contains(r.Header.Get("Accept-Encoding"), "gzip")
	src, body := p.plainHeader, p.plain
	if gz {
		src, body = p.gzHeader, p.gz
	}
	h := w.Header()
	for k, v := range src {
		h[k] = v
	}
	if match := r.Header.Get("If-None-Match"); match != "" && strings.Contains(match, p.etag) {
		delete(h, "Content-Length")
		w.WriteHeader(http.StatusNotModified)
		return http.StatusNotModified
	}
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodGet {
		w.Write(body)
	}
	return http.StatusOK
}

// serveCached answers cache hits first thing, before request ids, the
// access log's wrapper and the timeout context: a hit needs none of them.
// It still counts the request in the metrics and, when the log level
// allows, logs it.
func (s *Server) serveCached(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.pages.ttl <= 0 || r.Method != http.MethodGet || hasPersonalCookie(r) {
			next.ServeHTTP(w, r)
			return
		}
		start := time.Now()
		p, _, fresh := s.pages.get(r.URL.Path+"?"+r.URL.RawQuery, start)
		if p == nil || !fresh {
			next.ServeHTTP(w, r)
			return
		}
		status := p.write(w, r)
		d := time.Since(start)
		s.metrics.observe(r.Method, p.route, status, d)
		if s.log.Enabled(r.Context(), slog.LevelInfo) {
			s.log.LogAttrs(r.Context(), slog.LevelInfo, "request",
				slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.String("route", p.route),
				slog.Int("status", status), slog.Duration("duration", d), slog.Int64("queries", 0), slog.Bool("cached", true))
		}
	})
}

func newPageCache(ttl time.Duration, max int) *pageCache {
	return &pageCache{entries: map[string]*cachedPage{}, flights: map[string]chan struct{}{}, ttl: ttl, max: max}
}

// Invalidate drops every page; it is called on every change notification.
func (c *pageCache) Invalidate() {
	c.mu.Lock()
	c.gen++
	c.entries = map[string]*cachedPage{}
	c.mu.Unlock()
}

// get returns the page under key (nil if none, or too old even to be served
// while it is renewed), the generation, and whether the page is fresh.
func (c *pageCache) get(key string, now time.Time) (*cachedPage, uint64, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	p := c.entries[key]
	if p == nil {
		return nil, c.gen, false
	}
	age := now.Sub(p.made)
	if age > c.ttl+staleFor {
		return nil, c.gen, false
	}
	return p, c.gen, age <= c.ttl
}

// begin makes the caller the one request that renders key, or returns the
// channel that closes when the request already rendering it is done.
func (c *pageCache) begin(key string) (wait <-chan struct{}, leader bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if ch, ok := c.flights[key]; ok {
		return ch, false
	}
	c.flights[key] = make(chan struct{})
	return nil, true
}

// end closes the render of key that begin started.
func (c *pageCache) end(key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	close(c.flights[key])
	delete(c.flights, key)
}

// put stores p unless the catalogue changed since gen (the page might show
// the old state).
func (c *pageCache) put(key string, gen uint64, p *cachedPage) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen != c.gen {
		return
	}
	if len(c.entries) >= c.max {
		for k := range c.entries { // drop an arbitrary entry to stay bounded
			delete(c.entries, k)
			break
		}
	}
	c.entries[key] = p
}

// cachePages serves cacheable GETs from the cache. Visitors with a cookie
// (favourites, staff) see personal pages and bypass it.
func (s *Server) cachePages(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.pages.ttl <= 0 || (r.Method != http.MethodGet && r.Method != http.MethodHead) || hasPersonalCookie(r) {
			next.ServeHTTP(w, r)
			return
		}
		key := r.URL.Path + "?" + r.URL.RawQuery
		p, gen, fresh := s.pages.get(key, time.Now())
		if p != nil && !fresh {
			// Aged, not changed: serve it once more, and renew it in the
			// background unless another request already does.
			if _, leader := s.pages.begin(key); leader {
				bg := r.Clone(context.WithoutCancel(r.Context()))
				go func() {
					defer s.pages.end(key)
					s.renderPage(next, bg, key, gen)
				}()
			}
			p.write(w, r)
			return
		}
		if p == nil {
			wait, leader := s.pages.begin(key)
			if !leader {
				select {
				case <-wait:
				case <-r.Context().Done():
					return
				}
				p, _, _ = s.pages.get(key, time.Now())
			} else {
				func() {
					defer s.pages.end(key)
					var rec *recorder
					if p, rec = s.renderPage(next, r, key, gen); p == nil {
						rec.replay(w)
					}
				}()
				if p == nil {
					return
				}
			}
		}
		if p == nil { // the render we waited for was not cacheable
			next.ServeHTTP(w, r)
			return
		}
		p.write(w, r)
	})
}

// renderPage renders the page of r and caches it under key when it is
// cacheable (200, no cookie, no Cache-Control of its own); otherwise it
// returns nil and the recorded response, to be replayed.
func (s *Server) renderPage(next http.Handler, r *http.Request, key string, gen uint64) (*cachedPage, *recorder) {
	now := time.Now()
	rec := &recorder{header: http.Header{}, status: http.StatusOK}
	plainReq := r.Clone(r.Context())
	plainReq.Header.Del("Accept-Encoding") // capture the plain page; it is gzipped once
	plainReq.Header.Del("If-None-Match")
	next.ServeHTTP(rec, plainReq)
	if rec.status != http.StatusOK || rec.header.Get("Cache-Control") != "" || rec.header.Get("Set-Cookie") != "" {
		return nil, rec
	}
	p := &cachedPage{route: routePattern(r), contentType: rec.header.Get("Content-Type"), plain: rec.body.Bytes(), made: now}
	p.finish()
	s.pages.put(key, gen, p)
	return p, rec
}

func hasPersonalCookie(r *http.Request) bool {
	for _, c := range r.Cookies() {
		if c.Name == visitorCookie || strings.HasPrefix(c.Name, "cok_") {
			return true
		}
	}
	return false
}

// recorder captures a response so it can be cached or replayed.
type recorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (r *recorder) Header() http.Header         { return r.header }
func (r *recorder) WriteHeader(status int)      { r.status = status }
func (r *recorder) Write(b []byte) (int, error) { return r.body.Write(b) }

func (r *recorder) replay(w http.ResponseWriter) {
	for k, v := range r.header {
		w.Header()[k] = v
	}
	w.WriteHeader(r.status)
	w.Write(r.body.Bytes())
}
