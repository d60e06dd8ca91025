package store_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

	"kursuskatalog/internal/store"
	"kursuskatalog/internal/testdb"
)

// A database that goes away while a statement runs fails it with one of
// these; each is an outage (the 503 page), not a fault of the statement.
func TestIsUnavailableKnowsAnOutage(t *testing.T) {
	outage := []error{
		&pgconn.PgError{Severity: "FATAL", Code: "57P01", Message: "terminating connection due to administrator command"},
		&pgconn.PgError{Severity: "FATAL", Code: "57P02", Message: "terminating connection because of crash of another server process"},
		&pgconn.PgError{Severity: "FATAL", Code: "57P03", Message: "the database system is starting up"},
		&pgconn.PgError{Code: "08006"}, &pgconn.PgError{Code: "08003"}, &pgconn.PgError{Code: "08000"},
		&pgconn.PgError{Code: "53300"}, &pgconn.PgError{Code: "25006"}, &pgconn.PgError{Code: "57014"},
		fmt.Errorf("course page: %w", &pgconn.PgError{Code: "57P01"}),
		fmt.Errorf("read: %w", io.ErrUnexpectedEOF),
		fmt.Errorf("read: %w", io.EOF),
		pgconn.ErrConnClosed,
		context.DeadlineExceeded,
	}
	for _, err := range outage {
		if !store.IsUnavailable(err) {
			t.Errorf("%v (%T) is not taken for an outage", err, err)
		}
	}
	notOutage := []error{
		nil, store.ErrNotFound, errors.New("render"),
		&pgconn.PgError{Code: "23505"}, &pgconn.PgError{Code: "22001"}, &pgconn.PgError{Code: "40001"},
		&store.CommitUnknownError{Err: io.ErrUnexpectedEOF},
	}
	for _, err := range notOutage {
		if store.IsUnavailable(err) {
			t.Errorf("%v (%T) is taken for an outage", err, err)
		}
	}
}

// A connection ended by the server (as in a restart) fails the next query
// on it, and that failure is an outage.
func TestATerminatedConnectionIsAnOutage(t *testing.T) {
	st, _ := testdb.Store(t)
	ctx := context.Background()
	conn, err := st.Pool.Acquire(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Release()
	var pid int
	if err := conn.QueryRow(ctx, `SELECT pg_backend_pid()`).Scan(&pid); err != nil {
		t.Fatal(err)
	}
	other, err := st.Pool.Acquire(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var done bool
	err = other.QueryRow(ctx, `SELECT pg_terminate_backend($1, 5000)`, pid).Scan(&done)
	other.Release()
	if err != nil || !done {
		t.Fatalf("terminate: %v %v", done, err)
	}
	_, err = conn.Exec(ctx, `SELECT 1`)
	if err == nil {
		t.Fatal("a query on a terminated connection succeeded")
	}
	if !store.IsUnavailable(err) {
		t.Fatalf("%v (%T) is not taken for an outage", err, err)
	}
}
