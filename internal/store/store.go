// Package store holds all SQL. Functions take a context and return plain
// structs from the catalog and booking packages; a missing row is ErrNotFound.
package store

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgconn/ctxwatch"
	"github.com/jackc/pgx/v5/pgxpool"
)

// ErrNotFound is returned when the row asked for does not exist (or is not
// visible to the public, such as a draft course).
var ErrNotFound = errors.New("store: not found")

// DB is what both a pool and a transaction offer, so that functions can run
// inside a caller's transaction or on their own.
type DB interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
	SendBatch(ctx context.Context, b *pgx.Batch) pgx.BatchResults
}

// Store is the database of one process.
type Store struct {
	Pool *pgxpool.Pool
	// seats is signalled after a transaction that took or freed seats
	// (see PublishSeatChanges); it holds at most one pending signal.
	seats chan struct{}
}

// Open connects a pool. An empty url lets pgx read the standard PG*
// variables. It does not wait for the database: the server must start, and
// answer /readyz with 503, while the database is away.
func Open(ctx context.Context, url string, maxConns int32) (*Store, error) {
	// Statements are prepared once per connection and written so that one
	// plan fits every parameter (the catalogue query is built per filter
	// shape), so Postgres need not plan the first executions for their
	// parameters, which costs more than the search itself on a large
	// catalogue.
	pool, err := openPool(ctx, url, maxConns, "force_generic_plan", true)
	if err != nil {
		return nil, err
	}
	return &Store{Pool: pool, seats: make(chan struct{}, 1)}, nil
}

// OpenForQueue connects the pool River itself uses to fetch, complete and
// tidy jobs in river_job. That table grows from a handful of rows to many
// thousands within a minute of a rush of bookings, and a generic plan made
// while it was small (sequential scans) stays in use until autovacuum's
// next ANALYZE. Planned at every execution, River's statements see the
// table's current size. (Generic plans without sequential scans, as in
// OpenForJobs, do not suit River's fetch; the README's benchmark section
// has the figures.)
func OpenForQueue(ctx context.Context, url string, maxConns int32) (*pgxpool.Pool, error) {
	return openPool(ctx, url, maxConns, "force_custom_plan", true)
}

// OpenForJobs connects the pool of the workers' own statements: composing,
// recording and sending mails, and the daily clean-up. The mail statements
// find rows by key (a booking, its dates and participants, a mail by id), so
// a sequential scan is never the right plan for them, yet Postgres picks one
// for a statement first planned while outgoing_mails was nearly empty, and
// keeps it while the table grows. The clean-up's deletes by time walk an
// index instead, once a day. With sequential scans off, a plan made once
// stays right, and the statements keep generic plans, which spares the
// planning of every execution. Seats taken or freed through the returned
// store are announced by s's PublishSeatChanges, so a process runs one
// publisher.
func (s *Store) OpenForJobs(ctx context.Context, url string, maxConns int32) (*Store, error) {
	pool, err := openPool(ctx, url, maxConns, "force_generic_plan", false)
	if err != nil {
		return nil, err
	}
	return &Store{Pool: pool, seats: s.seats}, nil
}

// openPool connects a pool with the session settings every pool shares and
// the planner settings of its kind.
// cancelGrace is how long a statement whose request was cancelled may
// still run: longer than a page's statements take.
const cancelGrace = 100 * time.Millisecond

func openPool(ctx context.Context, url string, maxConns int32, planCacheMode string, seqScans bool) (*pgxpool.Pool, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("parse database url: %w", err)
	}
	if maxConns > 0 {
		cfg.MaxConns = maxConns
	}
	cfg.ConnConfig.ConnectTimeout = 5 * time.Second
	cfg.ConnConfig.RuntimeParams["timezone"] = "Europe/Copenhagen"
	cfg.ConnConfig.RuntimeParams["application_name"] = "katalog"
	// Typo tolerance of the catalogue search (titleSimilarity) for the
	// queries Postgres matches.
	cfg.ConnConfig.RuntimeParams["pg_trgm.word_similarity_threshold"] = strconv.FormatFloat(titleSimilarity, 'f', -1, 32)
	// JIT compilation pays off for long analytical queries; the planner's
	// row estimates over CTEs trigger it for the catalogue's short ones,
	// where compiling costs more than running.
	cfg.ConnConfig.RuntimeParams["jit"] = "off"
	// Facet counts sort and hash the upcoming dates; the default 4 MB spills
	// to disk on a large catalogue.
	cfg.ConnConfig.RuntimeParams["work_mem"] = "16MB"
	cfg.ConnConfig.RuntimeParams["plan_cache_mode"] = planCacheMode
	if !seqScans {
		cfg.ConnConfig.RuntimeParams["enable_seqscan"] = "off"
	}
	cfg.HealthCheckPeriod = 5 * time.Second
	cfg.ConnConfig.Tracer = queryTracer{}
	// A visitor who leaves before the page is done cancels the request's
	// context. pgx's default is then to close the connection, and the next
	// request pays for a new server process: its caches and every
	// statement's plan again, which under load stalls the pages behind it.
	// Instead a running statement may finish for cancelGrace, then
	// Postgres is asked to cancel it; the connection stays in the pool.
	cfg.ConnConfig.BuildContextWatcherHandler = func(c *pgconn.PgConn) ctxwatch.Handler {
		return &pgconn.CancelRequestContextWatcherHandler{Conn: c, CancelRequestDelay: cancelGrace, DeadlineDelay: time.Second}
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("open pool: %w", err)
	}
	return pool, nil
}

// Close releases every connection.
func (s *Store) Close() { s.Pool.Close() }

// Ping answers whether the database can be reached now.
func (s *Store) Ping(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	return s.Pool.Ping(ctx)
}

// CommitUnknownError means the connection failed while COMMIT was under
// way: the transaction may or may not have been committed. Any other error
// of InTx means it was not (Postgres rolls back the transaction of a client
// that goes away before COMMIT).
type CommitUnknownError struct{ Err error }

func (e *CommitUnknownError) Error() string { return "store: commit outcome unknown: " + e.Err.Error() }
func (e *CommitUnknownError) Unwrap() error { return e.Err }

// InTx runs fn in a transaction, committing when it returns nil.
func (s *Store) InTx(ctx context.Context, fn func(tx pgx.Tx) error) error {
	tx, err := s.Pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx) // a no-op after Commit
	if err := fn(tx); err != nil {
		return err
	}
	if err := tx.Commit(ctx); err != nil {
		// Only an answer from Postgres says for sure. pgconn's "safe to
		// retry" is no proof here: a connection closed while the answer to
		// COMMIT was awaited reports "conn closed" as a safe lock error,
		// and the test of an outage under load caught such a commit
		// that had in fact gone through.
		var pgErr *pgconn.PgError
		if errors.As(err, &pgErr) {
			return err
		}
		return &CommitUnknownError{Err: err}
	}
	return nil
}

func notFound(err error) error {
	if errors.Is(err, pgx.ErrNoRows) {
		return ErrNotFound
	}
	return err
}
