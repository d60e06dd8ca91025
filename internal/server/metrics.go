package server

import (
	"crypto/subtle"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/go-chi/chi/v5/middleware"
	"github.com/prometheus/client_golang/prometheus"
)

type metrics struct {
	requests *prometheus.HistogramVec
	queries  *prometheus.CounterVec
}

func newMetrics(reg prometheus.Registerer) *metrics {
	m := &metrics{
		requests: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "http_request_duration_seconds",
			Help:    "Time to answer an HTTP request, by route pattern (not raw path, to bound the label set).",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5},
		}, []string{"method", "route", "code"}),
		queries: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "katalog_db_queries_total",
			Help: "Database queries run while answering requests, by route pattern; divided by the request count it gives queries per request.",
		}, []string{"method", "route"}),
	}
	reg.MustRegister(m.requests, m.queries)
	return m
}

func (s *Server) measure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ww := middleware.NewWrapResponseWriter(w, r.ProtoMajor)
		start := time.Now()
		next.ServeHTTP(ww, r)
		s.metrics.observe(r.Method, routePattern(r), ww.Status(), time.Since(start))
	})
}

func (m *metrics) observe(method, route string, status int, d time.Duration) {
	m.requests.WithLabelValues(method, route, strconv.Itoa(status)).Observe(d.Seconds())
}

// metricsOnSite serves the metrics on the site's own address only to a
// scraper that sends token as "Authorization: Bearer <token>"; without a
// token they are not served there (see MetricsHandler), since they name
// every route and its traffic.
func (s *Server) metricsOnSite(token string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if token == "" {
			s.notFound(w, r)
			return
		}
		got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok || subtle.ConstantTimeCompare([]byte(got), []byte(token)) != 1 {
			w.Header().Set("WWW-Authenticate", `Bearer realm="metrics"`)
			http.Error(w, "Kræver adgangsnøgle.", http.StatusUnauthorized)
			return
		}
		s.promHandler.ServeHTTP(w, r)
	}
}
