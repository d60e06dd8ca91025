package store_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"kursuskatalog/internal/testdb"
)

// Tries taken at the same moment are counted one after another: with two
// free tries, exactly two of twenty pass; a refused try changes nothing;
// after the wait the next try is taken; a quiet key starts again; and a key
// of any length fits.
func TestTakeLoginAttempt(t *testing.T) {
	st, _ := testdb.Store(t)
	ctx := context.Background()
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	delays := []time.Duration{0, time.Second, 4 * time.Second}
	var wg sync.WaitGroup
	var mu sync.Mutex
	passed := 0
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ok, _, err := st.TakeLoginAttempt(ctx, "konto:ida@cok.dk", now, time.Hour, delays)
			if err != nil {
				t.Error(err)
			}
			mu.Lock()
			if ok {
				passed++
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	if passed != 2 {
		t.Fatalf("%d tries passed at once, want 2", passed)
	}
	ok, next, err := st.TakeLoginAttempt(ctx, "konto:ida@cok.dk", now.Add(500*time.Millisecond), time.Hour, delays)
	if err != nil || ok || !next.Equal(now.Add(time.Second)) {
		t.Fatalf("during the wait: %v %v %v", ok, next, err)
	}
	if ok, _, _ := st.TakeLoginAttempt(ctx, "konto:ida@cok.dk", now.Add(time.Second), time.Hour, delays); !ok {
		t.Fatal("after the wait the try is refused")
	}
	if _, next, _ := st.TakeLoginAttempt(ctx, "konto:ida@cok.dk", now.Add(2*time.Second), time.Hour, delays); !next.Equal(now.Add(5 * time.Second)) {
		t.Fatalf("the third wait ends %v, want 4 s after the third try", next)
	}
	if ok, _, _ := st.TakeLoginAttempt(ctx, "konto:ida@cok.dk", now.Add(2*time.Hour), time.Hour, delays); !ok {
		t.Fatal("a quiet key does not start again")
	}
	long := "konto:" + strings.Repeat("a", 2700) + "@cok.dk"
	if _, _, err := st.TakeLoginAttempt(ctx, long, now, time.Hour, delays); err != nil {
		t.Fatalf("a long key: %v", err)
	}
	if err := st.ClearLoginAttempts(ctx, "konto:ida@cok.dk", long); err != nil {
		t.Fatal(err)
	}
}
