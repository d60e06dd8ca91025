package server_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/testdb"
)

// A database restart ends every connection (SQLSTATE 57P01) while the
// pool still holds them. The request that meets such a connection gets the
// calm Danish 503 page, never the 500 page; the next ones work again.
func TestARestartedDatabaseAnswersTheUnavailablePage(t *testing.T) {
	st, dbURL := testdb.Store(t)
	loadDemo(t, st)
	s := startSite(t, st)
	ctx := context.Background()
	other, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close(ctx)
	unavailable := 0
	for _, path := range []string{"/kurser/politisk-forstaaelse", "/kurser", "/forloeb/fremtidens-politikerbetjening", "/kontakt"} {
		if status, _ := s.get(t, path); status != http.StatusOK {
			t.Fatalf("%s before the restart: %d", path, status)
		}
		// Every backend of the site ends, as in a restart (fast shutdown).
		if _, err := other.Exec(ctx, `SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity
			WHERE datname = current_database() AND pid <> pg_backend_pid()`); err != nil {
			t.Fatal(err)
		}
		status, body := s.get(t, path)
		switch {
		case status == http.StatusServiceUnavailable && strings.Contains(body, "midlertidigt utilgængeligt"):
			unavailable++
		case status != http.StatusOK:
			t.Errorf("%s after the restart: %d, want 503 or 200", path, status)
		}
		if status, _ := s.get(t, path); status != http.StatusOK {
			t.Errorf("%s once the pool has mended: %d", path, status)
		}
	}
	if unavailable == 0 {
		t.Fatal("no request met a connection that the restart had ended")
	}
}
