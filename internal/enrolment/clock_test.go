package enrolment_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"kursuskatalog/internal/store"
)

// clock is the service's clock in these tests, moved by hand.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = t
}

func (c *clock) add(d time.Duration) { c.set(c.now().Add(d)) }

// withoutDemoBookings deletes the demo's bookings and sets every date's
// seats taken to what is left.
func withoutDemoBookings(t *testing.T, st *store.Store) {
	t.Helper()
	if _, err := st.Pool.Exec(context.Background(), `DELETE FROM bookings WHERE ref LIKE 'COK-DEMO-%';
		UPDATE course_dates d SET seats_taken = (SELECT count(*) FROM participants p WHERE p.date_id = d.id AND p.status = 'confirmed')`); err != nil {
		t.Fatal(err)
	}
}
