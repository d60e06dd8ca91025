package server_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/netip"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/alexedwards/argon2id"

	"kursuskatalog/internal/auth"
	"kursuskatalog/internal/server"
	"kursuskatalog/internal/testdb"
)

// behindProxy is a site whose load balancer is the test's loopback
// address, so each request names its client in X-Forwarded-For.
func behindProxy(t *testing.T, edit func(*server.Deps)) *site {
	t.Helper()
	st, _ := testdb.Store(t)
	loadDemo(t, st)
	return startSiteDeps(t, st, func(d *server.Deps) {
		d.TrustedProxies = []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")}
		if edit != nil {
			edit(d)
		}
	})
}

// postFrom posts form as client from the visitor at addr (through the
// trusted proxy) and returns the response with its body.
func (s *site) postFrom(t *testing.T, client *http.Client, addr, path string, form url.Values) (*http.Response, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, s.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	req.Header.Set("X-Forwarded-For", addr)
	res, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}

func creds(email, pw string) url.Values { return url.Values{"email": {email}, "password": {pw}} }

// 30 guesses at once at one account are counted one after another: the
// five free ones are checked, the rest wait (429), none slips past.
func TestLoginThrottleCountsSimultaneousGuesses(t *testing.T) {
	s := behindProxy(t, nil)
	addStaff(t, s.Store, "ida@cok.dk", auth.RoleEditor)
	var mu sync.Mutex
	count := map[int]int{}
	var wg sync.WaitGroup
	for i := range 30 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res, _ := s.postFrom(t, newClient(), fmt.Sprintf("198.51.100.%d", i+1), "/admin/login", creds("ida@cok.dk", "forkert gæt"))
			mu.Lock()
			count[res.StatusCode]++
			mu.Unlock()
		}()
	}
	wg.Wait()
	if count[http.StatusUnprocessableEntity] != auth.AccountThrottle.Free || count[http.StatusTooManyRequests] != 30-auth.AccountThrottle.Free {
		t.Fatalf("answers %v: want %d checked (422) and the rest 429", count, auth.AccountThrottle.Free)
	}
}

// An attacker who knows a staff member's e-mail slows the account with
// growing waits, but cannot lock its owner out: the owner's own browser
// has a key of its own, and a new browser gets in through a one-time link
// by mail (recorded with its send job), still with the password.
func TestAttackerDoesNotLockTheOwnerOut(t *testing.T) {
	s := behindProxy(t, nil)
	addStaff(t, s.Store, "ida@cok.dk", auth.RoleEditor)
	own := newClient()
	if res, _ := s.postFrom(t, own, "203.0.113.5", "/admin/login", creds("ida@cok.dk", staffPassword)); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("first login: %d", res.StatusCode)
	}
	s.postFrom(t, own, "203.0.113.5", "/admin/log-ud", nil)

	// The attacker's waits grow: 5 free guesses, then 1, 2, 4, 8, 16 s
	// before each next one; a guess after its wait is always taken.
	attacker := newClient()
	var waits []string
	guess := func(n int) int {
		res, _ := s.postFrom(t, attacker, fmt.Sprintf("192.0.2.%d", n%250+1), "/admin/login", creds("ida@cok.dk", fmt.Sprintf("gæt nummer %d", n)))
		if res.StatusCode == http.StatusTooManyRequests {
			waits = append(waits, res.Header.Get("Retry-After"))
		}
		return res.StatusCode
	}
	for n := range auth.AccountThrottle.Free {
		if status := guess(n); status != http.StatusUnprocessableEntity {
			t.Fatalf("free guess %d: %d", n, status)
		}
	}
	for n := range 5 {
		if status := guess(100 + n); status != http.StatusTooManyRequests {
			t.Fatalf("guess during wait %d: %d", n, status)
		}
		s.Clock.Advance(time.Second << n)
		if status := guess(200 + n); status != http.StatusUnprocessableEntity {
			t.Fatalf("guess after wait %d: %d", n, status)
		}
	}
	if strings.Join(waits, ",") != "1,2,4,8,16" {
		t.Fatalf("waits %v, want 1,2,4,8,16 s", waits)
	}
	res, body := s.postFrom(t, attacker, "192.0.2.99", "/admin/login", creds("ida@cok.dk", staffPassword))
	if res.StatusCode != http.StatusTooManyRequests || !strings.Contains(body, "Send mig et link") {
		t.Fatalf("a new browser with the right password while under attack: %d", res.StatusCode)
	}
	// The owner's own browser logs in at once.
	if res, _ := s.postFrom(t, own, "203.0.113.5", "/admin/login", creds("ida@cok.dk", staffPassword)); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("the owner's known browser: %d", res.StatusCode)
	}
	loginThroughLink(t, s, "ida@cok.dk")
}

var linkInMail = regexp.MustCompile(`http://kurser\.test(/admin/login/link/[A-Za-z0-9_-]+)`)

// loginThroughLink asks for a link from a new browser, follows it from
// the mail and logs in with the password.
func loginThroughLink(t *testing.T, s *site, email string) {
	t.Helper()
	laptop := newClient()
	res, body := s.postFrom(t, laptop, "203.0.113.77", "/admin/login/link", url.Values{"email": {email}})
	if res.StatusCode != http.StatusOK || !strings.Contains(body, "Tjek din mail") {
		t.Fatalf("asking for a link: %d", res.StatusCode)
	}
	ctx := context.Background()
	var text string
	var jobs int
	if err := s.Store.Pool.QueryRow(ctx, `SELECT m.text_body, (SELECT count(*) FROM river_job j WHERE j.kind = 'send_mail' AND m.id = ANY(
		SELECT jsonb_array_elements_text(j.args->'mail_ids')::bigint))
		FROM outgoing_mails m WHERE m.kind = 'login_link' AND m.to_addr = $1`, email).Scan(&text, &jobs); err != nil {
		t.Fatalf("no login link mail: %v", err)
	}
	m := linkInMail.FindStringSubmatch(text)
	if m == nil || jobs != 1 {
		t.Fatalf("mail without a link or send job (%d):\n%s", jobs, text)
	}
	// Opening the link only asks; the button spends it.
	req, _ := http.NewRequest(http.MethodGet, s.URL+m[1], nil)
	res, err := laptop.Do(req)
	if err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("opening the link: %v %d", err, res.StatusCode)
	}
	res.Body.Close()
	res, _ = s.postFrom(t, laptop, "203.0.113.77", m[1], nil)
	if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/admin/login?email=") {
		t.Fatalf("spending the link: %d %q", res.StatusCode, res.Header.Get("Location"))
	}
	if res, _ := s.postFrom(t, newClient(), "203.0.113.78", m[1], nil); res.StatusCode != http.StatusGone {
		t.Fatalf("a spent link used again: %d", res.StatusCode)
	}
	if res, _ := s.postFrom(t, laptop, "203.0.113.77", "/admin/login", creds(email, "forkert igen")); res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("the link alone must not let a wrong password in: %d", res.StatusCode)
	}
	if res, _ := s.postFrom(t, laptop, "203.0.113.77", "/admin/login", creds(email, staffPassword)); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("login after the link: %d", res.StatusCode)
	}
}

// Many failures from one address (to made-up accounts) slow that address
// only: a visitor behind the same balancer from another address, and the
// administrator, still log in.
func TestAddressThrottleIsPerClientBehindTheBalancer(t *testing.T) {
	s := behindProxy(t, nil)
	addStaff(t, s.Store, "admin@cok.dk", auth.RoleAdmin)
	for i := range auth.AddressThrottle.Free {
		s.postFrom(t, newClient(), "192.0.2.66", "/admin/login", creds(fmt.Sprintf("findes-ikke-%d@cok.dk", i), "forkert"))
	}
	if res, _ := s.postFrom(t, newClient(), "192.0.2.66", "/admin/login", creds("endnu-en@cok.dk", "forkert")); res.StatusCode != http.StatusTooManyRequests {
		t.Fatalf("the guessing address: %d, want 429", res.StatusCode)
	}
	if res, _ := s.postFrom(t, newClient(), "203.0.113.10", "/admin/login", creds("admin@cok.dk", staffPassword)); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("the administrator from another address: %d", res.StatusCode)
	}
	// Without trusted proxies every visitor is the balancer's address.
	plain := startSite(t, s.Store)
	for i := range auth.AddressThrottle.Free {
		plain.post(t, "/admin/login", creds(fmt.Sprintf("x%d@cok.dk", i), "forkert"))
	}
	if status, _, _ := plain.post(t, "/admin/login", creds("y@cok.dk", "forkert")); status != http.StatusTooManyRequests {
		t.Fatalf("the connection's address is not throttled without proxies: %d", status)
	}
}

// When every hashing slot is taken, a login is answered at once with a
// calm 503 and the e-mail kept, rather than queueing (and, had it
// hashed, taking memory); when a slot is free it works.
func TestBusyHasherAnswersQuickly(t *testing.T) {
	hasher := auth.NewHasher(cheapParams, 1, 50*time.Millisecond)
	s := behindProxy(t, func(d *server.Deps) { d.Hasher = hasher })
	addStaff(t, s.Store, "ida@cok.dk", auth.RoleEditor)
	release, err := hasher.Acquire(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	res, body := s.postFrom(t, newClient(), "203.0.113.5", "/admin/login", creds("ida@cok.dk", staffPassword))
	if res.StatusCode != http.StatusServiceUnavailable || res.Header.Get("Retry-After") == "" || !strings.Contains(body, "Der er travlt lige nu") || !strings.Contains(body, `value="ida@cok.dk"`) {
		t.Fatalf("busy: %d", res.StatusCode)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Fatalf("busy answered after %s", d)
	}
	release()
	if res, _ := s.postFrom(t, newClient(), "203.0.113.5", "/admin/login", creds("ida@cok.dk", staffPassword)); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("with a free slot: %d", res.StatusCode)
	}
}

// A password hashed with other parameters than today's is hashed anew at
// the next login.
func TestLoginRehashesOldParameters(t *testing.T) {
	s := behindProxy(t, nil)
	old := &argon2id.Params{Memory: 2048, Iterations: 2, Parallelism: 1, SaltLength: 16, KeyLength: 32}
	h, _ := auth.HashPassword(staffPassword, old)
	u := addStaff(t, s.Store, "ida@cok.dk", auth.RoleEditor)
	s.Store.Pool.Exec(context.Background(), `UPDATE staff_users SET password_hash = $2 WHERE id = $1`, u.ID, h)
	s.login(t, "ida@cok.dk", staffPassword)
	var now string
	s.Store.Pool.QueryRow(context.Background(), `SELECT password_hash FROM staff_users WHERE id = $1`, u.ID).Scan(&now)
	if auth.NeedsRehash(now, cheapParams) || !auth.CheckPassword(staffPassword, now) {
		t.Fatalf("hash after login %q, want the hasher's parameters", now)
	}
}

// Whatever is typed as an e-mail, the login answers as for a wrong
// password: a 2.7 KB address once overflowed the throttle's index (500).
func TestLoginWithAnAbsurdEmail(t *testing.T) {
	s := behindProxy(t, nil)
	for _, email := range []string{strings.Repeat("a", 2700) + "@cok.dk", strings.Repeat("é", 120) + "@cok.dk", "ida@cok.dk\r\nBcc: x@y.dk"} {
		res, body := s.postFrom(t, newClient(), "203.0.113.5", "/admin/login", creds(email, "forkert"))
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "E-mail eller adgangskode er forkert") {
			t.Errorf("e-mail of %d bytes: %d", len(email), res.StatusCode)
		}
	}
}
