package store_test

import (
	"context"
	"testing"
	"time"

	"kursuskatalog/internal/store"
	"kursuskatalog/internal/testdb"
)

// A request that ends while its statement runs (a visitor who leaves, or
// the request's time running out) does not cost the pool its connection:
// a short statement may finish, a long one is cancelled by Postgres, and
// the next statement runs on the same server process. A statement cut
// off by the time limit still counts as the database being unavailable.
func TestCancelledStatementKeepsItsConnection(t *testing.T) {
	st, err := store.Open(context.Background(), testdb.New(t), 1)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	pid := func() int {
		t.Helper()
		var p int
		if err := st.Pool.QueryRow(context.Background(), `SELECT pg_backend_pid()`).Scan(&p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	before := pid()

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	var done bool
	if err := st.Pool.QueryRow(ctx, `SELECT true FROM pg_sleep(0.03)`).Scan(&done); err != nil || !done {
		t.Errorf("a statement that ends within the grace: %v, %v", done, err)
	}
	if after := pid(); after != before {
		t.Fatalf("after a short statement's request ended: process %d, want %d", after, before)
	}

	ctx, cancel = context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err = st.Pool.Exec(ctx, `SELECT pg_sleep(10)`)
	if took := time.Since(start); err == nil || took > 2*time.Second {
		t.Fatalf("a long statement after its request ended: %v after %v", err, took)
	}
	if !store.IsUnavailable(err) {
		t.Errorf("a long statement cut off: %v (%T), want an outage", err, err)
	}
	if after := pid(); after != before {
		t.Fatalf("after a long statement was cancelled: process %d, want %d", after, before)
	}
}
