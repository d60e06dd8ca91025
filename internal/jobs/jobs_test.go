package jobs_test

import (
	"bufio"
	"context"
	"net"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/demo"
	"kursuskatalog/internal/jobs"
	"kursuskatalog/internal/mail"
	"kursuskatalog/internal/store"
	"kursuskatalog/internal/testdb"
)

// smtpServer is a minimal SMTP receiver that keeps what it is sent.
type smtpServer struct {
	ln       net.Listener
	mu       sync.Mutex
	got      []string
	addr     string
	sessions int
	refuse   string // RCPT TO addresses containing it are refused (550)
}

func startSMTP(t *testing.T, addr string) *smtpServer {
	t.Helper()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	s := &smtpServer{ln: ln, addr: ln.Addr().String()}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go s.session(c)
		}
	}()
	t.Cleanup(func() { ln.Close() })
	return s
}

func (s *smtpServer) session(c net.Conn) {
	defer c.Close()
	s.mu.Lock()
	s.sessions++
	s.mu.Unlock()
	r := bufio.NewReader(c)
	w := func(l string) { c.Write([]byte(l + "\r\n")) }
	w("220 test ESMTP")
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return
		}
		cmd := strings.ToUpper(strings.TrimSpace(line))
		switch {
		case strings.HasPrefix(cmd, "EHLO"), strings.HasPrefix(cmd, "HELO"):
			w("250-test")
			w("250 8BITMIME")
		case strings.HasPrefix(cmd, "RCPT"):
			s.mu.Lock()
			refused := s.refuse != "" && strings.Contains(strings.ToLower(line), s.refuse)
			s.mu.Unlock()
			if refused {
				w("550 no such user")
			} else {
				w("250 ok")
			}
		case strings.HasPrefix(cmd, "DATA"):
			w("354 go on")
			var b strings.Builder
			for {
				l, err := r.ReadString('\n')
				if err != nil {
					return
				}
				if l == ".\r\n" {
					break
				}
				b.WriteString(l)
			}
			s.mu.Lock()
			s.got = append(s.got, b.String())
			s.mu.Unlock()
			w("250 queued")
		case strings.HasPrefix(cmd, "QUIT"):
			w("221 bye")
			return
		default:
			w("250 ok")
		}
	}
}

func (s *smtpServer) setRefuse(addr string) {
	s.mu.Lock()
	s.refuse = addr
	s.mu.Unlock()
}

func (s *smtpServer) count() (sessions, messages int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.sessions, len(s.got)
}

func (s *smtpServer) messages() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.got...)
}

func queue(t *testing.T, st *store.Store, jb *jobs.Jobs, msgs ...mail.Message) {
	t.Helper()
	err := st.InTx(context.Background(), func(tx pgx.Tx) error { return jb.QueueMails(context.Background(), tx, 0, msgs) })
	if err != nil {
		t.Fatal(err)
	}
}

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

func state(st *store.Store, id int64) string {
	var s string
	st.Pool.QueryRow(context.Background(), `SELECT state FROM outgoing_mails WHERE id = $1`, id).Scan(&s)
	return s
}

// startWorkers starts River's workers on st, sending with sender (nil:
// recording only), until the test ends.
func startWorkers(t *testing.T, st *store.Store, sender jobs.Sender) (*jobs.Jobs, context.Context) {
	t.Helper()
	jb, err := jobs.New(st.Pool, st, jobs.Options{Work: true, Sender: sender})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	if err := jb.Client.Start(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cancel()
		jb.Client.Stop(context.Background())
	})
	return jb, ctx
}

// Without SMTP a mail is recorded, not sent.
func TestMailsAreRecordedWithoutSMTP(t *testing.T) {
	st, _ := testdb.Store(t)
	jb, ctx := startWorkers(t, st, nil)
	queue(t, st, jb, mail.Message{Kind: "booking", To: "a@b.dk", Subject: "Kvittering", Text: "Hej"})
	var id int64
	st.Pool.QueryRow(ctx, `SELECT id FROM outgoing_mails`).Scan(&id)
	waitFor(t, "recorded", func() bool { return state(st, id) == "recorded" })

	// A job in the shape queued before mails went together still works.
	ids, err := store.InsertMails(ctx, st.Pool, []store.NewMail{{Message: mail.Message{Kind: "booking", To: "c@d.dk", Subject: "Gammel", Text: "Hej"}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := jb.Client.Insert(ctx, jobs.SendMailArgs{MailID: ids[0]}, nil); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the old job's mail recorded", func() bool { return state(st, ids[0]) == "recorded" })
}

// The mails of one transaction go out over one SMTP connection. A mail the
// server refuses does not stop the others; it is tried again alone.
func TestMailsGoTogetherAndOnlyRefusedOnesAgain(t *testing.T) {
	st, _ := testdb.Store(t)
	smtp := startSMTP(t, "127.0.0.1:0")
	smtp.setRefuse("ukendt@")
	u, _ := url.Parse("smtp://" + smtp.addr)
	sender, err := mail.NewSender(u, "")
	if err != nil {
		t.Fatal(err)
	}
	jb, ctx := startWorkers(t, st, sender)
	queue(t, st, jb,
		mail.Message{Kind: "booking", To: "anna@aarhus.dk", Subject: "Kvittering", Text: "Tak"},
		mail.Message{Kind: "participant", To: "ukendt@aarhus.dk", Subject: "Du er tilmeldt", Text: "Velkommen"},
		mail.Message{Kind: "participant", To: "bo@aarhus.dk", Subject: "Du er tilmeldt", Text: "Velkommen"})
	var jobsQueued int
	st.Pool.QueryRow(ctx, `SELECT count(*) FROM river_job WHERE kind = 'send_mail'`).Scan(&jobsQueued)
	if jobsQueued != 1 {
		t.Fatalf("%d send jobs for three mails of one transaction, want 1", jobsQueued)
	}
	states := func() map[string]string {
		got := map[string]string{}
		rows, _ := st.Pool.Query(ctx, `SELECT to_addr, state || CASE WHEN last_error <> '' THEN ' (fejl)' ELSE '' END FROM outgoing_mails`)
		for rows.Next() {
			var to, state string
			rows.Scan(&to, &state)
			got[to] = state
		}
		return got
	}
	waitFor(t, "a first attempt", func() bool { return states()["ukendt@aarhus.dk"] == "queued (fejl)" })
	if got := states(); got["anna@aarhus.dk"] != "sent" || got["bo@aarhus.dk"] != "sent" {
		t.Fatalf("after the first attempt: %v, want anna and bo sent", got)
	}
	if sessions, msgs := smtp.count(); sessions != 1 || msgs != 2 {
		t.Fatalf("first attempt: %d SMTP sessions and %d messages, want 1 and 2", sessions, msgs)
	}
	smtp.setRefuse("")
	st.Pool.Exec(ctx, `UPDATE river_job SET scheduled_at = now() WHERE kind = 'send_mail' AND state = 'retryable'`)
	waitFor(t, "the refused mail sent", func() bool {
		return states()["ukendt@aarhus.dk"] == "sent (fejl)" || states()["ukendt@aarhus.dk"] == "sent"
	})
	if sessions, msgs := smtp.count(); sessions != 2 || msgs != 3 {
		t.Fatalf("after the retry: %d SMTP sessions and %d messages, want 2 and 3 (the others not again)", sessions, msgs)
	}
}

// A mail queued while SMTP is down waits, and goes out when it returns.
func TestMailsWaitForSMTPAndGoOutWhenItReturns(t *testing.T) {
	st, _ := testdb.Store(t)
	// Reserve a port, then close it: SMTP is "down" at that address.
	probe, _ := net.Listen("tcp", "127.0.0.1:0")
	addr := probe.Addr().String()
	probe.Close()
	u, _ := url.Parse("smtp://" + addr)
	sender, err := mail.NewSender(u, "")
	if err != nil {
		t.Fatal(err)
	}
	jb, ctx := startWorkers(t, st, sender)
	queue(t, st, jb, mail.Message{Kind: "booking", To: "anna@aarhus.dk", ToName: "Anna", Subject: "Kvittering for tilmelding COK-2026-00001", Text: "Tak for din tilmelding", HTML: "<p>Tak</p>", ICS: "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"})
	var id int64
	st.Pool.QueryRow(ctx, `SELECT id FROM outgoing_mails`).Scan(&id)
	waitFor(t, "a failed attempt", func() bool {
		var attempts int
		var lastErr string
		st.Pool.QueryRow(ctx, `SELECT attempts, last_error FROM outgoing_mails WHERE id = $1`, id).Scan(&attempts, &lastErr)
		return attempts >= 1 && lastErr != ""
	})
	if s := state(st, id); s != "queued" {
		t.Fatalf("state after a failed attempt %q, want queued", s)
	}
	smtp := startSMTP(t, addr)
	// River backs off after a failure; make the retry due now rather than in seconds.
	st.Pool.Exec(ctx, `UPDATE river_job SET scheduled_at = now() WHERE kind = 'send_mail' AND state = 'retryable'`)
	waitFor(t, "sent", func() bool { return state(st, id) == "sent" })
	got := smtp.messages()
	if len(got) != 1 || !strings.Contains(got[0], "Kvittering for tilmelding COK-2026-00001") || !strings.Contains(got[0], "text/calendar") {
		t.Fatalf("SMTP got %d messages: %q", len(got), got)
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
	jb, err := jobs.New(st.Pool, st, jobs.Options{Work: true, BaseURL: "https://kurser.test", Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	nb := store.NewBooking{
		FormTokenHash: []byte("form"), ManageTokenHash: []byte("manage"),
		BookerName: "Mette Booker", BookerEmail: "mette@aarhus.dk", BookerPhone: "87130000", OrgName: "Aarhus Kommune",
		EAN: "5798000416604", DateIDs: []int64{dateID},
		Participants: []store.NewParticipant{{Name: "Anna Andersen", Email: "anna@aarhus.dk"}},
	}
	manage := "https://kurser.test/min-tilmelding/abc"
	rec, err := st.Book(ctx, nb, now, func(ctx context.Context, tx pgx.Tx, r booking.Receipt) error {
		return jb.QueueBookingMails(ctx, tx, jobs.BookingMail{BookingID: r.ID, ManageURL: manage})
	})
	if err != nil {
		t.Fatal(err)
	}
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
	for _, want := range []string{rec.Ref, manage, "Anna Andersen", "Politisk forståelse"} {
		if !strings.Contains(receipt, want) {
			t.Errorf("receipt mail lacks %q", want)
		}
	}
	// A second run of the same job (a retry or a rescued job) adds nothing,
	// in the shape of jobs queued before bookings were made together too;
	// a job naming two bookings mails the one not mailed yet.
	if err := jb.RecordBookingMails(ctx, jobs.BookingMailsArgs{BookingID: rec.ID, ManageURL: manage}); err != nil {
		t.Fatal(err)
	}
	nb.FormTokenHash, nb.ManageTokenHash = []byte("form 2"), []byte("manage 2")
	nb.Participants[0].Email = "bo@aarhus.dk"
	rec2, err := st.Book(ctx, nb, now, nil)
	if err != nil {
		t.Fatal(err)
	}
	// (named twice by mistake, it is still mailed once)
	both := jobs.BookingMailsArgs{Bookings: []jobs.BookingMail{{BookingID: rec.ID, ManageURL: manage}, {BookingID: rec2.ID, ManageURL: manage + "2"}, {BookingID: rec2.ID}}}
	if err := jb.RecordBookingMails(ctx, both); err != nil {
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
	nb.FormTokenHash, nb.ManageTokenHash, nb.Participants[0].Email = []byte("form 3"), []byte("manage 3"), "cia@aarhus.dk"
	rec3, err := st.Book(ctx, nb, now, nil)
	if err != nil {
		t.Fatal(err)
	}
	nb.FormTokenHash, nb.ManageTokenHash, nb.Participants[0].Email = []byte("form 4"), []byte("manage 4"), "dan@aarhus.dk"
	rec4, err := st.Book(ctx, nb, now, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := jb.RecordBookingMails(ctx, jobs.BookingMailsArgs{Bookings: []jobs.BookingMail{{BookingID: rec4.ID}, {BookingID: rec3.ID}}}); err != nil {
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
	if err := jb.RecordBookingMails(ctx, jobs.BookingMailsArgs{BookingID: rec.ID + 1000}); err != nil {
		t.Fatalf("job for a deleted booking: %v", err)
	}
}
