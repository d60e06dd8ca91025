package server

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/jobs"
	"kursuskatalog/internal/store"
)

// Bookings posted at the same time are made together, in one transaction
// per group (store.BookMany): in Postgres a booking costs mostly per
// statement and round trip, and a group of ten costs little more than one.
// A booking that arrives while maxGroups groups are in flight waits for the
// next group; one that arrives alone is made at once, as before.
//
// Measured with make bench's bookings (32 connections, 10 s, mail workers
// running, 2 cores): one transaction per booking took 650–770 a second.
// In groups, with at most 1, 2, 4 and 8 groups in flight: 1,627, 1,678,
// 1,372 and 1,158 a second (p99 186, 38, 69 and 251 ms). Two keep one
// group working while the other waits for its commit to reach the disk;
// more groups are smaller and cost more statements per booking.
const (
	maxGroups    = 2
	maxGroupSize = 32
	// groupTimeout bounds a group's transaction. It is not the request's:
	// a visitor who gives up must not abort the bookings of the others.
	groupTimeout = 15 * time.Second
)

// bookingGroups gathers the bookings waiting for a group. It starts no
// goroutine of its own until bookings arrive, and its goroutines end when
// none are waiting.
type bookingGroups struct {
	run func(ctx context.Context, group []*bookRequest)
	log *slog.Logger

	mu      sync.Mutex
	waiting []*bookRequest
	running int // groups in flight
}

// bookRequest is one booking waiting for its group, and its answer.
type bookRequest struct {
	nb        store.NewBooking
	manageURL string
	done      chan bookAnswer // buffered: the group never waits for the handler
}

// bookAnswer is what became of a booking, and its share of the group's
// database queries, for the request's log and metrics.
type bookAnswer struct {
	store.Booked
	queries int64
}

// queryShare is the share of booking i of n in a group's total queries:
// the shares add up to the total.
func queryShare(total int64, i, n int) int64 {
	share := total / int64(n)
	if int64(i) < total%int64(n) {
		share++
	}
	return share
}

// book makes nb with the bookings posted beside it. When ctx ends before
// the booking's group has started, the booking is not made; after that,
// it is made or not whatever the visitor does, and the form token makes a
// second post of the form show it.
func (g *bookingGroups) book(ctx context.Context, nb store.NewBooking, manageURL string) (booking.Receipt, error) {
	req := &bookRequest{nb: nb, manageURL: manageURL, done: make(chan bookAnswer, 1)}
	g.mu.Lock()
	g.waiting = append(g.waiting, req)
	if g.running < maxGroups {
		g.running++
		go g.drain(context.WithoutCancel(ctx))
	}
	g.mu.Unlock()
	var ans bookAnswer
	select {
	case ans = <-req.done:
	case <-ctx.Done():
		g.mu.Lock()
		if i := slices.Index(g.waiting, req); i >= 0 {
			g.waiting = slices.Delete(g.waiting, i, i+1)
			g.mu.Unlock()
			return booking.Receipt{}, ctx.Err()
		}
		g.mu.Unlock()
		// Its group has started: the answer comes.
		ans = <-req.done
	}
	store.AddQueries(ctx, ans.queries)
	return ans.Receipt, ans.Err
}

// drain makes groups of the waiting bookings until none wait. ctx carries
// the values of the request that started it; each group counts its
// queries anew and shares them out (see bookGroup).
func (g *bookingGroups) drain(ctx context.Context) {
	for {
		g.mu.Lock()
		n := min(len(g.waiting), maxGroupSize)
		if n == 0 {
			g.running--
			g.mu.Unlock()
			return
		}
		group := slices.Clone(g.waiting[:n])
		g.waiting = slices.Delete(g.waiting, 0, n)
		g.mu.Unlock()
		g.runOne(ctx, group)
	}
}

// runOne makes one group; a panic becomes every booking's error, as the
// panic middleware does for a request, instead of ending the process.
func (g *bookingGroups) runOne(ctx context.Context, group []*bookRequest) {
	defer func() {
		if v := recover(); v != nil {
			err := fmt.Errorf("booking group panicked: %v", v)
			g.log.Error("booking group", slog.Any("err", err))
			for _, r := range group {
				select {
				case r.done <- bookAnswer{Booked: store.Booked{Err: err}}:
				default: // answered before the panic
				}
			}
		}
	}()
	ctx, cancel := context.WithTimeout(ctx, groupTimeout)
	defer cancel()
	g.run(ctx, group)
}

// bookGroup makes a group of bookings in one transaction, with the jobs
// that mail them, and answers each with its share of the queries: counted
// under the context of the request that started the drain, they would go
// to that request alone, or nowhere once it has been answered.
func (s *Server) bookGroup(ctx context.Context, group []*bookRequest) {
	ctx, queries := store.CountQueries(ctx)
	nbs := make([]store.NewBooking, len(group))
	for i, r := range group {
		nbs[i] = r.nb
	}
	res := s.store.BookMany(ctx, nbs, s.now(), func(ctx context.Context, tx pgx.Tx, made []store.Made) error {
		args := make([]jobs.BookingMail, len(made))
		for k, m := range made {
			args[k] = jobs.BookingMail{BookingID: m.Receipt.ID, ManageURL: group[m.Index].manageURL}
		}
		return s.jobs.QueueBookingMails(ctx, tx, args...)
	})
	for i, r := range group {
		r.done <- bookAnswer{Booked: res[i], queries: queryShare(queries.Load(), i, len(group))}
	}
}
