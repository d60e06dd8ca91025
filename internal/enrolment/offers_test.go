package enrolment_test

import (
	"context"
	"errors"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/demo"
	"kursuskatalog/internal/enrolment"
	"kursuskatalog/internal/ical"
	"kursuskatalog/internal/invoice"
	"kursuskatalog/internal/jobs"
	"kursuskatalog/internal/store"
	"kursuskatalog/internal/testdb"
)

// world is a database with the demo catalogue, the service on a moved
// clock, and the first dates of the two seed modules (a bundle), emptied.
type world struct {
	outbox    string // the access point's folder
	st        *store.Store
	svc       *enrolment.Service
	clock     *clock
	forst, fo int64 // Politisk forståelse (deadline 25 January 2027), Politisk formidling og dialog
}

func newWorld(t *testing.T, capacity int) *world {
	t.Helper()
	st, _ := testdb.Store(t)
	w := &world{st: st, clock: &clock{t: time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)}}
	ctx := context.Background()
	if _, err := demo.Load(ctx, st, w.clock.now(), 0); err != nil {
		t.Fatal(err)
	}
	err := st.Pool.QueryRow(ctx, `
		SELECT (SELECT d.id FROM course_dates d JOIN courses c ON c.id = d.course_id WHERE c.slug = 'politisk-forstaaelse' ORDER BY d.starts_at LIMIT 1),
		       (SELECT d.id FROM course_dates d JOIN courses c ON c.id = d.course_id WHERE c.slug = 'politisk-formidling-og-dialog' ORDER BY d.starts_at LIMIT 1)`).
		Scan(&w.forst, &w.fo)
	if err != nil {
		t.Fatal(err)
	}
	// The demo's bookings would be invoices due and waiting lists to offer
	// from: these tests count only those they book.
	withoutDemoBookings(t, st)
	if _, err := st.Pool.Exec(ctx, `UPDATE course_dates SET capacity = $3, seats_taken = 0 WHERE id IN ($1, $2)`, w.forst, w.fo, capacity); err != nil {
		t.Fatal(err)
	}
	q, err := jobs.NewQueue(st.Pool)
	if err != nil {
		t.Fatal(err)
	}
	w.outbox = t.TempDir()
	w.svc = enrolment.New(enrolment.Deps{Store: st, Queue: q, BaseURL: "https://kurser.test", Now: w.clock.now,
		AccessPoint: invoice.Outbox{Dir: w.outbox}})
	return w
}

// book makes one booking, by booker, of emails on dates, and returns it.
func (w *world) book(t *testing.T, booker string, dates []int64, emails ...string) enrolment.Made {
	t.Helper()
	b := bookingOn(dates, emails...)
	b.Booker.Email = booker
	res := w.svc.BookMany(context.Background(), []enrolment.Booking{b})
	if res[0].Err != nil {
		t.Fatal(res[0].Err)
	}
	return res[0].Made
}

// cancel confirms and carries out the cancellation of seats (the whole
// booking when none are named) of the booking a manage token opens.
func (w *world) cancel(t *testing.T, manage string, seats ...int64) booking.CancelPlan {
	t.Helper()
	pv, err := w.svc.PreviewCancel(context.Background(), manage, seats)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.svc.CancelSeats(context.Background(), manage, seats, pv.Plan.Key()); err != nil {
		t.Fatal(err)
	}
	return pv.Plan
}

// workOffers does what River would for every offer_pass_on job due by
// the clock, as often as jobs come due, and returns how many it worked.
func (w *world) workOffers(t *testing.T) int {
	t.Helper()
	ctx := context.Background()
	n := 0
	for {
		rows, err := w.st.Pool.Query(ctx, `
			DELETE FROM river_job WHERE kind = 'offer_pass_on' AND scheduled_at <= $1 RETURNING args`, w.clock.now())
		if err != nil {
			t.Fatal(err)
		}
		due, err := pgx.CollectRows(rows, pgx.RowTo[jobs.OfferPassOnArgs])
		if err != nil {
			t.Fatal(err)
		}
		if len(due) == 0 {
			return n
		}
		for _, a := range due {
			if _, err := w.svc.PassOnOffer(ctx, a.OfferID); err != nil {
				t.Fatal(err)
			}
			n++
		}
	}
}

var offerToken = regexp.MustCompile(`/tilbud/([A-Za-z0-9_-]{43})\?svar=ja`)

// offerTo is the token of the newest offer mailed to email.
func (w *world) offerTo(t *testing.T, email string) string {
	t.Helper()
	text := testdb.MailText(t, w.st, `kind = 'offer' AND to_addr = $1`, email)
	m := offerToken.FindStringSubmatch(text)
	if m == nil {
		t.Fatalf("no offer mailed to %s", email)
	}
	return m[1]
}

// seat is a participant's status, whether it binds or is charged, and
// the state of their newest offer ("" when none).
type seatState struct {
	status           string
	binding, charged bool
	offer            string
}

func (w *world) seatOf(t *testing.T, email string, date int64) seatState {
	t.Helper()
	var s seatState
	err := w.st.Pool.QueryRow(context.Background(), `
		SELECT p.status, p.binding, p.charged,
			coalesce((SELECT o.state FROM seat_offers o WHERE o.participant_id = p.id ORDER BY o.id DESC LIMIT 1), '')
		FROM participants p WHERE p.email = $1 AND p.date_id = $2 ORDER BY p.id DESC LIMIT 1`, email, date).
		Scan(&s.status, &s.binding, &s.charged, &s.offer)
	if err != nil {
		t.Fatalf("%s: %v", email, err)
	}
	return s
}

func (w *world) seatsTaken(t *testing.T, date int64) int {
	t.Helper()
	var n int
	w.st.Pool.QueryRow(context.Background(), `SELECT seats_taken FROM course_dates WHERE id = $1`, date).Scan(&n)
	return n
}

// mailText is the newest mail of kind to email, "" when none.
func (w *world) mailText(t *testing.T, kind, email string) string {
	t.Helper()
	return testdb.MailText(t, w.st, `kind = $1 AND to_addr = $2`, kind, email)
}

func seatIDOf(t *testing.T, st *store.Store, email string, date int64) int64 {
	t.Helper()
	var id int64
	if err := st.Pool.QueryRow(context.Background(), `SELECT id FROM participants WHERE email = $1 AND date_id = $2`, email, date).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return id
}

// A seat freed is offered to the first in line, held for them meanwhile.
// "Nej tak" takes them off the list and the seat goes to the next by a
// job at once; silence does the same when the window runs out; "Ja tak"
// takes the seat, not binding before the deadline.
func TestOfferDeclineExpireAndAccept(t *testing.T) {
	w := newWorld(t, 1)
	ctx := context.Background()
	first := w.book(t, "a@odense.dk", []int64{w.forst}, "first@x.dk")
	for _, e := range []string{"w1@x.dk", "w2@x.dk", "w3@x.dk"} {
		w.book(t, e, []int64{w.forst}, e)
	}
	w.cancel(t, first.ManageToken)

	// W1 is offered the seat for 48 hours (the course is months away); the
	// seat stays taken, held for them; nobody else is offered it.
	if s := w.seatOf(t, "w1@x.dk", w.forst); s.status != "waitlisted" || s.offer != booking.OfferPending {
		t.Fatalf("w1: %+v", s)
	}
	if n := w.seatsTaken(t, w.forst); n != 1 {
		t.Fatalf("%d seats taken, want the one held", n)
	}
	var expires, scheduled time.Time
	w.st.Pool.QueryRow(ctx, `SELECT expires_at FROM seat_offers`).Scan(&expires)
	w.st.Pool.QueryRow(ctx, `SELECT scheduled_at FROM river_job WHERE kind = 'offer_pass_on'`).Scan(&scheduled)
	if want := w.clock.now().Add(48 * time.Hour); !expires.Equal(want) || !scheduled.Equal(want) {
		t.Fatalf("offer expires %v, its job at %v; want both at %v", expires, scheduled, want)
	}
	text := w.mailText(t, "offer", "w1@x.dk")
	for _, want := range []string{"Ja tak – jeg tager pladsen", "?svar=ja", "Nej tak – giv pladsen videre", "?svar=nej",
		"Svar senest 25.11.2026 kl. 11:00", "kan du afmelde gratis til og med 25.01.2027", "Du er ikke bundet af noget, før du har sagt ja tak"} {
		if !strings.Contains(text, want) {
			t.Errorf("offer mail lacks %q:\n%s", want, text)
		}
	}

	// "Nej tak": W1 leaves the list; the seat goes to W2 by the job.
	if err := w.svc.AnswerOffer(ctx, w.offerTo(t, "w1@x.dk"), false); err != nil {
		t.Fatal(err)
	}
	if s := w.seatOf(t, "w1@x.dk", w.forst); s.status != "cancelled" || s.offer != booking.OfferDeclined {
		t.Fatalf("w1 after no: %+v", s)
	}
	if n := w.workOffers(t); n != 1 {
		t.Fatalf("%d jobs due after the no, want 1", n)
	}
	if s := w.seatOf(t, "w2@x.dk", w.forst); s.offer != booking.OfferPending {
		t.Fatalf("w2 not offered the seat: %+v", s)
	}
	if !strings.Contains(w.mailText(t, "cancelled", "w1@x.dk"), "Du har sagt nej tak") {
		t.Error("w1 is not told that the no took them off the list")
	}

	// Silence: before the window ends the job waits; at its end W2 is off
	// the list, cannot say yes any more, and W3 is offered the seat.
	w.clock.add(47 * time.Hour)
	if n := w.workOffers(t); n != 0 {
		t.Fatalf("%d jobs worked an hour before the expiry", n)
	}
	var w2Offer int64
	w.st.Pool.QueryRow(ctx, `SELECT o.id FROM seat_offers o JOIN participants p ON p.id = o.participant_id WHERE p.email = 'w2@x.dk'`).Scan(&w2Offer)
	if wait, err := w.svc.PassOnOffer(ctx, w2Offer); err != nil || wait != time.Hour {
		t.Fatalf("a job an hour early: wait %v, %v; want an hour", wait, err)
	}
	w.clock.add(time.Hour)
	w2 := w.offerTo(t, "w2@x.dk")
	if err := w.svc.AnswerOffer(ctx, w2, true); !errors.Is(err, booking.ErrOfferClosed) {
		t.Fatalf("yes after the expiry: %v", err)
	}
	// Due now: W2's expiry, and W1's, which passes nothing on twice.
	if n := w.workOffers(t); n != 2 {
		t.Fatalf("%d jobs at the expiry, want 2", n)
	}
	if s := w.seatOf(t, "w2@x.dk", w.forst); s.status != "cancelled" || s.offer != booking.OfferExpired {
		t.Fatalf("w2 after the expiry: %+v", s)
	}
	if !strings.Contains(w.mailText(t, "cancelled", "w2@x.dk"), "Du har ikke svaret") {
		t.Error("w2 is not told that silence took them off the list")
	}

	// "Ja tak": W3 has the seat, paid from now, not binding before the
	// deadline; answering again changes nothing.
	w3 := w.offerTo(t, "w3@x.dk")
	for range 2 {
		if err := w.svc.AnswerOffer(ctx, w3, true); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.svc.AnswerOffer(ctx, w3, false); !errors.Is(err, booking.ErrOfferClosed) {
		t.Fatalf("no after yes: %v", err)
	}
	if s := w.seatOf(t, "w3@x.dk", w.forst); s.status != "confirmed" || s.binding || s.offer != booking.OfferAccepted {
		t.Fatalf("w3 after yes: %+v", s)
	}
	if n := w.seatsTaken(t, w.forst); n != 1 {
		t.Fatalf("%d seats taken after the yes, want 1", n)
	}
	var taken, old, new int64
	w.st.Pool.QueryRow(ctx, `SELECT count(*), max(old_excl_ore), max(new_excl_ore) FROM booking_changes c
		JOIN bookings b ON b.id = c.booking_id WHERE c.kind = 'seat_taken' AND b.booker_email = 'w3@x.dk'`).Scan(&taken, &old, &new)
	if taken != 1 || old != 0 || new != 675000 {
		t.Fatalf("seat taken recorded %d times, %d → %d øre", taken, old, new)
	}
	if !strings.Contains(w.mailText(t, "offer_accepted", "w3@x.dk"), "Pladsen på kurset nedenfor er din") {
		t.Error("w3 not told the seat is theirs")
	}
	offers, err := w.st.DateOffers(ctx, w.forst)
	if err != nil || len(offers) != 3 || offers[0].State != booking.OfferAccepted || offers[1].State != booking.OfferExpired ||
		offers[2].State != booking.OfferDeclined || offers[0].Cause != booking.CausePassedOn || offers[2].FreedName != "Deltager first@x.dk" {
		t.Fatalf("the staff's list of offers: %+v, %v", offers, err)
	}
}

// After the deadline a held seat cancelled stays charged, unless someone
// from the waiting list takes it: then it costs nothing, a change records
// it and its booker is told. The one who takes it is bound, and was told
// so in the offer. Nobody waiting: it stays charged.
func TestRefilledCancellationIsFree(t *testing.T) {
	w := newWorld(t, 2)
	ctx := context.Background()
	late := w.book(t, "a@odense.dk", []int64{w.forst}, "late@x.dk")
	other := w.book(t, "b@odense.dk", []int64{w.forst}, "other@x.dk")
	w.book(t, "wait@x.dk", []int64{w.forst}, "wait@x.dk")
	w.clock.set(time.Date(2027, 2, 1, 9, 0, 0, 0, time.UTC)) // after the deadline, a month before the start

	plan := w.cancel(t, late.ManageToken)
	if len(plan.Seats) != 1 || !plan.Seats[0].Charged || plan.After != plan.Before {
		t.Fatalf("a binding seat cancelled: %+v", plan)
	}
	if s := w.seatOf(t, "late@x.dk", w.forst); s.status != "cancelled" || !s.charged {
		t.Fatalf("late after cancelling: %+v", s)
	}
	if text := w.mailText(t, "offer", "wait@x.dk"); !strings.Contains(text, "Tilmeldingsfristen er overskredet, så siger du ja tak, er tilmeldingen bindende") {
		t.Errorf("the offer does not say that yes binds:\n%s", text)
	}
	if err := w.svc.AnswerOffer(ctx, w.offerTo(t, "wait@x.dk"), true); err != nil {
		t.Fatal(err)
	}
	if s := w.seatOf(t, "wait@x.dk", w.forst); s.status != "confirmed" || !s.binding {
		t.Fatalf("the one who took the seat: %+v", s)
	}
	if s := w.seatOf(t, "late@x.dk", w.forst); s.charged {
		t.Fatal("the cancellation still costs after the seat was taken from the waiting list")
	}
	var kind string
	var before, after int64
	w.st.Pool.QueryRow(ctx, `SELECT kind, old_excl_ore, new_excl_ore FROM booking_changes WHERE booking_id = $1 ORDER BY id DESC LIMIT 1`,
		late.ID).Scan(&kind, &before, &after)
	if kind != booking.ChangeRefilled || before != 675000 || after != 0 {
		t.Fatalf("last change of the cancelled booking: %s %d → %d", kind, before, after)
	}
	if !strings.Contains(w.mailText(t, "refilled", "a@odense.dk"), "Afmeldingen koster derfor ikke noget") {
		t.Error("the booker is not told the cancellation is free now")
	}

	// Nobody waits now: the seat goes back to the date, and stays charged.
	w.cancel(t, other.ManageToken)
	if s := w.seatOf(t, "other@x.dk", w.forst); !s.charged || w.seatsTaken(t, w.forst) != 1 {
		t.Fatalf("cancelled with nobody waiting: %+v, %d seats taken", s, w.seatsTaken(t, w.forst))
	}
}

// Cancelling one course of a bundle prices the other at its own price,
// recorded as a change with its lines; the whole booking can then be
// cancelled, before the deadline free of charge.
func TestBundleRepricedAndWholeBookingCancelled(t *testing.T) {
	w := newWorld(t, 10)
	ctx := context.Background()
	b := w.book(t, "mette@aarhus.dk", []int64{w.forst, w.fo}, "anna@x.dk", "bo@x.dk")
	if b.ExclOre != 1999000 {
		t.Fatalf("booked at %d øre, want the bundle 2 × 9,995 kr.", b.ExclOre)
	}
	annaForst := seatIDOf(t, w.st, "anna@x.dk", w.forst)
	plan := w.cancel(t, b.ManageToken, annaForst)
	if len(plan.Repriced) != 1 || plan.Repriced[0].PriceOre != 675000 || plan.After.ExclOre != 999500+675000 {
		t.Fatalf("plan: %+v", plan)
	}
	var price, offer int64
	w.st.Pool.QueryRow(ctx, `SELECT price_ore, coalesce(offer_id, 0) FROM participants WHERE email = 'anna@x.dk' AND date_id = $1`, w.fo).Scan(&price, &offer)
	if price != 675000 || offer != 0 {
		t.Fatalf("Anna's other course costs %d øre (offer %d), want 675000 without the bundle", price, offer)
	}
	lines := changeLines(t, w.st, b.ID)
	if want := "cancelled 499750→0, repriced 499750→675000"; lines != want {
		t.Fatalf("change lines %q, want %q", lines, want)
	}
	text := w.mailText(t, "cancelled", "mette@aarhus.dk")
	for _, want := range []string{"6.750 kr. ekskl. moms i stedet for pakkeprisen 4.997,50 kr.", "Tilmeldingen koster nu 16.745 kr. ekskl. moms", "Før ændringen: 19.990 kr."} {
		if !strings.Contains(text, want) {
			t.Errorf("the booker's mail lacks %q:\n%s", want, text)
		}
	}

	// The whole booking, weeks before the deadline: everything left, free.
	plan = w.cancel(t, b.ManageToken)
	if len(plan.Seats) != 3 || plan.After.InclOre != 0 {
		t.Fatalf("whole booking: %+v", plan)
	}
	var left int
	w.st.Pool.QueryRow(ctx, `SELECT count(*) FROM participants WHERE booking_id = $1 AND status <> 'cancelled'`, b.ID).Scan(&left)
	if left != 0 || w.seatsTaken(t, w.forst) != 0 || w.seatsTaken(t, w.fo) != 0 {
		t.Fatalf("%d seats left, %d and %d taken", left, w.seatsTaken(t, w.forst), w.seatsTaken(t, w.fo))
	}
	// Confirmed twice (a double click): nothing left to cancel.
	if err := w.svc.CancelSeats(ctx, b.ManageToken, nil, plan.Key()); !errors.Is(err, booking.ErrNothingToCancel) {
		t.Fatalf("the whole booking again: %v", err)
	}
}

// changeLines sums up the lines of a booking's changes in order.
func changeLines(t *testing.T, st *store.Store, bookingID int64) string {
	t.Helper()
	changes, err := store.BookingChanges(context.Background(), st.Pool, bookingID)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, c := range changes {
		for _, l := range c.Lines {
			out = append(out, l.What+" "+strconv.FormatInt(l.OldPriceOre, 10)+"→"+strconv.FormatInt(l.NewPriceOre, 10))
		}
	}
	return strings.Join(out, ", ")
}

// A place on a waiting list can be left at any time, after the deadline
// too, free; leaving with an offer open withdraws it and the seat goes
// to the next in line.
func TestLeavingTheWaitingList(t *testing.T) {
	w := newWorld(t, 1)
	ctx := context.Background()
	seated := w.book(t, "a@odense.dk", []int64{w.forst}, "seated@x.dk")
	leaver := w.book(t, "l@odense.dk", []int64{w.forst}, "leaver@x.dk")
	w.book(t, "n@odense.dk", []int64{w.forst}, "next@x.dk")
	w.clock.set(time.Date(2027, 2, 1, 9, 0, 0, 0, time.UTC)) // after the deadline
	w.cancel(t, seated.ManageToken)
	if s := w.seatOf(t, "leaver@x.dk", w.forst); s.offer != booking.OfferPending {
		t.Fatalf("leaver not offered: %+v", s)
	}

	plan := w.cancel(t, leaver.ManageToken)
	if len(plan.Seats) != 1 || plan.Seats[0].Charged || plan.Seats[0].Frees() {
		t.Fatalf("leaving the list: %+v", plan.Seats)
	}
	if s := w.seatOf(t, "leaver@x.dk", w.forst); s.status != "cancelled" || s.charged || s.offer != booking.OfferWithdrawn {
		t.Fatalf("leaver: %+v", s)
	}
	if !strings.Contains(w.mailText(t, "cancelled", "l@odense.dk"), "taget af ventelisten, gratis") {
		t.Error("leaving is not confirmed as free")
	}
	if n := w.workOffers(t); n != 1 {
		t.Fatalf("%d jobs after the withdrawal, want 1", n)
	}
	if s := w.seatOf(t, "next@x.dk", w.forst); s.offer != booking.OfferPending || w.seatsTaken(t, w.forst) != 1 {
		t.Fatalf("next: %+v, %d taken", s, w.seatsTaken(t, w.forst))
	}
	// The window shrinks as the start nears: a month before, 48 hours; a
	// day before, 6.
	var window time.Duration
	w.st.Pool.QueryRow(ctx, `SELECT (extract(epoch FROM expires_at - offered_at) * 1000000000)::bigint FROM seat_offers
		WHERE state = 'offered'`).Scan(&window)
	if window != 48*time.Hour {
		t.Fatalf("window %v a month before the start, want 48h", window)
	}
}

// invitation is one calendar of a mail, as a calendar program reads it.
type invitation struct{ method, uid, sequence, organizer, attendee, status string }

// invitationsTo parses the calendars of the newest mail of kind to email.
func (w *world) invitationsTo(t *testing.T, kind, email string) []invitation {
	t.Helper()
	var ics string
	w.st.Pool.QueryRow(context.Background(), `SELECT ics FROM outgoing_mails WHERE kind = $1 AND to_addr = $2
		ORDER BY id DESC LIMIT 1`, kind, email).Scan(&ics)
	var out []invitation
	for _, cal := range ical.Split(ics) {
		var inv invitation
		for _, line := range strings.Split(strings.ReplaceAll(cal, "\r\n ", ""), "\r\n") {
			name, value, _ := strings.Cut(line, ":")
			switch prop, _, _ := strings.Cut(name, ";"); prop {
			case "METHOD":
				inv.method = value
			case "UID":
				inv.uid = value
			case "SEQUENCE":
				inv.sequence = value
			case "ORGANIZER":
				inv.organizer = line
			case "ATTENDEE":
				inv.attendee = value
			case "STATUS":
				inv.status = value
			}
		}
		out = append(out, inv)
	}
	return out
}

// A participant's calendar follows their seat: a request with ORGANIZER
// when it is held, the same UID with a higher SEQUENCE when its date
// changes, and a cancel when the seat moves, passes to a substitute or is
// cancelled; a new date or person is a new UID.
func TestCalendarInvitationsFollowTheSeat(t *testing.T) {
	w := newWorld(t, 10)
	ctx := context.Background()
	b := w.book(t, "mette@aarhus.dk", []int64{w.forst}, "anna@x.dk")
	if err := w.svc.ComposeBookingMails(ctx, []jobs.BookingMail{{BookingID: b.ID}}); err != nil {
		t.Fatal(err)
	}
	const organizer = `ORGANIZER;CN="COK Kursuskatalog":mailto:kurser@cok.dk`
	want := func(kind, email string, wants ...invitation) []invitation {
		t.Helper()
		got := w.invitationsTo(t, kind, email)
		if len(got) != len(wants) {
			t.Fatalf("%s mail to %s has %d calendars, want %d: %+v", kind, email, len(got), len(wants), got)
		}
		for i, g := range got {
			if g.method != wants[i].method || g.sequence != wants[i].sequence || g.organizer != organizer ||
				g.attendee != "mailto:"+email || (wants[i].uid != "" && g.uid != wants[i].uid) || g.uid == "" {
				t.Errorf("%s mail to %s, calendar %d: %+v, want %+v", kind, email, i, g, wants[i])
			}
		}
		return got
	}
	first := want("confirmation", "anna@x.dk", invitation{method: "REQUEST", sequence: "0"})[0]
	if first.status != "CONFIRMED" {
		t.Errorf("a held seat's status %q", first.status)
	}

	// COK moves the date an hour: the same event, one sequence higher.
	d, err := w.st.DateForEdit(ctx, w.forst)
	if err != nil {
		t.Fatal(err)
	}
	d.StartsAt, d.EndsAt = d.StartsAt.Add(time.Hour), d.EndsAt.Add(time.Hour)
	if err := w.svc.SaveDate(ctx, 0, d); err != nil {
		t.Fatal(err)
	}
	want("date_changed", "anna@x.dk", invitation{method: "REQUEST", uid: first.uid, sequence: "1"})

	// Staff move Anna to the course's next date: the old event is
	// cancelled, the new one is another.
	var next int64
	w.st.Pool.QueryRow(ctx, `SELECT id FROM course_dates WHERE course_id = (SELECT course_id FROM course_dates WHERE id = $1)
		AND id <> $1 AND status = 'planned' ORDER BY starts_at LIMIT 1`, w.forst).Scan(&next)
	anna := seatIDOf(t, w.st, "anna@x.dk", w.forst)
	if _, err := w.svc.Move(ctx, 0, anna, next); err != nil {
		t.Fatal(err)
	}
	moved := want("moved", "anna@x.dk", invitation{method: "CANCEL", uid: first.uid, sequence: "2"}, invitation{method: "REQUEST", sequence: "0"})
	if moved[0].status != "CANCELLED" || moved[1].uid == first.uid {
		t.Errorf("moved: %+v", moved)
	}

	// Bo takes Anna's seat: Anna's event is cancelled, Bo gets his own.
	if err := w.svc.Substitute(ctx, b.ManageToken, anna, booking.Person{Name: "Bo", Email: "bo@x.dk"}); err != nil {
		t.Fatal(err)
	}
	want("substitute", "anna@x.dk", invitation{method: "CANCEL", uid: moved[1].uid, sequence: "1"})
	bo := want("substitute", "bo@x.dk", invitation{method: "REQUEST", sequence: "0"})[0]
	if text := w.mailText(t, "substitute", "bo@x.dk"); !strings.Contains(text, "Du er tilmeldt Politisk forståelse") ||
		!strings.Contains(text, "i stedet for Deltager anna@x.dk. Mette Booker fra Aarhus Kommune har sat dig på") {
		t.Errorf("the substitute's mail does not tell him what he is booked on:\n%s", text)
	}

	// The booker cancels Bo: his event is cancelled.
	w.cancel(t, b.ManageToken, anna)
	want("cancelled", "bo@x.dk", invitation{method: "CANCEL", uid: bo.uid, sequence: "1"})
}
