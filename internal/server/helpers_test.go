package server_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"kursuskatalog/internal/demo"
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
}

// newSite starts the real server on a fresh database with the demo
// catalogue loaded.
func newSite(t *testing.T) *site {
	t.Helper()
	st, _ := testdb.Store(t)
	if _, err := demo.Load(context.Background(), st, testNow, 0); err != nil {
		t.Fatal(err)
	}
	return startSite(t, st)
}

func startSite(t *testing.T, st *store.Store) *site {
	t.Helper()
	assets, err := static.Load()
	if err != nil {
		t.Fatal(err)
	}
	base, _ := url.Parse("http://kurser.test")
	srv := server.New(server.Deps{
		Store: st, Assets: assets, BaseURL: base,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Now:    func() time.Time { return testNow },
	})
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	return &site{Server: ts, Store: st, Client: client}
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
