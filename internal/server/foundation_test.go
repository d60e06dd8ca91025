package server_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"kursuskatalog/internal/server"
	"kursuskatalog/internal/store"
	"kursuskatalog/internal/testdb"
	"kursuskatalog/web/static"
)

func TestHomeShowsTheDemoProgrammeAndNextDates(t *testing.T) {
	s := newSite(t)
	status, body := s.get(t, "/")
	if status != http.StatusOK {
		t.Fatalf("status %d", status)
	}
	mustContain(t, body,
		`<html lang="da">`,
		"Fremtidens politikerbetjening",
		"Grundmodul",
		`href="/kurser/politisk-forstaaelse"`,
		"Næste kurser med ledige pladser",
		"ekskl. moms",
		// One sentence on what COK offers, and the topics.
		"uddanner kommunernes medarbejdere og ledere",
		`href="/kurser?emne=politisk-betjening"`,
		`href="#indhold"`,
	)
	if strings.Count(body, "<h1") != 1 {
		t.Errorf("want exactly one h1, got %d", strings.Count(body, "<h1"))
	}
}

func TestUnknownPathGivesDanish404(t *testing.T) {
	s := newSite(t)
	status, body := s.get(t, "/findes/ikke")
	if status != http.StatusNotFound {
		t.Fatalf("status %d, want 404", status)
	}
	mustContain(t, body, "Siden findes ikke", `lang="da"`, `href="/kurser"`)
}

func TestCrossSitePostIsRefused(t *testing.T) {
	s := newSite(t)
	req, _ := http.NewRequest(http.MethodPost, s.URL+"/", strings.NewReader("x=1"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	req.Header.Set("Origin", "https://ondsindet.example")
	res, err := s.Client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusForbidden {
		t.Fatalf("cross-site POST: status %d, want 403", res.StatusCode)
	}

	// The same POST from the site itself passes the guard (and then finds
	// no POST route on /).
	req, _ = http.NewRequest(http.MethodPost, s.URL+"/", strings.NewReader("x=1"))
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	res, err = s.Client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode == http.StatusForbidden {
		t.Fatalf("same-origin POST was refused")
	}
}

func TestSecurityHeaders(t *testing.T) {
	s := newSite(t)
	res, err := s.Client.Get(s.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	csp := res.Header.Get("Content-Security-Policy")
	if !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") {
		t.Errorf("CSP %q must allow scripts from the site only", csp)
	}
	for h, want := range map[string]string{
		"X-Content-Type-Options": "nosniff",
		"X-Frame-Options":        "DENY",
		"Referrer-Policy":        "strict-origin-when-cross-origin",
	} {
		if got := res.Header.Get(h); got != want {
			t.Errorf("%s = %q, want %q", h, got, want)
		}
	}
}

func TestPagesAreCompressed(t *testing.T) {
	s := newSite(t)
	req, _ := http.NewRequest(http.MethodGet, s.URL+"/", nil)
	req.Header.Set("Accept-Encoding", "gzip")
	res, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.Header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("front page not gzip-compressed: %v", res.Header)
	}
}

func TestStaticAssetsHaveHashedNamesAndLongCache(t *testing.T) {
	s := newSite(t)
	_, body := s.get(t, "/")
	i := strings.Index(body, `href="/static/css/site.`)
	if i < 0 {
		t.Fatal("no hashed stylesheet link on the page")
	}
	href := body[i+6 : i+6+strings.Index(body[i+6:], `"`)]
	res, err := s.Client.Get(s.URL + href)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	css, _ := io.ReadAll(res.Body)
	if res.StatusCode != 200 || !strings.Contains(string(css), "--brand") {
		t.Fatalf("stylesheet %s: status %d", href, res.StatusCode)
	}
	if cc := res.Header.Get("Cache-Control"); !strings.Contains(cc, "max-age=31536000") || !strings.Contains(cc, "immutable") {
		t.Errorf("Cache-Control %q", cc)
	}
	if status, _ := s.get(t, "/static/css/site.css"); status != http.StatusNotFound {
		t.Errorf("unhashed name answered %d, want 404", status)
	}
}

func TestHealthAndMetrics(t *testing.T) {
	st, _ := testdb.Store(t)
	loadDemo(t, st)
	s := startSiteDeps(t, st, func(d *server.Deps) { d.MetricsToken = metricsToken })
	if status, body := s.get(t, "/healthz"); status != 200 || body != "ok\n" {
		t.Fatalf("healthz %d %q", status, body)
	}
	s.get(t, "/")
	res, b := s.send(t, http.MethodGet, "/metrics", nil, http.Header{"Authorization": {"Bearer " + metricsToken}})
	status, body := res.StatusCode, string(b)
	if status != 200 {
		t.Fatalf("metrics %d", status)
	}
	// Route patterns, not raw paths, label the requests.
	mustContain(t, body, `http_request_duration_seconds_count{code="200",method="GET",route="/"}`,
		`katalog_db_queries_total{method="GET",route="/"}`)
}

// /readyz follows the database: 503 while it cannot be reached, 200 again
// when it is back, with no restart of the server.
func TestReadyzFollowsTheDatabase(t *testing.T) {
	dbURL := testdb.New(t)
	proxy, viaProxy := testdb.NewProxy(t, dbURL)
	st, err := store.Open(context.Background(), viaProxy, 4)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s := startSite(t, st)

	if status, _ := s.get(t, "/readyz"); status != http.StatusOK {
		t.Fatalf("with database: %d", status)
	}
	proxy.Stop()
	if status, _ := s.get(t, "/readyz"); status != http.StatusServiceUnavailable {
		t.Fatalf("without database: %d, want 503", status)
	}
	// A page that needs the database says so calmly, in Danish.
	status, body := s.get(t, "/")
	if status != http.StatusServiceUnavailable || !strings.Contains(body, "midlertidigt utilgængeligt") {
		t.Fatalf("front page without database: %d", status)
	}
	proxy.Start()
	deadline := time.Now().Add(10 * time.Second)
	for {
		status, _ := s.get(t, "/readyz")
		if status == http.StatusOK {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("readyz still %d 10 s after the database came back", status)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// HEAD answers as GET would, without a body: from the page cache (a miss,
// then a hit) and from a page that is always rendered.
func TestHeadAnswersLikeGet(t *testing.T) {
	st, _ := testdb.Store(t)
	loadDemo(t, st)
	s := startSiteWith(t, st, time.Minute)
	ask := func(method, path string) (*http.Response, []byte) {
		t.Helper()
		return s.send(t, method, path, nil, http.Header{"Accept-Encoding": {"identity"}})
	}
	for _, path := range []string{"/", "/kurser/politisk-forstaaelse", "/kurser/politisk-forstaaelse", "/kontakt", "/admin/login"} {
		head, body := ask(http.MethodHead, path)
		get, page := ask(http.MethodGet, path)
		if head.StatusCode != http.StatusOK || len(body) != 0 {
			t.Fatalf("HEAD %s: status %d with %d bytes of body, want 200 and none", path, head.StatusCode, len(body))
		}
		if ct := head.Header.Get("Content-Type"); ct != get.Header.Get("Content-Type") || !strings.HasPrefix(ct, "text/html") {
			t.Errorf("HEAD %s: Content-Type %q, GET gave %q", path, ct, get.Header.Get("Content-Type"))
		}
		if n := head.Header.Get("Content-Length"); n != "" && n != strconv.Itoa(len(page)) {
			t.Errorf("HEAD %s: Content-Length %s, the page has %d bytes", path, n, len(page))
		}
	}
	// The course page is a cache hit by now, and a hit knows its length.
	head, _ := ask(http.MethodHead, "/kurser/politisk-forstaaelse")
	if head.Header.Get("ETag") == "" || head.Header.Get("Content-Length") == "" {
		t.Errorf("cached HEAD lacks ETag or Content-Length: %v", head.Header)
	}
}

// A method a path does not take is 405 with the methods it does take.
func TestMethodNotAllowedNamesTheAllowedMethods(t *testing.T) {
	s := newSite(t)
	tests := []struct{ method, path, allow string }{
		{http.MethodDelete, "/kurser", "GET, HEAD"},
		{http.MethodPut, "/tilmelding", "GET, HEAD, POST"},
		{http.MethodGet, "/min-tilmelding/abc/stedfortraeder", "POST"},
		{http.MethodDelete, "/admin/login", "GET, HEAD, POST"},
	}
	for _, tt := range tests {
		res, body := s.send(t, tt.method, tt.path, nil, nil)
		if res.StatusCode != http.StatusMethodNotAllowed || res.Header.Get("Allow") != tt.allow || !strings.Contains(string(body), "Metoden er ikke tilladt") {
			t.Errorf("%s %s: %d, Allow %q, body %q; want 405, Allow %q and the Danish message",
				tt.method, tt.path, res.StatusCode, res.Header.Get("Allow"), body, tt.allow)
		}
	}
}

// Bytes Postgres cannot store (NUL, not UTF-8) are no server error: a path
// with them does not exist, a search or a form drops or replaces them.
func TestUnreadableInputIsNoServerError(t *testing.T) {
	s := newSite(t)
	for _, tt := range []struct {
		path string
		want int
	}{
		{"/kurser?q=%00", http.StatusOK},
		{"/kurser?q=%FF", http.StatusOK},
		{"/kurser?q=politik%00", http.StatusOK},
		{"/kurser/%00", http.StatusNotFound},
		{"/kurser/%FF", http.StatusNotFound},
		{"/forloeb/%00", http.StatusNotFound},
	} {
		status, body := s.get(t, tt.path)
		if status != tt.want || !strings.Contains(body, `<html lang="da">`) {
			t.Errorf("GET %s: %d, want %d with a Danish page", tt.path, status, tt.want)
		}
	}
	if _, body := s.get(t, "/kurser?q=politik%00"); !strings.Contains(body, "Politisk forståelse") {
		t.Errorf("search for politik with a NUL after it does not find Politisk forståelse")
	}

	a, _ := seedDates(t, s.Store)
	form := enrolment("tok-nul", []int64{a}, "Nul\x00 Deltager <nul@aarhus.dk>")
	form.Set("booker_name", "Mette\x00 Booker\xff")
	status, loc, _ := s.post(t, "/tilmelding", form)
	if status != http.StatusSeeOther || !strings.Contains(loc, "/kvittering") {
		t.Fatalf("booking with a NUL in the names: %d %q, want 303 to the receipt", status, loc)
	}
	var booker, participant string
	s.Store.Pool.QueryRow(context.Background(), `SELECT b.booker_name, p.name FROM bookings b JOIN participants p ON p.booking_id = b.id
		WHERE p.email = 'nul@aarhus.dk'`).Scan(&booker, &participant)
	if booker != "Mette Booker\uFFFD" || participant != "Nul Deltager" {
		t.Errorf("stored %q and %q, want the names without the NUL and with U+FFFD for the bad byte", booker, participant)
	}
}

// A visitor who leaves before the page is ready (closes the tab; a load
// test stops) is no server error: the log would fill with errors nobody
// can mend and hide the real ones.
func TestAbandonedRequestIsNoServerError(t *testing.T) {
	st, _ := testdb.Store(t)
	loadDemo(t, st)
	var logs bytes.Buffer
	assets, _ := static.Load()
	base, _ := url.Parse("http://kurser.test")
	srv := server.New(server.Deps{Store: st, Assets: assets, BaseURL: base, Enrolment: newService(t, st, base.String(), func() time.Time { return testNow }),
		Logger: slog.New(slog.NewJSONHandler(&logs, nil))})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/kurser?q=politik", nil).WithContext(ctx))
	if rec.Code != 499 {
		t.Errorf("status %d, want 499 (client closed the request)", rec.Code)
	}
	if strings.Contains(logs.String(), `"level":"ERROR"`) {
		t.Errorf("an abandoned request was logged as an error:\n%s", logs.String())
	}
	if !strings.Contains(logs.String(), "request abandoned by the client") {
		t.Errorf("the abandoned request was not logged:\n%s", logs.String())
	}
}
