package enrolment

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"sync"
	"time"

	"kursuskatalog/internal/store"
)

// Bookings posted at the same time are made together, in one transaction
// per group (BookMany): in Postgres a booking costs mostly per statement
// and round trip, and a group of ten costs little more than one. A booking
// that arrives while maxGroups groups are in flight waits for the next
// group; one that arrives alone is made at once. Two groups in flight keep
// one working while the other waits for its commit to reach the disk; more
// make smaller groups and more statements per booking (the README's
// benchmark section has the figures).
const (
	maxGroups    = 2
	maxGroupSize = 32
	// groupTimeout bounds a group's transaction. It is not the request's:
	// a visitor who gives up must not abort the bookings of the others.
	groupTimeout = 15 * time.Second
)

// groups gathers the bookings waiting for a group. It starts no goroutine
// of its own until bookings arrive, and its goroutines end when none are
// waiting.
type groups struct {
	run func(ctx context.Context, group []*request)
	log *slog.Logger

	mu      sync.Mutex
	waiting []*request
	running int // groups in flight
}

// request is one booking waiting for its group, and its answer.
type request struct {
	b    Booking
	done chan answer // buffered: the group never waits for the caller
}

// answer is what became of a booking, and its share of the group's
// database queries, for the request's log and metrics.
type answer struct {
	Result
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

// book makes b with the bookings posted beside it. When ctx ends before
// the booking's group has started, the booking is not made; after that,
// it is made or not whatever the caller does, and the form token makes a
// second post of the form show it.
func (g *groups) book(ctx context.Context, b Booking) (Made, error) {
	req := &request{b: b, done: make(chan answer, 1)}
	g.mu.Lock()
	g.waiting = append(g.waiting, req)
	if g.running < maxGroups {
		g.running++
		go g.drain(context.WithoutCancel(ctx))
	}
	g.mu.Unlock()
	var ans answer
	select {
	case ans = <-req.done:
	case <-ctx.Done():
		g.mu.Lock()
		if i := slices.Index(g.waiting, req); i >= 0 {
			g.waiting = slices.Delete(g.waiting, i, i+1)
			g.mu.Unlock()
			return Made{}, ctx.Err()
		}
		g.mu.Unlock()
		// Its group has started: the answer comes.
		ans = <-req.done
	}
	store.AddQueries(ctx, ans.queries)
	return ans.Made, ans.Err
}

// drain makes groups of the waiting bookings until none wait. ctx carries
// the values of the request that started it; each group counts its
// queries anew and shares them out (see bookGroup).
func (g *groups) drain(ctx context.Context) {
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
func (g *groups) runOne(ctx context.Context, group []*request) {
	defer func() {
		if v := recover(); v != nil {
			err := fmt.Errorf("booking group panicked: %v", v)
			g.log.Error("booking group", slog.Any("err", err))
			for _, r := range group {
				select {
				case r.done <- answer{Result: Result{Err: err}}:
				default: // answered before the panic
				}
			}
		}
	}()
	ctx, cancel := context.WithTimeout(ctx, groupTimeout)
	defer cancel()
	g.run(ctx, group)
}

// bookGroup makes a group of bookings in one transaction and answers each
// with its share of the queries: counted under the context of the request
// that started the drain, they would go to that request alone, or nowhere
// once it has been answered.
func (s *Service) bookGroup(ctx context.Context, group []*request) {
	ctx, queries := store.CountQueries(ctx)
	bs := make([]Booking, len(group))
	for i, r := range group {
		bs[i] = r.b
	}
	res := s.BookMany(ctx, bs)
	for i, r := range group {
		r.done <- answer{Result: res[i], queries: queryShare(queries.Load(), i, len(group))}
	}
}
