package main

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"kursuskatalog/internal/auth"
	"kursuskatalog/internal/store"
	"kursuskatalog/internal/testdb"
	"kursuskatalog/migrations"
)

func envOf(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestConfigErrorsNameTheVariable(t *testing.T) {
	for _, bad := range []map[string]string{
		{"ADDR": "no-port"},
		{"BASE_URL": "not a url"},
		{"LOG_LEVEL": "shouty"},
		{"DATABASE_URL": "mysql://x/y"},
	} {
		var name string
		for k := range bad {
			name = k
		}
		err := run(context.Background(), []string{"serve"}, envOf(bad), nil, &bytes.Buffer{}, &bytes.Buffer{})
		if err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("bad %s: error %v does not name it", name, err)
		}
	}
}

func TestMigrateAndDemoCommands(t *testing.T) {
	url := testdb.Empty(t)
	env := envOf(map[string]string{"DATABASE_URL": url})
	var out bytes.Buffer
	ctx := context.Background()
	if err := run(ctx, []string{"migrate", "up"}, env, nil, &out, &out); err != nil {
		t.Fatal(err)
	}
	var latest int
	if _, err := fmt.Sscanf(out.String(), "schema version %d", &latest); err != nil || latest < 2 {
		t.Fatalf("migrate up said %q", out.String())
	}
	if err := run(ctx, []string{"migrate", "down", "1"}, env, nil, &out, &out); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if err := run(ctx, []string{"migrate", "version"}, env, nil, &out, &out); err != nil || out.String() != fmt.Sprintf("schema version %d\n", previousVersion(t, latest)) {
		t.Fatalf("version after down 1 from %d: %q %v", latest, out.String(), err)
	}
	if err := run(ctx, []string{"migrate", "up"}, env, nil, &out, &out); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if err := run(ctx, []string{"demo"}, env, nil, &out, &out); err != nil || !strings.Contains(out.String(), "1 programmes added") {
		t.Fatalf("demo: %q %v", out.String(), err)
	}
	out.Reset()
	if err := run(ctx, []string{"demo"}, env, nil, &out, &out); err != nil || !strings.Contains(out.String(), "0 courses and 0 programmes added") {
		t.Fatalf("demo again: %q %v", out.String(), err)
	}
}

// serve migrates, serves, and stops cleanly when its context ends (as on
// SIGTERM), finishing a request that is in flight.
func TestServeMigratesServesAndShutsDown(t *testing.T) {
	url := testdb.Empty(t)
	addr := freeAddr(t)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	var logs syncBuffer
	go func() {
		done <- run(ctx, []string{"serve"}, envOf(map[string]string{"DATABASE_URL": url, "ADDR": addr}), nil, &logs, &logs)
	}()
	deadline := time.Now().Add(20 * time.Second)
	for {
		res, err := http.Get("http://" + addr + "/readyz")
		if err == nil {
			res.Body.Close()
			if res.StatusCode == 200 {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("server not ready: %v\n%s", err, logs.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	res, err := http.Get("http://" + addr + "/")
	if err != nil || res.StatusCode != 200 {
		t.Fatalf("front page on a migrated, empty database: %v %v", res, err)
	}
	res.Body.Close()
	stopServe(t, cancel, done)
	if _, err := http.Get("http://" + addr + "/healthz"); err == nil {
		t.Fatal("server still answers after shutdown")
	}
}

// A server that cannot listen while the database is away stops with the
// error rather than wait for the database.
func TestServeWithoutDatabaseStopsWhenItCannotListen(t *testing.T) {
	proxy, viaProxy := testdb.NewProxy(t, testdb.New(t))
	proxy.Stop()
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	done := make(chan error, 1)
	var logs syncBuffer
	go func() {
		done <- run(context.Background(), []string{"serve", "-migrate=false"},
			envOf(map[string]string{"DATABASE_URL": viaProxy, "ADDR": busy.Addr().String()}), nil, &logs, &logs)
	}()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "address already in use") {
			t.Fatalf("serve returned %v, want the listen error", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatalf("serve did not return\n%s", logs.String())
	}
}

// freeAddr is a loopback address no one listens on.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// stopServe cancels a running serve and waits for it to return nil.
func stopServe(t *testing.T, cancel context.CancelFunc, done <-chan error) {
	t.Helper()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("serve returned %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop")
	}
}

// previousVersion is the migration version before v (versions may have gaps).
func previousVersion(t *testing.T, v int) int {
	t.Helper()
	files, err := fs.Glob(migrations.FS, "*.up.sql")
	if err != nil {
		t.Fatal(err)
	}
	prev := 0
	for _, f := range files {
		var n int
		fmt.Sscanf(f, "%d_", &n)
		if n < v && n > prev {
			prev = n
		}
	}
	return prev
}

// user add reads the password from standard input when it is not a
// terminal, hashes it, and with -if-missing leaves an existing user alone.
func TestUserAddReadsPasswordFromStdin(t *testing.T) {
	url := testdb.New(t)
	env := envOf(map[string]string{"DATABASE_URL": url})
	ctx := context.Background()
	var out bytes.Buffer
	add := []string{"user", "add", "-email", "Ida@cok.dk", "-role", "redaktør", "-name", "Ida Jensen"}
	if err := run(ctx, add, env, strings.NewReader("en god lang adgangskode\n"), &out, &out); err != nil {
		t.Fatalf("user add: %v (%s)", err, out.String())
	}
	st, err := store.Open(ctx, url, 1)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	u, err := st.StaffUserByEmail(ctx, "ida@cok.dk")
	if err != nil || u.Role != "redaktør" || u.Name != "Ida Jensen" || !auth.CheckPassword("en god lang adgangskode", u.PasswordHash) {
		t.Fatalf("user %+v, %v", u, err)
	}
	if err := run(ctx, add, env, strings.NewReader("en anden lang adgangskode\n"), &out, &out); err == nil || !strings.Contains(err.Error(), "exists") {
		t.Fatalf("second add: %v", err)
	}
	out.Reset()
	if err := run(ctx, append(add, "-if-missing"), env, strings.NewReader(""), &out, &out); err != nil || !strings.Contains(out.String(), "left unchanged") {
		t.Fatalf("-if-missing: %q %v", out.String(), err)
	}
	for _, bad := range [][]string{
		{"user", "add", "-email", "x@cok.dk", "-role", "chef"},
		{"user", "add", "-email", "ikke-en-mail", "-role", "admin"},
	} {
		if err := run(ctx, bad, env, strings.NewReader("en god lang adgangskode\n"), &out, &out); err == nil {
			t.Errorf("%v accepted", bad)
		}
	}
	if err := run(ctx, []string{"user", "add", "-email", "kort@cok.dk", "-role", "admin"}, env, strings.NewReader("kort\n"), &out, &out); err == nil {
		t.Error("short password accepted")
	}
	// Weak passwords of a good length are refused too, with a Danish reason.
	for _, pw := range []string{"password1234", "aaaaaaaaaaaa", "svag@cok.dk2026"} {
		err := run(ctx, []string{"user", "add", "-email", "svag@cok.dk", "-role", "admin"}, env, strings.NewReader(pw+"\n"), &out, &out)
		if err == nil || !strings.Contains(err.Error(), "for let at gætte") {
			t.Errorf("weak password %q: %v", pw, err)
		}
	}
}

// syncBuffer is a bytes.Buffer the server's goroutines may write to while
// the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// A server started while the database is away answers 503 until it is
// back, then serves, and its background workers start by themselves: the
// sweep of the dates' mails (run on start) gets done.
func TestServeStartsWhileTheDatabaseIsAway(t *testing.T) {
	url := testdb.New(t)
	proxy, viaProxy := testdb.NewProxy(t, url)
	proxy.Stop()
	addr := freeAddr(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	var logs syncBuffer
	go func() {
		done <- run(ctx, []string{"serve", "-migrate=false"},
			envOf(map[string]string{"DATABASE_URL": viaProxy, "ADDR": addr}), nil, &logs, &logs)
	}()
	status := func(path string) int {
		res, err := http.Get("http://" + addr + path)
		if err != nil {
			return 0
		}
		res.Body.Close()
		return res.StatusCode
	}
	waitFor := func(what string, ok func() bool) {
		t.Helper()
		for deadline := time.Now().Add(30 * time.Second); !ok(); time.Sleep(50 * time.Millisecond) {
			select {
			case err := <-done:
				t.Fatalf("%s: serve returned %v\n%s", what, err, logs.String())
			default:
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s: gave up waiting\n%s", what, logs.String())
			}
		}
	}
	waitFor("server up with the database away", func() bool { return status("/readyz") == http.StatusServiceUnavailable })
	if got := status("/kurser"); got != http.StatusServiceUnavailable {
		t.Fatalf("/kurser with the database away: %d, want 503", got)
	}
	waitFor("the workers' failed start in the log", func() bool {
		return strings.Contains(logs.String(), "background jobs not started")
	})

	proxy.Start()
	waitFor("ready once the database is back", func() bool { return status("/readyz") == http.StatusOK })
	if got := status("/kurser"); got != http.StatusOK {
		t.Fatalf("/kurser with the database back: %d", got)
	}
	st, err := store.Open(context.Background(), url, 1)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	waitFor("the dates' mails were swept", func() bool {
		var n int
		err := st.Pool.QueryRow(context.Background(),
			`SELECT count(*) FROM river_job WHERE kind = 'course_mails' AND state = 'completed'`).Scan(&n)
		return err == nil && n > 0
	})
	stopServe(t, cancel, done)
}
