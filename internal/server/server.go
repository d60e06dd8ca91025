// Package server is the web front: the chi router, the middleware, and the
// public site's handlers, which parse, call the enrolment service (changes)
// or the store (reads), and render. The staff area is package admin,
// mounted under /admin.
package server

import (
	"context"
	"log/slog"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"kursuskatalog/internal/auth"
	"kursuskatalog/internal/config"
	"kursuskatalog/internal/enrolment"
	"kursuskatalog/internal/server/admin"
	"kursuskatalog/internal/server/forms"
	"kursuskatalog/internal/server/respond"
	"kursuskatalog/internal/store"
	"kursuskatalog/web/static"
)

// Deps is what the server needs from main. The clock is the enrolment
// service's, so that pages and changes agree on the time.
type Deps struct {
	Store     *store.Store
	Enrolment *enrolment.Service
	Logger    *slog.Logger
	Assets    *static.Assets
	BaseURL   *url.URL
	// WASURL is the official accessibility statement /was redirects to.
	WASURL string
	// PageCacheTTL is how long a rendered public page is served from memory
	// to anonymous visitors; 0 turns the cache off. Whoever sets it must
	// call CatalogueChanged on every change notification.
	PageCacheTTL time.Duration
	// TrustedProxies are the load balancers whose X-Forwarded-For names
	// the client; MetricsToken opens /metrics on the site to a scraper
	// that sends it as a bearer token (without it /metrics is only served
	// by MetricsHandler, on an address of its own).
	TrustedProxies []netip.Prefix
	MetricsToken   string
	// Hasher checks staff passwords, a few at a time; nil:
	// auth.DefaultHasher.
	Hasher *auth.Hasher
}

// Server holds the dependencies of every handler.
type Server struct {
	*respond.Responder
	store   *store.Store
	enrol   *enrolment.Service
	log     *slog.Logger
	assets  *static.Assets
	baseURL *url.URL
	wasURL  string
	now     func() time.Time
	metrics *metrics
	handler http.Handler
	// promHandler serves the metrics; the site serves it only behind
	// MetricsToken.
	promHandler http.Handler

	siteImg siteImage
	pages   *pageCache

	keyMu   sync.Mutex
	formKey []byte // signs the time stamps of inquiry forms
}

// New builds the server and its routes.
func New(d Deps) *Server {
	if d.WASURL == "" {
		d.WASURL = config.DefaultWASURL
	}
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	s := &Server{Responder: &respond.Responder{Log: d.Logger, Assets: d.Assets},
		store: d.Store, enrol: d.Enrolment, log: d.Logger, assets: d.Assets, baseURL: d.BaseURL, wasURL: d.WASURL, now: d.Enrolment.Now,
		metrics: newMetrics(reg), pages: newPageCache(d.PageCacheTTL, 500)}
	staff := admin.New(admin.Deps{Store: d.Store, Enrolment: d.Enrolment, Logger: d.Logger, Assets: d.Assets, BaseURL: d.BaseURL, Hasher: d.Hasher})
	s.promHandler = promhttp.HandlerFor(reg, promhttp.HandlerOpts{})
	s.handler = s.routes(d, staff)
	return s
}

// MetricsHandler serves the Prometheus metrics, for a listener of its own
// (METRICS_ADDR).
func (s *Server) MetricsHandler() http.Handler { return s.promHandler }

// CatalogueChanged drops the cached pages; the server's owner calls it for
// every change notification from Postgres (store.ListenChanges).
func (s *Server) CatalogueChanged() { s.pages.Invalidate() }

// ServeHTTP makes the server an http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

func (s *Server) routes(d Deps, staff http.Handler) http.Handler {
	r := chi.NewRouter()
	// HEAD is answered by the GET handlers (net/http sends no body): link
	// checkers and monitors ask with HEAD, and chi alone answered 405.
	r.Use(middleware.GetHead, strictTransport(d.BaseURL), s.serveCached, middleware.RequestID, clientAddress(d.TrustedProxies),
		s.logRequests, s.recoverPanics, securityHeaders, s.measure, requestTimeout(15*time.Second), s.cleanInput)
	r.NotFound(s.notFound)
	r.MethodNotAllowed(allowedMethods)

	r.Get("/healthz", s.showHealth)
	r.Get("/readyz", s.showReady)
	r.Method(http.MethodGet, "/metrics", s.metricsOnSite(d.MetricsToken))
	r.Method(http.MethodGet, "/static/*", s.assets) // precompressed, cached for a year
	r.Get("/was", s.showWAS)
	r.Get("/billeder/kurser/{id}/{file}", s.showCourseImage)
	r.Get(SiteImagePath, s.showSiteImage)

	compress := middleware.Compress(5, "text/html", "text/css", "text/plain", "text/calendar", "application/xml", "application/json")
	// The pages every visitor sees alike are served from memory to anonymous
	// visitors; misses and personal pages are rendered and compressed.
	r.Group(func(r chi.Router) {
		r.Use(s.cachePages, compress)
		r.Get("/", s.showHome)
		r.Get("/kurser", s.listCourses)
		r.Get("/kurser/{slug}", s.showCourse)
		r.Get("/forloeb/{slug}", s.showProgramme)
		r.Get("/favoritter", s.showFavourites) // cached for visitors without favourites only
		r.Get("/privatliv", s.showPrivacy)
		r.Get("/tilgaengelighed", s.showAccessibility)
		r.Get("/sitemap.xml", s.showSitemap)
		r.Get("/robots.txt", s.showRobots)
	})
	r.Group(func(r chi.Router) {
		r.Use(compress)
		s.personalRoutes(r)
	})

	r.Mount("/admin", staff)

	return crossOriginProtected(r)
}

// personalRoutes are the pages of one visitor or booker, and the forms,
// each with a cap on its body: small for buttons, larger for messages,
// largest for the enrolment form.
func (s *Server) personalRoutes(r chi.Router) {
	small, text := forms.LimitBody(forms.SmallBody), forms.LimitBody(forms.TextBody)
	r.Get("/kurser/{slug}/datoer/{file}", s.showDateCalendar)
	s.bookingRoutes(r)
	s.mySeatRoutes(r)
	r.With(small).Post("/favoritter", s.saveFavourite)
	r.Get("/favoritter/tjek", s.checkCookie)
	r.Get("/favoritter/tilmeld", s.enrolFavourites)
	r.Get("/kurser/{slug}/spoerg", s.showQuestion)
	r.With(text).Post("/kurser/{slug}/spoerg", s.saveQuestion)
	r.Get("/kurser/{slug}/tilpasset", s.showInhouse)
	r.With(text).Post("/kurser/{slug}/tilpasset", s.saveInhouse)
	r.Get("/kontakt", s.showContact)
	r.With(text).Post("/kontakt", s.saveContact)
	r.Get("/tak", s.showThanks)
}

// crossOriginProtected refuses every unsafe method from another origin
// before any handler.
func crossOriginProtected(h http.Handler) http.Handler {
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusForbidden)
		w.Write([]byte("Forespørgslen blev afvist, fordi den kom fra et andet websted. Gå tilbage til siden og prøv igen.\n"))
	}))
	return cop.Handler(h)
}

// bookingRoutes are enrolment, the receipt, the booker's own pages and
// the pages of offers.
func (s *Server) bookingRoutes(r chi.Router) {
	small := forms.LimitBody(forms.SmallBody)
	r.Get("/tilmelding", s.showEnrolment)
	r.With(forms.LimitBody(forms.LargeBody)).Post("/tilmelding", s.saveBooking)
	r.Get("/tilmelding/{ref}/kvittering", s.showReceipt)
	r.Get("/min-tilmelding/{token}", s.showMyBooking)
	r.Get("/min-tilmelding/{token}/afmeld", s.showCancel)
	r.With(small).Post("/min-tilmelding/{token}/afmeld", s.cancelMyBooking)
	r.With(small).Post("/min-tilmelding/{token}/stedfortraeder", s.saveSubstitute)
	r.Get("/tilbud/{token}", s.showOffer)
	r.With(small).Post("/tilbud/{token}", s.answerOffer)
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
