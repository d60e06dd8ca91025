package server_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
)

// A double click posts one form twice at the same moment: both posts end
// on the receipt of the one booking made, never on "already booked". The
// two go to the same booking group or to two at once, as they happen to
// arrive; twenty tries cover both.
func TestDoublePostEndsOnTheSameReceipt(t *testing.T) {
	s := newSite(t)
	ctx := context.Background()
	a, _ := seedDates(t, s.Store)
	if _, err := s.Store.Pool.Exec(ctx, `UPDATE course_dates SET capacity = 100, seats_taken = 0 WHERE id = $1`, a); err != nil {
		t.Fatal(err)
	}
	const tries = 20
	for i := range tries {
		form := enrolment(fmt.Sprintf("tok-double-%d", i), []int64{a}, fmt.Sprintf("Dobbelt %d <dobbelt%d@aarhus.dk>", i, i))
		browser := &site{Server: s.Server, Store: s.Store, Client: newClient()}
		var (
			wg     sync.WaitGroup
			start  = make(chan struct{})
			status [2]int
			loc    [2]string
		)
		for k := range 2 {
			wg.Go(func() {
				<-start
				req, _ := http.NewRequest(http.MethodPost, s.URL+"/tilmelding", strings.NewReader(form.Encode()))
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				req.Header.Set("Sec-Fetch-Site", "same-origin")
				res, err := browser.Client.Do(req)
				if err != nil {
					t.Error(err)
					return
				}
				res.Body.Close()
				status[k], loc[k] = res.StatusCode, res.Header.Get("Location")
			})
		}
		close(start)
		wg.Wait()
		if status != [2]int{http.StatusSeeOther, http.StatusSeeOther} || loc[0] != loc[1] || !strings.HasSuffix(loc[0], "/kvittering") {
			t.Errorf("try %d: %v to %q", i, status, loc)
			continue
		}
		if code, body := browser.get(t, loc[0]); code != http.StatusOK || !strings.Contains(body, fmt.Sprintf("Dobbelt %d", i)) {
			t.Errorf("try %d: the receipt answers %d", i, code)
		}
	}
	var bookings, seats int
	s.Store.Pool.QueryRow(ctx, `SELECT count(*), (SELECT count(*) FROM participants p JOIN bookings b ON b.id = p.booking_id WHERE p.date_id = $1 AND `+notDemo+`) FROM bookings b WHERE `+notDemo, a).Scan(&bookings, &seats)
	if bookings != tries || seats != tries {
		t.Fatalf("%d bookings, %d participants; want %d of each", bookings, seats, tries)
	}
}
