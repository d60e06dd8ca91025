package enrolment

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/store"
)

// groupsRecorder runs groups by answering each booking with its booker's
// name as the ref, after release is closed; it records the group sizes.
type groupsRecorder struct {
	release chan struct{}
	mu      sync.Mutex
	held    int // bookings in groups waiting for release
	sizes   []int
}

func (g *groupsRecorder) run(ctx context.Context, group []*request) {
	g.mu.Lock()
	g.held += len(group)
	g.mu.Unlock()
	<-g.release
	g.mu.Lock()
	g.sizes = append(g.sizes, len(group))
	g.mu.Unlock()
	for _, r := range group {
		r.done <- answer{Result: Result{Made: Made{Receipt: booking.Receipt{Ref: r.b.Booker.Name}}}, queries: 3}
	}
}

// fill books one booking at a time until maxGroups groups are in flight,
// each holding one booking.
func (g *groupsRecorder) fill(t *testing.T, gs *groups, wg *sync.WaitGroup, answers []string) {
	for i := range maxGroups {
		wg.Go(func() {
			r, err := gs.book(context.Background(), Booking{Booker: booking.Booker{Name: fmt.Sprint(i)}})
			if err != nil {
				t.Error(err)
			}
			answers[i] = r.Ref
		})
		g.await(t, func() bool { return g.held == i+1 })
	}
}

// await waits until cond, called under g.mu, holds.
func (g *groupsRecorder) await(t *testing.T, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(time.Millisecond) {
		g.mu.Lock()
		ok := cond()
		g.mu.Unlock()
		if ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("timed out")
		}
	}
}

// Bookings that arrive while the groups in flight are busy wait and go
// together in the next group; each gets its own answer; and the
// groups' goroutines end when nothing waits.
func TestBookingsThatArriveTogetherGoTogether(t *testing.T) {
	rec := &groupsRecorder{release: make(chan struct{})}
	g := &groups{run: rec.run, log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	const n = 20
	var wg sync.WaitGroup
	refs := make([]string, n)
	rec.fill(t, g, &wg, refs)
	queries := make([]*atomic.Int64, n)
	for i := maxGroups; i < n; i++ {
		var ctx context.Context
		ctx, queries[i] = store.CountQueries(context.Background())
		wg.Go(func() {
			r, err := g.book(ctx, Booking{Booker: booking.Booker{Name: fmt.Sprint(i)}})
			if err != nil {
				t.Error(err)
			}
			refs[i] = r.Ref
		})
	}
	rec.await(t, func() bool {
		g.mu.Lock()
		defer g.mu.Unlock()
		return len(g.waiting) == n-maxGroups
	})
	close(rec.release)
	wg.Wait()
	for i, ref := range refs {
		if ref != fmt.Sprint(i) {
			t.Errorf("booking %d got the answer of %q", i, ref)
		}
		if queries[i] != nil && queries[i].Load() != 3 {
			t.Errorf("booking %d's request counted %d queries, want its share 3", i, queries[i].Load())
		}
	}
	// The groups in flight, one booking each, then one group of all that waited.
	total := 0
	for _, s := range rec.sizes {
		total += s
	}
	if total != n || len(rec.sizes) > maxGroups+1 {
		t.Errorf("group sizes %v: want %d bookings in at most %d groups", rec.sizes, n, maxGroups+1)
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.running != 0 || len(g.waiting) != 0 {
		t.Errorf("after the last group: %d running, %d waiting", g.running, len(g.waiting))
	}
}

// A visitor who gives up before the booking's group has started takes the
// booking away; a panic in a group is every booking's error, not the end of
// the process.
func TestBookingGroupsLetGoAndRecover(t *testing.T) {
	rec := &groupsRecorder{release: make(chan struct{})}
	g := &groups{run: rec.run, log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	var wg sync.WaitGroup
	rec.fill(t, g, &wg, make([]string, maxGroups))
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if _, err := g.book(ctx, Booking{Booker: booking.Booker{Name: "gave up"}}); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("a booking given up while waiting: %v", err)
	}
	close(rec.release)
	wg.Wait()
	for _, s := range rec.sizes {
		if s != 1 {
			t.Errorf("group sizes %v: the booking given up was made", rec.sizes)
		}
	}

	g.run = func(context.Context, []*request) { panic("boom") }
	if _, err := g.book(context.Background(), Booking{}); err == nil {
		t.Error("a group that panicked answered without an error")
	}
}

// A group's queries are shared out over its bookings and add up.
func TestQuerySharesAddUp(t *testing.T) {
	for _, c := range []struct {
		total int64
		n     int
		want  []int64
	}{
		{7, 1, []int64{7}},
		{7, 3, []int64{3, 2, 2}},
		{6, 3, []int64{2, 2, 2}},
		{2, 4, []int64{1, 1, 0, 0}},
	} {
		var got []int64
		for i := range c.n {
			got = append(got, queryShare(c.total, i, c.n))
		}
		if fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("%d queries over %d: %v, want %v", c.total, c.n, got, c.want)
		}
	}
}
