package store_test

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/demo"
	"kursuskatalog/internal/store"
	"kursuskatalog/internal/testdb"
)

// bookingOn is a valid booking of participants ("e-mail") on dates.
func bookingOn(dates []int64, emails ...string) store.NewBooking {
	nb := store.NewBooking{
		FormTokenHash: randomBytes(), ManageTokenHash: randomBytes(),
		BookerName: "Mette Booker", BookerEmail: "mette@aarhus.dk", BookerPhone: "87130000",
		OrgName: "Aarhus Kommune", EAN: "5798000416604", DateIDs: dates,
	}
	for _, e := range emails {
		nb.Participants = append(nb.Participants, store.NewParticipant{Name: "Deltager " + e, Email: e})
	}
	return nb
}

func randomBytes() []byte {
	b := make([]byte, 32)
	rand.Read(b)
	return b
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

	nbs := []store.NewBooking{
		bookingOn([]int64{small}, "a@x.dk"),
		bookingOn([]int64{small, other}, "b1@x.dk", "b2@x.dk"),
		bookingOn([]int64{small}, "A@X.dk"),
		bookingOn([]int64{other}, "d@x.dk"),
		bookingOn([]int64{small, -1}, "e@x.dk"),
		bookingOn([]int64{small}, "f@x.dk"),
	}
	nbs[3].FormTokenHash = nbs[0].FormTokenHash // the first form, posted again
	var hooked []int
	res := st.BookMany(ctx, nbs, now, func(ctx context.Context, tx pgx.Tx, made []store.Made) error {
		for _, m := range made {
			if m.Receipt.ID == 0 || m.Receipt.Ref == "" {
				t.Errorf("booking %d reached the hook without id or ref: %+v", m.Index, m.Receipt)
			}
			hooked = append(hooked, m.Index)
		}
		return nil
	})
	if !slices.Equal(hooked, []int{0, 1, 5}) {
		t.Errorf("hook got bookings %v, want [0 1 5]", hooked)
	}
	for _, i := range []int{0, 1, 5} {
		if res[i].Err != nil || res[i].Receipt.Ref == "" {
			t.Errorf("booking %d: %+v", i, res[i])
		}
	}
	var twice *store.AlreadyBookedError
	if !errors.As(res[2].Err, &twice) || twice.Email != "a@x.dk" || twice.Date.ID != small {
		t.Errorf("the same participant again: %v", res[2].Err)
	}
	var dup *store.DuplicateFormError
	if !errors.As(res[3].Err, &dup) || dup.Ref != res[0].Receipt.Ref {
		t.Errorf("the same form again: %v, want the ref %s", res[3].Err, res[0].Receipt.Ref)
	}
	if !errors.Is(res[4].Err, store.ErrNotFound) {
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
	again := st.BookMany(ctx, nbs[:2], now, nil)
	for i, r := range again {
		if !errors.As(r.Err, &dup) || dup.Ref != res[i].Receipt.Ref {
			t.Errorf("form %d posted later: %v, want the ref %s", i, r.Err, res[i].Receipt.Ref)
		}
	}
}

// When bookings made together meet a unique constraint, each is tried
// alone: only the one concerned fails, and the hook hears of the others
// by their places in the call.
func TestBookingsMadeTogetherTryAloneOnAConflict(t *testing.T) {
	st, now, _, other := twoFreeDates(t)
	ctx := context.Background()

	// The same person twice in one booking passes the checks made before
	// the insert and fails on the unique index.
	nbs := []store.NewBooking{
		bookingOn([]int64{other}, "same@x.dk", "same@x.dk"),
		bookingOn([]int64{other}, "g@x.dk"),
	}
	var hooked []int
	res := st.BookMany(ctx, nbs, now, func(ctx context.Context, tx pgx.Tx, made []store.Made) error {
		for _, m := range made {
			hooked = append(hooked, m.Index)
		}
		return nil
	})
	var twice *store.AlreadyBookedError
	if !errors.As(res[0].Err, &twice) {
		t.Errorf("the same person twice: %v", res[0].Err)
	}
	if res[1].Err != nil || res[1].Receipt.Ref == "" {
		t.Errorf("the booking beside it: %+v", res[1])
	}
	if !slices.Equal(hooked, []int{1}) {
		t.Errorf("hook got bookings %v, want [1]", hooked)
	}
	var n int
	st.Pool.QueryRow(ctx, `SELECT count(*) FROM participants WHERE date_id = $1`, other).Scan(&n)
	if n != 1 {
		t.Errorf("%d participants on the date, want 1", n)
	}
}

// When the hook fails, no booking of the call is made and each hears why.
func TestBookingsMadeTogetherFailTogether(t *testing.T) {
	st, now, small, other := twoFreeDates(t)
	ctx := context.Background()

	boom := errors.New("queue down")
	nbs := []store.NewBooking{bookingOn([]int64{small}, "h@x.dk"), bookingOn([]int64{other}, "i@x.dk")}
	res := st.BookMany(ctx, nbs, now, func(context.Context, pgx.Tx, []store.Made) error { return boom })
	for i, r := range res {
		if !errors.Is(r.Err, boom) {
			t.Errorf("booking %d: %v, want the hook's error", i, r.Err)
		}
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

	nb := bookingOn([]int64{small}, "a@x.dk")
	if res := st.BookMany(ctx, []store.NewBooking{nb}, now, nil); res[0].Err != nil {
		t.Fatal(res[0].Err)
	}
	if !announced(5 * time.Second) {
		t.Fatal("a booking made was not announced")
	}
	res := st.BookMany(ctx, []store.NewBooking{nb, bookingOn([]int64{-1}, "b@x.dk")}, now, nil)
	var dup *store.DuplicateFormError
	if !errors.As(res[0].Err, &dup) || !errors.Is(res[1].Err, store.ErrNotFound) {
		t.Fatalf("the same form again and an unknown date: %v, %v", res[0].Err, res[1].Err)
	}
	if announced(500 * time.Millisecond) {
		t.Error("a call that made no booking was announced")
	}
}
