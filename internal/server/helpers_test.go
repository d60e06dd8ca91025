package server_test

import (
	"context"
	"html"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/auth"
	"kursuskatalog/internal/demo"
	enrol "kursuskatalog/internal/enrolment"
	"kursuskatalog/internal/jobs"
	"kursuskatalog/internal/server"
	"kursuskatalog/internal/store"
	"kursuskatalog/internal/testdb"
	"kursuskatalog/web/static"
)

// testNow is the fixed clock of the server tests: the demo is loaded
// relative to it, so phases are the same on every run.
var testNow = time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)

type site struct {
	*httptest.Server
	Store  *store.Store
	Client *http.Client
	Clock  *testClock
	// Enrolment is the site's service; its jobs are inserted, not worked.
	Enrolment *enrol.Service
	// Site is the handler the test server serves.
	Site *server.Server
}

// testClock is the server's clock in tests: fixed, moved on by hand.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *testClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// newSite starts the real server on a fresh database with the demo
// catalogue loaded.
func newSite(t *testing.T) *site {
	t.Helper()
	st, _ := testdb.Store(t)
	loadDemo(t, st)
	return startSite(t, st)
}

func loadDemo(t *testing.T, st *store.Store) {
	t.Helper()
	if _, err := demo.Load(context.Background(), st, testNow, 0); err != nil {
		t.Fatal(err)
	}
}

func startSite(t *testing.T, st *store.Store) *site {
	t.Helper()
	return startSiteWith(t, st, 0)
}

// startSiteWith starts a server whose public pages are cached for ttl (0:
// off), listening for change notifications as `katalog serve` does.
func startSiteWith(t *testing.T, st *store.Store, ttl time.Duration) *site {
	t.Helper()
	return startSiteDeps(t, st, func(d *server.Deps) { d.PageCacheTTL = ttl })
}

// startSiteDeps starts a server whose dependencies edit has changed from
// those of startSite (the base URL and the clock are the tests' own).
func startSiteDeps(t *testing.T, st *store.Store, edit func(*server.Deps)) *site {
	t.Helper()
	assets, err := static.Load()
	if err != nil {
		t.Fatal(err)
	}
	base, _ := url.Parse("http://kurser.test")
	clock := &testClock{t: testNow}
	// Jobs are inserted, not worked: tests read the outgoing-mail table,
	// after workBookingMails where a booking's mails are composed by a job.
	svc := newService(t, st, base.String(), clock.Now)
	d := server.Deps{
		Store: st, Enrolment: svc, Assets: assets, BaseURL: base,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
		// Cheap hashes, as many at once as a test sends.
		Hasher: auth.NewHasher(cheapParams, 64, 10*time.Second),
	}
	edit(&d)
	srv := server.New(d)
	if d.PageCacheTTL > 0 {
		ctx, cancel := context.WithCancel(context.Background())
		t.Cleanup(cancel)
		go st.ListenChanges(ctx, nil, srv.CatalogueChanged)
		go st.PublishSeatChanges(ctx, nil, 100*time.Millisecond)
	}
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	return &site{Server: ts, Store: st, Client: client, Clock: clock, Enrolment: svc, Site: srv}
}

// newService is the enrolment service of a test site: jobs are inserted
// in its transactions, never worked.
func newService(t *testing.T, st *store.Store, base string, now func() time.Time) *enrol.Service {
	t.Helper()
	q, err := jobs.NewQueue(st.Pool)
	if err != nil {
		t.Fatal(err)
	}
	return enrol.New(enrol.Deps{Store: st, Queue: q, BaseURL: base, Now: now})
}

// workBookingMails does what the booking_mails worker would do for every
// such job inserted so far: compose and record the booking's mails.
func (s *site) workBookingMails(t *testing.T) {
	t.Helper()
	ctx := context.Background()
	rows, err := s.Store.Pool.Query(ctx, `SELECT args FROM river_job WHERE kind = 'booking_mails' ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	all, err := pgx.CollectRows(rows, pgx.RowTo[jobs.BookingMailsArgs])
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range all {
		if err := s.Enrolment.ComposeBookingMails(ctx, a.Bookings); err != nil {
			t.Fatal(err)
		}
	}
}

// get fetches path and returns status and body.
func (s *site) get(t *testing.T, path string) (int, string) {
	t.Helper()
	res, err := s.Client.Get(s.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res.StatusCode, string(b)
}

func mustContain(t *testing.T, body string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(body, w) {
			t.Errorf("page does not contain %q", w)
		}
	}
}

// post sends a form from the site itself and returns status, Location and body.
func (s *site) post(t *testing.T, path string, form url.Values) (int, string, string) {
	t.Helper()
	res, b := s.send(t, http.MethodPost, path, strings.NewReader(form.Encode()),
		http.Header{"Content-Type": {"application/x-www-form-urlencoded"}})
	return res.StatusCode, res.Header.Get("Location"), string(b)
}

// send makes a request from the site itself (same origin) with the given
// headers and returns the response with its body read.
func (s *site) send(t *testing.T, method, path string, body io.Reader, header http.Header) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, s.URL+path, body)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header[k] = v
	}
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	res, err := s.Client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, b
}

// notDemo leaves out the bookings the demo loads (b is bookings), so that a
// test counts only the bookings it makes.
const notDemo = `b.ref NOT LIKE 'COK-DEMO-%'`

// notDemoInquiry leaves out the inquiries the demo loads (i is inquiries):
// they were sent before the tests' clock starts.
const notDemoInquiry = `i.created_at >= '2026-11-23 10:00:00+00'`

// emptyDate takes a demo date's participants (the demo books its seats)
// away and gives it capacity seats, none taken, so that a test counts only
// the bookings it makes.
func emptyDate(t *testing.T, st *store.Store, date int64, capacity int) {
	t.Helper()
	ctx := context.Background()
	if _, err := st.Pool.Exec(ctx, `DELETE FROM participants WHERE date_id = $1`, date); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Pool.Exec(ctx, `UPDATE course_dates SET capacity = $2, seats_taken = 0, min_participants = 0 WHERE id = $1`,
		date, capacity); err != nil {
		t.Fatal(err)
	}
}

var (
	offerLink   = regexp.MustCompile(`/tilbud/[A-Za-z0-9_-]{43}`)
	confirmCode = regexp.MustCompile(`name="bekraeft" value="([^"]+)"`)
)

// offerLinkTo is the page of the newest offer mailed to email.
func (s *site) offerLinkTo(t *testing.T, email string) string {
	t.Helper()
	text := testdb.MailText(t, s.Store, `kind = 'offer' AND to_addr = $1`, email)
	link := offerLink.FindString(text)
	if link == "" {
		t.Fatalf("no offer mailed to %s", email)
	}
	return link
}

// cancel cancels seats (the whole booking when none are named) from the
// manage link through the confirmation step, and returns the answer to
// the confirmation and the step's page.
func (s *site) cancel(t *testing.T, manage string, seats ...int64) (status int, loc, step string) {
	t.Helper()
	q := url.Values{}
	if len(seats) == 0 {
		q.Set("alle", "1")
	}
	for _, id := range seats {
		q.Add("plads", strconv.FormatInt(id, 10))
	}
	code, step := s.get(t, manage+"/afmeld?"+q.Encode())
	m := confirmCode.FindStringSubmatch(step)
	if code != http.StatusOK || m == nil {
		t.Fatalf("confirmation step: %d\n%s", code, step)
	}
	q.Set("bekraeft", html.UnescapeString(m[1]))
	status, loc, _ = s.post(t, manage+"/afmeld", q)
	return status, loc, step
}
