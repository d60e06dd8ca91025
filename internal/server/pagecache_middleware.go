package server

import (
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/go-chi/chi/v5/middleware"

	"kursuskatalog/internal/catalog"
)

// cachePages serves the pages every visitor sees alike from the page
// cache: as cached to anonymous visitors, with their own parts filled in to
// visitors with favourites.
func (s *Server) cachePages(next http.Handler) http.Handler { return s.cacheMiddleware(next, true) }

// cacheAnonymous serves a page from the page cache to visitors without the
// visitor cookie only: /favoritter, whose list is a visitor's own.
func (s *Server) cacheAnonymous(next http.Handler) http.Handler {
	return s.cacheMiddleware(next, false)
}

func (s *Server) cacheMiddleware(next http.Handler, personal bool) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.pages == nil || (r.Method != http.MethodGet && r.Method != http.MethodHead) || hasStaffCookie(r) {
			next.ServeHTTP(w, r)
			return
		}
		id, isVisitor := visitorID(r)
		if isVisitor && !personal {
			next.ServeHTTP(w, r)
			return
		}
		var saved catalog.Saved
		if isVisitor {
			saved = s.visitorSaved(w, r, id)
		}
		key := r.URL.Path + "?" + r.URL.RawQuery
		p, state := s.pages.get(key)
		switch state {
		case pageFresh:
		case pageAged:
			s.pages.renew(next, r, key, personal)
		default:
			out := s.pages.render(next, r, key, personal)
			switch {
			case out.page != nil:
				p = out.page
			case out.rec.status >= 500 && p != nil:
				// The database is away (or the render failed): the page as
				// it last was beats the error page (stale-if-error).
				s.log.Warn("render failed; serving the page as last rendered", slog.Int("status", out.rec.status),
					slog.String("request_id", middleware.GetReqID(r.Context())), slog.String("path", r.URL.Path),
					slog.Time("rendered", p.made))
			default:
				out.rec.replay(w)
				return
			}
		}
		if isVisitor {
			p.writePersonal(w, r, saved)
			return
		}
		p.write(w, r)
	})
}

// serveCached answers fresh cache hits first thing, before request ids,
// the access log's wrapper and the timeout context: a hit needs none of
// them. A visitor whose favourites cookie is today's is a hit too. It still
// counts the request in the metrics and, when the log level allows, logs
// it.
func (s *Server) serveCached(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.pages == nil || r.Method != http.MethodGet || hasStaffCookie(r) {
			next.ServeHTTP(w, r)
			return
		}
		start := time.Now()
		p, state := s.pages.get(r.URL.Path + "?" + r.URL.RawQuery)
		if state != pageFresh {
			next.ServeHTTP(w, r)
			return
		}
		var status int
		if _, isVisitor := visitorID(r); isVisitor {
			saved, ok := savedFromCookie(r, s.today())
			if !ok || !p.personal {
				next.ServeHTTP(w, r)
				return
			}
			status = p.writePersonal(w, r, saved)
		} else {
			status = p.write(w, r)
		}
		d := time.Since(start)
		s.metrics.observe(r.Method, p.route, status, d)
		if s.log.Enabled(r.Context(), slog.LevelInfo) {
			s.log.LogAttrs(r.Context(), slog.LevelInfo, "request",
				slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.String("route", p.route),
				slog.Int("status", status), slog.Duration("duration", d), slog.Int64("queries", 0), slog.Bool("cached", true))
		}
	})
}

// hasStaffCookie says whether the request comes from the staff area's
// browser (cok_admin), whose pages are never cached.
func hasStaffCookie(r *http.Request) bool {
	for _, c := range r.Cookies() {
		if strings.HasPrefix(c.Name, "cok_") {
			return true
		}
	}
	return false
}
