// Package server is the web front: the chi router, middleware, handlers for
// the public site and the staff area, and the rendering of pages and errors.
package server

import (
	"context"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"kursuskatalog/internal/jobs"
	"kursuskatalog/internal/store"
	"kursuskatalog/web/static"
)

// Deps is what the server needs from main.
type Deps struct {
	Store   *store.Store
	Jobs    *jobs.Jobs // inserts the jobs that send mails
	Logger  *slog.Logger
	Assets  *static.Assets
	BaseURL *url.URL
	// Now is the clock; tests pass a fixed one.
	Now func() time.Time
	// PageCacheTTL is how long a rendered public page is served from memory
	// to anonymous visitors; 0 turns the cache off. Whoever sets it must
	// call CatalogueChanged on every change notification.
	PageCacheTTL time.Duration
}

// Server holds the dependencies of every handler.
type Server struct {
	store   *store.Store
	jobs    *jobs.Jobs
	log     *slog.Logger
	assets  *static.Assets
	baseURL *url.URL
	now     func() time.Time
	metrics *metrics
	handler http.Handler

	pages    *pageCache
	bookings *bookingGroups

	keyMu   sync.Mutex
	formKey []byte // signs the time stamps of inquiry forms
}

// New builds the server and its routes.
func New(d Deps) *Server {
	if d.Now == nil {
		d.Now = time.Now
	}
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	s := &Server{store: d.Store, jobs: d.Jobs, log: d.Logger, assets: d.Assets, baseURL: d.BaseURL, now: d.Now, metrics: newMetrics(reg)}
	if d.PageCacheTTL > 0 {
		s.pages = newPageCache(d.PageCacheTTL, maxCachedPages, d.Now)
	}
	s.bookings = &bookingGroups{run: s.bookGroup, log: d.Logger}
	s.handler = s.routes(promhttp.HandlerFor(reg, promhttp.HandlerOpts{}))
	return s
}

// maxCachedPages bounds the page cache: a page is 10–40 KB with its
// gzipped copy, so at most 20 MB or so.
const maxCachedPages = 500

// CatalogueChanged marks the cached pages as changed; the server's owner
// calls it for every change notification from Postgres
// (store.ListenChanges), the one signal that the catalogue changed.
func (s *Server) CatalogueChanged() {
	if s.pages != nil {
		s.pages.Invalidate()
	}
}

// ServeHTTP makes the server an http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

func (s *Server) routes(metricsHandler http.Handler) http.Handler {
	r := chi.NewRouter()
	// HEAD is answered by the GET handlers (net/http sends no body): link
	// checkers and monitors ask with HEAD, and chi alone answered 405.
	r.Use(middleware.GetHead, s.serveCached, middleware.RequestID, s.logRequests, s.recoverPanics, securityHeaders, s.measure, requestTimeout(15*time.Second), s.cleanInput)
	r.NotFound(s.notFound)
	r.MethodNotAllowed(allowedMethods)

	r.Get("/healthz", s.showHealth)
	r.Get("/readyz", s.showReady)
	r.Method(http.MethodGet, "/metrics", metricsHandler)
	r.Method(http.MethodGet, "/static/*", s.assets) // precompressed, cached for a year

	compress := middleware.Compress(5, "text/html", "text/css", "text/plain", "text/calendar", "application/xml", "application/json")
	// The pages every visitor sees alike are served from memory, to
	// visitors with favourites with their own parts filled in; misses are
	// rendered and compressed.
	r.Group(func(r chi.Router) {
		r.Use(s.cachePages, compress)
		r.Get("/", s.showHome)
		r.Get("/kurser", s.listCourses)
		r.Get("/kurser/{slug}", s.showCourse)
		r.Get("/forloeb/{slug}", s.showProgramme)
		r.Get("/privatliv", s.showPrivacy)
		r.Get("/tilgaengelighed", s.showAccessibility)
		r.Get("/sitemap.xml", s.showSitemap)
		r.Get("/robots.txt", s.showRobots)
	})
	r.With(s.cacheAnonymous, compress).Get("/favoritter", s.showFavourites) // a visitor's own list
	r.Group(func(r chi.Router) {
		r.Use(compress)
		r.Get("/kurser/{slug}/datoer/{file}", s.showDateCalendar)
		r.Get("/tilmelding", s.showEnrolment)
		r.Post("/tilmelding", s.saveBooking)
		r.Get("/tilmelding/{ref}/kvittering", s.showReceipt)
		r.Get("/min-tilmelding/{token}", s.showMyBooking)
		r.Post("/min-tilmelding/{token}/afmeld", s.cancelMyBooking)
		r.Post("/min-tilmelding/{token}/stedfortraeder", s.saveSubstitute)
		r.Post("/favoritter", s.saveFavourite)
		r.Get("/favoritter/tjek", s.checkCookie)
		r.Get("/kurser/{slug}/spoerg", s.showQuestion)
		r.Post("/kurser/{slug}/spoerg", s.saveQuestion)
		r.Get("/kurser/{slug}/tilpasset", s.showInhouse)
		r.Post("/kurser/{slug}/tilpasset", s.saveInhouse)
		r.Get("/kontakt", s.showContact)
		r.Post("/kontakt", s.saveContact)
		r.Get("/tak", s.showThanks)
	})

	r.Mount("/admin", s.adminRoutes())

	// Every unsafe method from another origin is refused before any handler.
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusForbidden)
		w.Write([]byte("Forespørgslen blev afvist, fordi den kom fra et andet websted. Gå tilbage til siden og prøv igen.\n"))
	}))
	return cop.Handler(r)
}

// allowedMethods answers 405 with the Allow header HTTP asks for: the
// methods the path has (chi gives them only to its own English handler).
func allowedMethods(w http.ResponseWriter, r *http.Request) {
	var allow []string
	if rctx := chi.RouteContext(r.Context()); rctx != nil {
		for _, m := range []string{http.MethodGet, http.MethodPost} {
			if rctx.Routes.Match(chi.NewRouteContext(), m, r.URL.Path) {
				allow = append(allow, m)
				if m == http.MethodGet {
					allow = append(allow, http.MethodHead) // see middleware.GetHead
				}
			}
		}
	}
	w.Header().Set("Allow", strings.Join(allow, ", "))
	http.Error(w, "Metoden er ikke tilladt her.", http.StatusMethodNotAllowed)
}

// requestTimeout bounds the work of one request, database calls included.
func requestTimeout(d time.Duration) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			ctx, cancel := context.WithTimeout(r.Context(), d)
			defer cancel()
			next.ServeHTTP(w, r.WithContext(ctx))
		})
	}
}
