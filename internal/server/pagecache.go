package server

import (
	"bytes"
	"compress/gzip"
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
type pageCache struct {
	mu      sync.RWMutex
	gen     uint64
	entries map[string]*cachedPage
	ttl     time.Duration
	max     int
}

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
		p, _ := s.pages.get(r.URL.Path+"?"+r.URL.RawQuery, start)
		if p == nil {
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
	return &pageCache{entries: map[string]*cachedPage{}, ttl: ttl, max: max}
}

// Invalidate drops every page; it is called on every change notification.
func (c *pageCache) Invalidate() {
	c.mu.Lock()
	c.gen++
	c.entries = map[string]*cachedPage{}
	c.mu.Unlock()
}

func (c *pageCache) get(key string, now time.Time) (*cachedPage, uint64) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	p := c.entries[key]
	if p != nil && now.Sub(p.made) > c.ttl {
		p = nil
	}
	return p, c.gen
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
		now := time.Now()
		p, gen := s.pages.get(key, now)
		if p == nil {
			rec := &recorder{header: http.Header{}, status: http.StatusOK}
			plainReq := r.Clone(r.Context())
			plainReq.Header.Del("Accept-Encoding") // capture the plain page; it is gzipped once below
			next.ServeHTTP(rec, plainReq)
			if rec.status != http.StatusOK || rec.header.Get("Cache-Control") != "" || rec.header.Get("Set-Cookie") != "" {
				rec.replay(w)
				return
			}
			p = &cachedPage{route: routePattern(r), contentType: rec.header.Get("Content-Type"), plain: rec.body.Bytes(), made: now}
			p.finish()
			s.pages.put(key, gen, p)
		}
		p.write(w, r)
	})
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
