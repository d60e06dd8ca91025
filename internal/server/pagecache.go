package server

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	lru "github.com/hashicorp/golang-lru/v2"
	"golang.org/x/sync/singleflight"
)

// pageCache keeps rendered public pages in memory, plain and gzipped, so a
// repeated page costs no query, no rendering and no compression. Pages are
// rendered as an anonymous visitor sees them; a visitor with favourites
// gets the same page with their own parts filled in (pagecache_personal.go).
//
// Every change to the catalogue (a staff edit, a seat taken) notifies all
// server processes through Postgres, and each calls Invalidate, after which
// no page rendered before is served while the database answers. Pages also
// age after the TTL, because a date's phase moves with the clock
// (deadlines end at midnight): an aged page is served once more while one
// request renders it anew in the background.
//
// Only one request renders a page at a time (singleflight): the others
// wait for it rather than render the same page at once (at 32 connections,
// an expired catalogue page was rendered 32 times over and the 99th
// percentile went from 15 ms to 750 ms). While the database cannot be
// reached (a render fails), the last page rendered is served, however old,
// instead of the error page.
type pageCache struct {
	now     func() time.Time
	ttl     time.Duration
	pages   *lru.Cache[string, *cachedPage]
	flights singleflight.Group
	gen     atomic.Uint64 // moved on by every change
}

// staleFor bounds how long past its TTL an aged page may still be served
// while it is rendered anew (a render that keeps failing must not leave an
// old page up while the database answers).
const staleFor = 30 * time.Second

// renderTimeout bounds a render, which outlives the request that started
// it when other requests wait for it.
const renderTimeout = 15 * time.Second

func newPageCache(ttl time.Duration, max int, now func() time.Time) *pageCache {
	pages, _ := lru.New[string, *cachedPage](max) // fails only for max <= 0
	return &pageCache{now: now, ttl: ttl, pages: pages}
}

// Invalidate marks every page as changed; it is called on every change
// notification. The pages stay in memory for an outage of the database.
func (c *pageCache) Invalidate() { c.gen.Add(1) }

// pageState is what a cached page may be used for.
type pageState int

const (
	pageMissing pageState = iota
	pageStale             // changed or too old: only while the database is away
	pageAged              // served while it is rendered anew
	pageFresh
)

// get returns the page under key and its state.
func (c *pageCache) get(key string) (*cachedPage, pageState) {
	p, ok := c.pages.Get(key)
	if !ok {
		return nil, pageMissing
	}
	age := c.now().Sub(p.made)
	switch {
	case p.gen != c.gen.Load() || age > c.ttl+staleFor:
		return p, pageStale
	case age > c.ttl:
		return p, pageAged
	}
	return p, pageFresh
}

// rendered is the outcome of one render: a page to cache, or a response
// that is not to be cached (an error, a redirect, a personal page), to be
// replayed as it was.
type rendered struct {
	page *cachedPage
	rec  *recorder
}

// render renders the page of r once, however many requests ask for it at
// the same time, and caches it when it is cacheable (200, no cookie, no
// Cache-Control of its own). It renders as an anonymous visitor: without
// the request's cookies.
func (c *pageCache) render(next http.Handler, r *http.Request, key string, personal bool) rendered {
	v, _, _ := c.flights.Do(key, func() (any, error) {
		// A render that ended just before this one began (its caller saw
		// the page aged or missing a moment earlier) already made it.
		if p, state := c.get(key); state == pageFresh {
			return rendered{page: p}, nil
		}
		gen, made := c.gen.Load(), c.now()
		ctx, cancel := context.WithTimeout(context.WithoutCancel(r.Context()), renderTimeout)
		defer cancel()
		rec := &recorder{header: http.Header{}, status: http.StatusOK}
		req := r.Clone(ctx)
		req.Header.Del("Cookie")
		req.Header.Del("Accept-Encoding") // capture the plain page; it is gzipped once
		req.Header.Del("If-None-Match")
		next.ServeHTTP(rec, req)
		if rec.status != http.StatusOK || rec.header.Get("Cache-Control") != "" || rec.header.Get("Set-Cookie") != "" {
			return rendered{rec: rec}, nil
		}
		p := newCachedPage(routePattern(r), rec, gen, made, personal)
		if gen == c.gen.Load() { // else the page may show what changed since
			c.pages.Add(key, p)
		}
		return rendered{page: p}, nil
	})
	return v.(rendered)
}

// renew renders an aged page anew in the background.
func (c *pageCache) renew(next http.Handler, r *http.Request, key string, personal bool) {
	bg := r.Clone(context.WithoutCancel(r.Context()))
	go c.render(next, bg, key, personal)
}

// cachedPage is a page as every visitor without favourites gets it.
type cachedPage struct {
	route       string // the chi route pattern, for metrics and logs
	contentType string
	plain, gz   []byte
	etag        string
	gen         uint64
	made        time.Time
	// Complete response headers for each encoding, made once: a hit only
	// copies map entries.
	plainHeader, gzHeader http.Header
	// holes are where a visitor's own parts go; nil for a page that is
	// the same for everybody (personal false).
	holes    []hole
	personal bool
}

// newCachedPage computes what every hit would otherwise compute again.
func newCachedPage(route string, rec *recorder, gen uint64, made time.Time, personal bool) *cachedPage {
	p := &cachedPage{route: route, contentType: rec.header.Get("Content-Type"), plain: bytes.Clone(rec.body.Bytes()),
		gen: gen, made: made, personal: personal}
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
	base["Vary"] = []string{"Accept-Encoding, Cookie"}
	p.plainHeader = base.Clone()
	p.plainHeader.Set("Content-Length", strconv.Itoa(len(p.plain)))
	p.gzHeader = base.Clone()
	p.gzHeader.Set("Content-Encoding", "gzip")
	p.gzHeader.Set("Content-Length", strconv.Itoa(len(p.gz)))
	if personal {
		p.holes = findHoles(p.plain)
	}
	return p
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
