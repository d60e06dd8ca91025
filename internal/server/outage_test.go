package server_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// The database goes away in the middle of a stream of bookings and comes
// back. The server keeps answering (a calm Danish 503 with the form while
// it is away), recovers by itself, and afterwards every booking is either
// whole or absent: a 303 always has its booking, resending a form whose
// answer was unsure never books twice, and seats match participants.
func TestBookingsSurviveADatabaseOutage(t *testing.T) {
	direct, proxy, st := storeBehindProxy(t)
	a, b := seedDates(t, direct)
	emptyDate(t, direct, a, 1000)
	emptyDate(t, direct, b, 1000)
	s := startSite(t, st)

	type result struct {
		token  string
		status int
		body   string
	}
	var mu sync.Mutex
	var results []result
	var wg sync.WaitGroup
	stopAt := time.Now().Add(1500 * time.Millisecond)
	for w := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			client := newClient()
			for i := 0; time.Now().Before(stopAt); i++ {
				token := fmt.Sprintf("tok-%d-%d", w, i)
				form := enrolment(token, []int64{a, b}, fmt.Sprintf("D %d %d <d%d-%d@kommune.dk>", w, i, w, i))
				req, _ := http.NewRequest(http.MethodPost, s.URL+"/tilmelding", strings.NewReader(form.Encode()))
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				res, err := client.Do(req)
				if err != nil {
					t.Errorf("the server itself failed: %v", err)
					return
				}
				var buf strings.Builder
				b := make([]byte, 32<<10)
				for {
					n, err := res.Body.Read(b)
					buf.Write(b[:n])
					if err != nil {
						break
					}
				}
				res.Body.Close()
				mu.Lock()
				results = append(results, result{token, res.StatusCode, buf.String()})
				mu.Unlock()
			}
		}()
	}
	time.Sleep(400 * time.Millisecond)
	proxy.Stop()
	time.Sleep(500 * time.Millisecond)
	proxy.Start()
	wg.Wait()

	ctx := context.Background()
	var ok, unavailable, unsure int
	var resend []string
	for _, r := range results {
		switch {
		case r.status == http.StatusSeeOther:
			ok++
			var n int
			direct.Pool.QueryRow(ctx, `SELECT count(*) FROM participants p JOIN bookings b ON b.id = p.booking_id WHERE b.form_token_hash = sha256($1::bytea)`, []byte(r.token)).Scan(&n)
			if n != 2 {
				t.Errorf("booking %s answered 303 but has %d seats, want 2", r.token, n)
			}
		case r.status == http.StatusServiceUnavailable && strings.Contains(r.body, "Der er ikke tilmeldt nogen"):
			unavailable++
			var n int
			direct.Pool.QueryRow(ctx, `SELECT count(*) FROM bookings WHERE form_token_hash = sha256($1::bytea)`, []byte(r.token)).Scan(&n)
			if n != 0 {
				t.Errorf("booking %s said nothing was booked, but it was", r.token)
			}
			if !strings.Contains(r.body, `value="`+r.token+`"`) {
				t.Errorf("the 503 page lost the form")
			}
		case r.status == http.StatusServiceUnavailable && strings.Contains(r.body, "Send den igen"):
			unsure++
			resend = append(resend, r.token)
		default:
			t.Errorf("booking %s: status %d", r.token, r.status)
		}
	}
	t.Logf("%d booked, %d refused while the database was away, %d unsure", ok, unavailable, unsure)
	if ok == 0 || unavailable+unsure == 0 {
		t.Fatalf("the outage did not happen during the bookings (%d ok, %d unavailable, %d unsure)", ok, unavailable, unsure)
	}

	// The server recovers by itself; resending an unsure form books at most once.
	within(t, 10*time.Second, func() bool { st, _ := s.get(t, "/readyz"); return st == 200 })
	for _, token := range resend {
		parts := strings.SplitN(strings.TrimPrefix(token, "tok-"), "-", 2)
		form := enrolment(token, []int64{a, b}, fmt.Sprintf("D %s %s <d%s-%s@kommune.dk>", parts[0], parts[1], parts[0], parts[1]))
		if status, _, _ := s.post(t, "/tilmelding", form); status != http.StatusSeeOther {
			t.Errorf("resending %s: %d", token, status)
		}
	}
	var bookings, seats int
	direct.Pool.QueryRow(ctx, `SELECT count(*) FROM bookings b WHERE `+notDemo).Scan(&bookings)
	// Every booking has both its places, a seat or (on a machine fast
	// enough to book over 1,000 before the outage) a place on the list.
	direct.Pool.QueryRow(ctx, `SELECT count(*) FROM participants p JOIN bookings b ON b.id = p.booking_id
		WHERE p.status IN ('confirmed', 'waitlisted') AND `+notDemo).Scan(&seats)
	var takenA, takenB, confA, confB int
	direct.Pool.QueryRow(ctx, `SELECT seats_taken FROM course_dates WHERE id = $1`, a).Scan(&takenA)
	direct.Pool.QueryRow(ctx, `SELECT seats_taken FROM course_dates WHERE id = $1`, b).Scan(&takenB)
	direct.Pool.QueryRow(ctx, `SELECT count(*) FROM participants WHERE date_id = $1 AND status = 'confirmed'`, a).Scan(&confA)
	direct.Pool.QueryRow(ctx, `SELECT count(*) FROM participants WHERE date_id = $1 AND status = 'confirmed'`, b).Scan(&confB)
	if bookings != ok+len(resend) || seats != 2*bookings || takenA != confA || takenB != confB {
		t.Fatalf("bookings %d (want %d), places %d, seats_taken %d/%d vs confirmed %d/%d", bookings, ok+len(resend), seats, takenA, takenB, confA, confB)
	}
}
