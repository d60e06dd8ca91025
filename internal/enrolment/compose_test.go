package enrolment_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"kursuskatalog/internal/demo"
	"kursuskatalog/internal/enrolment"
	"kursuskatalog/internal/jobs"
	"kursuskatalog/internal/testdb"
)

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// A booking's transaction inserts one booking_mails job; the worker composes
// the receipt and the participants' mails from the booking as it was made,
// records them and queues their sending, once.
func TestBookingMailsAreComposedByTheirWorker(t *testing.T) {
	st, _ := testdb.Store(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	if _, err := demo.Load(ctx, st, now, 0); err != nil {
		t.Fatal(err)
	}
	var dateID int64
	if err := st.Pool.QueryRow(ctx, `SELECT d.id FROM course_dates d JOIN courses c ON c.id = d.course_id
		WHERE c.slug = 'politisk-forstaaelse' ORDER BY d.starts_at LIMIT 1`).Scan(&dateID); err != nil {
		t.Fatal(err)
	}
	svc := newService(t, st, now)
	jb, err := jobs.NewWorkers(st.Pool, st, jobs.Options{Composer: svc, Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	book := func(email string) enrolment.Made {
		t.Helper()
		res := svc.BookMany(ctx, []enrolment.Booking{bookingOn([]int64{dateID}, email)})
		if res[0].Err != nil {
			t.Fatal(res[0].Err)
		}
		return res[0].Made
	}
	rec := book("anna@aarhus.dk")
	manage := "https://kurser.test/min-tilmelding/" + rec.ManageToken
	var before int
	st.Pool.QueryRow(ctx, `SELECT count(*) FROM outgoing_mails`).Scan(&before)
	if before != 0 {
		t.Fatalf("%d mails recorded by the booking's own transaction, want 0", before)
	}

	if err := jb.Client.Start(ctx); err != nil {
		t.Fatal(err)
	}
	defer jb.Client.Stop(context.Background())
	mails := func() (n, recorded int, receipt string) {
		st.Pool.QueryRow(ctx, `SELECT count(*), count(*) FILTER (WHERE state = 'recorded'),
			coalesce(max(text_body) FILTER (WHERE kind = 'booking' AND to_addr = 'mette@aarhus.dk'), '')
			FROM outgoing_mails WHERE booking_id = $1`, rec.ID).Scan(&n, &recorded, &receipt)
		return
	}
	waitFor(t, "two recorded mails", func() bool { n, r, _ := mails(); return n == 2 && r == 2 })
	_, _, receipt := mails()
	for _, want := range []string{rec.Ref, manage, "Deltager anna@aarhus.dk", "Politisk forståelse"} {
		if !strings.Contains(receipt, want) {
			t.Errorf("receipt mail lacks %q", want)
		}
	}
	// A second run of the same job (a retry or a rescued job) adds nothing;
	// a job naming two bookings mails the one not mailed yet.
	if err := svc.ComposeBookingMails(ctx, []jobs.BookingMail{{BookingID: rec.ID, ManageURL: manage}}); err != nil {
		t.Fatal(err)
	}
	jb.Client.Stop(ctx) // the rest is composed by hand
	rec2 := book("bo@aarhus.dk")
	// (named twice by mistake, it is still mailed once)
	both := []jobs.BookingMail{{BookingID: rec.ID, ManageURL: manage}, {BookingID: rec2.ID, ManageURL: manage + "2"}, {BookingID: rec2.ID}}
	if err := svc.ComposeBookingMails(ctx, both); err != nil {
		t.Fatal(err)
	}
	if n, _, _ := mails(); n != 2 {
		t.Fatalf("%d mails after a second run, want 2", n)
	}
	var second int
	st.Pool.QueryRow(ctx, `SELECT count(*) FROM outgoing_mails WHERE booking_id = $1`, rec2.ID).Scan(&second)
	if second != 2 {
		t.Fatalf("%d mails for the second booking of a job, want 2", second)
	}
	// The mails of a job's bookings are recorded together, with one job
	// that sends them all.
	var sendJobs int
	var named []int64
	st.Pool.QueryRow(ctx, `SELECT count(*) FROM river_job WHERE kind = 'send_mail'`).Scan(&sendJobs)
	rec3, rec4 := book("cia@aarhus.dk"), book("dan@aarhus.dk")
	if err := svc.ComposeBookingMails(ctx, []jobs.BookingMail{{BookingID: rec4.ID}, {BookingID: rec3.ID}}); err != nil {
		t.Fatal(err)
	}
	var after int
	st.Pool.QueryRow(ctx, `SELECT count(*) FROM river_job WHERE kind = 'send_mail'`).Scan(&after)
	st.Pool.QueryRow(ctx, `SELECT array_agg(id ORDER BY id) FROM outgoing_mails WHERE booking_id IN ($1, $2)`, rec3.ID, rec4.ID).Scan(&named)
	var jobIDs []int64
	st.Pool.QueryRow(ctx, `SELECT array(SELECT jsonb_array_elements_text(args->'mail_ids')::bigint ORDER BY 1) FROM river_job
		WHERE kind = 'send_mail' ORDER BY id DESC LIMIT 1`).Scan(&jobIDs)
	if after != sendJobs+1 || len(named) != 4 || !slices.Equal(jobIDs, named) {
		t.Fatalf("two bookings' mails: %d new send jobs naming %v, mails %v; want 1 naming all 4", after-sendJobs, jobIDs, named)
	}
	// A booking deleted before its job ran gets no mails, and no error.
	if err := svc.ComposeBookingMails(ctx, []jobs.BookingMail{{BookingID: rec.ID + 1000}}); err != nil {
		t.Fatalf("job for a deleted booking: %v", err)
	}
}
