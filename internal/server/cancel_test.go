package server_test

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"
)

// A confirmation names the plan it was shown: when the deadline passes
// between the step and the confirmation, nothing is cancelled and the step
// shows the new cost (409). The whole booking can be cancelled weeks
// before the deadline, and a confirmation sent twice ends on the manage
// page.
func TestCancelConfirmsThePlanShown(t *testing.T) {
	s := newSite(t)
	ctx := context.Background()
	a, b := seedDates(t, s.Store)
	_, loc, _ := s.post(t, "/tilmelding", enrolment("tok-plan", []int64{a, b}, "Anna Andersen <anna@aarhus.dk>"))
	_, body := s.get(t, loc)
	manage := manageLink.FindString(body)
	var seat int64
	s.Store.Pool.QueryRow(ctx, `SELECT id FROM participants WHERE email = 'anna@aarhus.dk' AND date_id = $1`, a).Scan(&seat)

	_, step := s.get(t, manage+"/afmeld?plads="+strconv.FormatInt(seat, 10))
	mustContain(t, step, "Gratis, fordi tilmeldingsfristen (25.01.2027) ikke er overskredet", "Ny pris, fordi pakkeprisen ikke længere gælder")
	shown := html.UnescapeString(confirmCode.FindStringSubmatch(step)[1])
	s.Clock.Advance(70 * 24 * time.Hour) // past the first module's deadline, before its start
	status, _, body := s.post(t, manage+"/afmeld", url.Values{"plads": {strconv.FormatInt(seat, 10)}, "bekraeft": {shown}})
	if status != http.StatusConflict {
		t.Fatalf("a confirmation of another plan: %d", status)
	}
	mustContain(t, body, "Prisen har ændret sig", "Bindende: 4.997,50 kr. ekskl. moms skal betales")
	if st, _ := statusOf(t, s, seat); st != "confirmed" {
		t.Fatalf("cancelled on a plan not shown: %s", st)
	}

	// The whole booking: the first module binding now, the second free.
	status, back, step := s.cancel(t, manage)
	if status != http.StatusSeeOther || !strings.Contains(back, "besked=afmeldt") {
		t.Fatalf("whole booking: %d %q", status, back)
	}
	mustContain(t, step, "Afmeld hele tilmeldingen", "Bindende: 6.750 kr.", "Gratis, fordi tilmeldingsfristen (14.03.2027)")
	var left int
	s.Store.Pool.QueryRow(ctx, `SELECT count(*) FROM participants p JOIN bookings b ON b.id = p.booking_id WHERE p.status <> 'cancelled' AND `+notDemo).Scan(&left)
	if left != 0 {
		t.Fatalf("%d seats left after cancelling the whole booking", left)
	}
	// Sent twice: nothing left to cancel, back to the manage page.
	if status, back, _ := s.post(t, manage+"/afmeld", url.Values{"alle": {"1"}, "bekraeft": {"x"}}); status != http.StatusSeeOther || !strings.HasSuffix(back, "besked=afmeldt") {
		t.Fatalf("the whole booking again: %d %q", status, back)
	}
	_, body = s.get(t, manage)
	if strings.Contains(body, "Afmeld hele tilmeldingen") {
		t.Error("the manage page offers to cancel a booking with nothing left")
	}
}
