package store

import (
	"context"
	"sync/atomic"

	"github.com/jackc/pgx/v5"
)

type queryCounterKey struct{}

// CountQueries returns a context under which every query the store runs is
// counted in n. The server counts per request, to log it and so that tests
// can show a page costs a fixed number of queries.
func CountQueries(ctx context.Context) (context.Context, *atomic.Int64) {
	n := new(atomic.Int64)
	return context.WithValue(ctx, queryCounterKey{}, n), n
}

// queryTracer counts queries for contexts made by CountQueries.
type queryTracer struct{}

func (queryTracer) TraceQueryStart(ctx context.Context, _ *pgx.Conn, _ pgx.TraceQueryStartData) context.Context {
	if n, ok := ctx.Value(queryCounterKey{}).(*atomic.Int64); ok {
		n.Add(1)
	}
	return ctx
}

func (queryTracer) TraceQueryEnd(context.Context, *pgx.Conn, pgx.TraceQueryEndData) {}

// Pipelined batches count each of their queries.
func (queryTracer) TraceBatchStart(ctx context.Context, _ *pgx.Conn, _ pgx.TraceBatchStartData) context.Context {
	return ctx
}

func (queryTracer) TraceBatchQuery(ctx context.Context, _ *pgx.Conn, _ pgx.TraceBatchQueryData) {
	if n, ok := ctx.Value(queryCounterKey{}).(*atomic.Int64); ok {
		n.Add(1)
	}
}

func (queryTracer) TraceBatchEnd(context.Context, *pgx.Conn, pgx.TraceBatchEndData) {}

// AddQueries counts n more queries for ctx, when it counts them: queries
// run on its behalf under another context (its share of a group of
// bookings made together).
func AddQueries(ctx context.Context, n int64) {
	if c, ok := ctx.Value(queryCounterKey{}).(*atomic.Int64); ok {
		c.Add(n)
	}
}
