package server_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
	"time"

	"kursuskatalog/internal/server"
	"kursuskatalog/internal/testdb"
)

const metricsToken = "en-lang-hemmelig-noegle-til-metrics"

// /metrics names every route and its traffic: the site serves it only to
// a scraper with the token, and MetricsHandler serves it on an address of
// its own.
func TestMetricsAreNotPublic(t *testing.T) {
	st, _ := testdb.Store(t)
	loadDemo(t, st)
	open := startSite(t, st)
	if status, _ := open.get(t, "/metrics"); status != http.StatusNotFound {
		t.Fatalf("/metrics without a token configured: %d, want 404", status)
	}
	s := startSiteDeps(t, st, func(d *server.Deps) { d.MetricsToken = metricsToken })
	for _, auth := range []string{"", "Bearer forkert", "Basic " + metricsToken, "Bearer " + metricsToken + "x"} {
		res, _ := s.send(t, http.MethodGet, "/metrics", nil, http.Header{"Authorization": {auth}})
		if res.StatusCode != http.StatusUnauthorized {
			t.Errorf("/metrics with %q: %d, want 401", auth, res.StatusCode)
		}
	}
	res, body := s.send(t, http.MethodGet, "/metrics", nil, http.Header{"Authorization": {"Bearer " + metricsToken}})
	if res.StatusCode != http.StatusOK {
		t.Fatalf("/metrics with the token: %d", res.StatusCode)
	}
	mustContain(t, string(body), "http_request_duration_seconds_count")

	rec := httptest.NewRecorder()
	open.Site.MetricsHandler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	if rec.Code != http.StatusOK {
		t.Fatalf("MetricsHandler: %d", rec.Code)
	}
}

// HSTS is sent on every answer of an https site (cached pages, the staff
// area and error pages included) and never on http.
func TestStrictTransportOnHTTPS(t *testing.T) {
	st, _ := testdb.Store(t)
	loadDemo(t, st)
	plain := startSiteWith(t, st, 10*time.Second)
	secure := startSiteDeps(t, st, func(d *server.Deps) {
		d.BaseURL, _ = url.Parse("https://kurser.cok.dk")
		d.PageCacheTTL = 10 * time.Second
	})
	for _, path := range []string{"/", "/", "/kurser/politisk-forstaaelse", "/admin/login", "/findes-ikke", "/healthz"} {
		res, _ := secure.send(t, http.MethodGet, path, nil, nil)
		if got := res.Header.Get("Strict-Transport-Security"); got != "max-age=63072000" {
			t.Errorf("https %s: Strict-Transport-Security %q", path, got)
		}
		res, _ = plain.send(t, http.MethodGet, path, nil, nil)
		if got := res.Header.Get("Strict-Transport-Security"); got != "" {
			t.Errorf("http %s: Strict-Transport-Security %q", path, got)
		}
	}
}
