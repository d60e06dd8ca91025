package enrolment_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/demo"
	"kursuskatalog/internal/enrolment"
	"kursuskatalog/internal/jobs"
	"kursuskatalog/internal/store"
	"kursuskatalog/internal/testdb"
)

// bookingOn is a valid booking of participants ("e-mail") on dates.
func bookingOn(dates []int64, emails ...string) enrolment.Booking {
	b := enrolment.Booking{FormToken: enrolment.NewToken(), Booker: booking.Booker{
		Name: "Mette Booker", Email: "mette@aarhus.dk", Phone: "87130000",
		OrgName: "Aarhus Kommune", EAN: "5798000416604"}}
	b.DateIDs = dates
	for _, e := range emails {
		b.People = append(b.People, booking.Person{Name: "Deltager " + e, Email: e})
	}
	return b
}

// newService is the service over st at the fixed time now; its jobs are
// inserted, not worked.
func newService(t *testing.T, st *store.Store, now time.Time) *enrolment.Service {
	t.Helper()
	q, err := jobs.NewQueue(st.Pool)
	if err != nil {
		t.Fatal(err)
	}
	return enrolment.New(enrolment.Deps{Store: st, Queue: q, BaseURL: "https://kurser.test", Now: func() time.Time { return now }})
}

// mailedBookings lists the bookings the booking_mails jobs name, in order.
func mailedBookings(t *testing.T, st *store.Store) []int64 {
	t.Helper()
	rows, err := st.Pool.Query(context.Background(), `SELECT args FROM river_job WHERE kind = 'booking_mails' ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	all, err := pgx.CollectRows(rows, pgx.RowTo[jobs.BookingMailsArgs])
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, a := range all {
		for _, b := range a.Bookings {
			ids = append(ids, b.BookingID)
		}
	}
	return ids
}

// idsOf lists the ids of the bookings made at these places of res.
func idsOf(res []enrolment.Result, places ...int) []int64 {
	var ids []int64
	for _, i := range places {
		ids = append(ids, res[i].ID)
	}
	return ids
}

// twoFreeDates loads the demo catalogue into a new database and returns
// its store, the clock and two empty upcoming dates, the first with two
// seats, the other with ten or more.
func twoFreeDates(t *testing.T) (st *store.Store, now time.Time, small, other int64) {
	t.Helper()
	st, _ = testdb.Store(t)
	now = time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	ctx := context.Background()
	if _, err := demo.Load(ctx, st, now, 0); err != nil {
		t.Fatal(err)
	}
	err := st.Pool.QueryRow(ctx, `
		WITH free AS (
			SELECT d.id FROM course_dates d JOIN courses c ON c.id = d.course_id AND c.status = 'published'
			WHERE d.status = 'planned' AND d.deadline > $1::date + 7
			AND NOT EXISTS (SELECT 1 FROM participants p WHERE p.date_id = d.id)
			ORDER BY d.id LIMIT 2)
		SELECT min(id), max(id) FROM free`, now).Scan(&small, &other)
	if err != nil {
		t.Fatal(err)
	}
	// The demo counts seats taken on dates without participants; these start empty.
	if _, err := st.Pool.Exec(ctx, `UPDATE course_dates SET seats_taken = 0,
		capacity = CASE id WHEN $1 THEN 2 ELSE greatest(capacity, 10) END WHERE id IN ($1, $2)`, small, other); err != nil {
		t.Fatal(err)
	}
	return st, now, small, other
}

// Bookings made together come out as if made one after another: seats in
// their order and then the waiting list, a participant once per date, a
// form once, and one booking's closed date does not stop the others.
func TestBookingsMadeTogetherAsOneAfterAnother(t *testing.T) {
	st, now, small, other := twoFreeDates(t)
	ctx := context.Background()

	svc := newService(t, st, now)
	nbs := []enrolment.Booking{
		bookingOn([]int64{small}, "a@x.dk"),
		bookingOn([]int64{small, other}, "b1@x.dk", "b2@x.dk"),
		bookingOn([]int64{small}, "A@X.dk"),
		bookingOn([]int64{other}, "d@x.dk"),
		bookingOn([]int64{small, -1}, "e@x.dk"),
		bookingOn([]int64{small}, "f@x.dk"),
	}
	nbs[3].FormToken = nbs[0].FormToken // the first form, posted again
	res := svc.BookMany(ctx, nbs)
	if mailed := mailedBookings(t, st); !slices.Equal(mailed, idsOf(res, 0, 1, 5)) {
		t.Errorf("the mail job names bookings %v, want those of 0, 1 and 5: %v", mailed, idsOf(res, 0, 1, 5))
	}
	for _, i := range []int{0, 1, 5} {
		if res[i].Err != nil || res[i].Receipt.Ref == "" {
			t.Errorf("booking %d: %+v", i, res[i])
		}
	}
	var twice *booking.AlreadyBookedError
	if !errors.As(res[2].Err, &twice) || twice.Email != "a@x.dk" || twice.Date.ID != small {
		t.Errorf("the same participant again: %v", res[2].Err)
	}
	var dup *booking.DuplicateFormError
	if !errors.As(res[3].Err, &dup) || dup.Ref != res[0].Receipt.Ref {
		t.Errorf("the same form again: %v, want the ref %s", res[3].Err, res[0].Receipt.Ref)
	}
	if !errors.Is(res[4].Err, booking.ErrUnknownDate) {
		t.Errorf("a date that does not exist: %v", res[4].Err)
	}
	if res[1].Receipt.InclOre <= res[0].Receipt.InclOre {
		t.Errorf("two participants on two dates cost %d, one on one %d", res[1].Receipt.InclOre, res[0].Receipt.InclOre)
	}

	// Seats in order, then the waiting list in order.
	rows, err := st.Pool.Query(ctx, `
		SELECT email || ' ' || status || CASE WHEN status = 'waitlisted'
			THEN ' ' || rank() OVER (PARTITION BY status ORDER BY waitlist_seq) ELSE '' END
		FROM participants WHERE date_id = $1 ORDER BY id`, small)
	if err != nil {
		t.Fatal(err)
	}
	got, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"a@x.dk confirmed", "b1@x.dk confirmed", "b2@x.dk waitlisted 1", "f@x.dk waitlisted 2"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("participants on the small date:\n got %q\nwant %q", got, want)
	}
	var taken, otherTaken int
	st.Pool.QueryRow(ctx, `SELECT (SELECT seats_taken FROM course_dates WHERE id = $1), (SELECT seats_taken FROM course_dates WHERE id = $2)`,
		small, other).Scan(&taken, &otherTaken)
	if taken != 2 || otherTaken != 2 {
		t.Errorf("seats taken: %d on the small date (want 2), %d on the other (want 2)", taken, otherTaken)
	}

	// The same forms again, in a later call: the bookings they made.
	again := svc.BookMany(ctx, nbs[:2])
	for i, r := range again {
		if !errors.As(r.Err, &dup) || dup.Ref != res[i].Receipt.Ref {
			t.Errorf("form %d posted later: %v, want the ref %s", i, r.Err, res[i].Receipt.Ref)
		}
	}
}

// When bookings made together meet a unique constraint, each is tried
// alone: only the one concerned fails, and the others are made and mailed.
func TestBookingsMadeTogetherTryAloneOnAConflict(t *testing.T) {
	st, now, _, other := twoFreeDates(t)
	ctx := context.Background()

	// The same person twice in one booking passes the checks made before
	// the insert and fails on the unique index.
	nbs := []enrolment.Booking{
		bookingOn([]int64{other}, "same@x.dk", "same@x.dk"),
		bookingOn([]int64{other}, "g@x.dk"),
	}
	res := newService(t, st, now).BookMany(ctx, nbs)
	var twice *booking.AlreadyBookedError
	if !errors.As(res[0].Err, &twice) {
		t.Errorf("the same person twice: %v", res[0].Err)
	}
	if res[1].Err != nil || res[1].Receipt.Ref == "" {
		t.Errorf("the booking beside it: %+v", res[1])
	}
	if mailed := mailedBookings(t, st); !slices.Equal(mailed, idsOf(res, 1)) {
		t.Errorf("the mail job names bookings %v, want that of 1: %v", mailed, idsOf(res, 1))
	}
	var n int
	st.Pool.QueryRow(ctx, `SELECT count(*) FROM participants WHERE date_id = $1`, other).Scan(&n)
	if n != 1 {
		t.Errorf("%d participants on the date, want 1", n)
	}
}

// When the transaction fails after the insert (here the audit row of a
// staff user who does not exist), no booking of the call is made, nothing
// is mailed, and each hears why.
func TestBookingsMadeTogetherFailTogether(t *testing.T) {
	st, now, small, other := twoFreeDates(t)
	ctx := context.Background()

	nbs := []enrolment.Booking{bookingOn([]int64{small}, "h@x.dk"), bookingOn([]int64{other}, "i@x.dk")}
	nbs[1].StaffID = 999999
	res := newService(t, st, now).BookMany(ctx, nbs)
	for i, r := range res {
		if r.Err == nil || r.Err != res[0].Err {
			t.Errorf("booking %d: %v, want the transaction's error", i, r.Err)
		}
	}
	if mailed := mailedBookings(t, st); len(mailed) != 0 {
		t.Errorf("bookings %v mailed after a failed call", mailed)
	}
	var n, taken int
	st.Pool.QueryRow(ctx, `SELECT (SELECT count(*) FROM participants WHERE date_id IN ($1, $2)),
		(SELECT seats_taken FROM course_dates WHERE id = $1)`, small, other).Scan(&n, &taken)
	if n != 0 || taken != 0 {
		t.Errorf("%d participants and %d seats taken after a failed call", n, taken)
	}
}

// Only a call that makes a booking announces changed seats: a form posted
// again or an unknown date drops no process's page cache.
func TestOnlyBookingsMadeAnnounceSeats(t *testing.T) {
	st, now, small, _ := twoFreeDates(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	conn, err := st.Pool.Acquire(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, "LISTEN "+store.ChangeChannel); err != nil {
		t.Fatal(err)
	}
	go st.PublishSeatChanges(ctx, nil, time.Millisecond)
	announced := func(wait time.Duration) bool {
		wctx, stop := context.WithTimeout(ctx, wait)
		defer stop()
		_, err := conn.Conn().WaitForNotification(wctx)
		return err == nil
	}

	svc := newService(t, st, now)
	nb := bookingOn([]int64{small}, "a@x.dk")
	if res := svc.BookMany(ctx, []enrolment.Booking{nb}); res[0].Err != nil {
		t.Fatal(res[0].Err)
	}
	if !announced(5 * time.Second) {
		t.Fatal("a booking made was not announced")
	}
	res := svc.BookMany(ctx, []enrolment.Booking{nb, bookingOn([]int64{-1}, "b@x.dk")})
	var dup *booking.DuplicateFormError
	if !errors.As(res[0].Err, &dup) || !errors.Is(res[1].Err, booking.ErrUnknownDate) {
		t.Fatalf("the same form again and an unknown date: %v, %v", res[0].Err, res[1].Err)
	}
	if announced(500 * time.Millisecond) {
		t.Error("a call that made no booking was announced")
	}
}
