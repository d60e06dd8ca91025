package jobs_test

import (
	"bufio"
	"context"
	"net"
	"net/url"
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
	ln   net.Listener
	mu   sync.Mutex
	got  []string
	addr string
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

// Without SMTP a mail is recorded, not sent.
func TestMailsAreRecordedWithoutSMTP(t *testing.T) {
	st, _ := testdb.Store(t)
	jb, err := jobs.New(st.Pool, st, jobs.Options{Work: true})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if err := jb.Client.Start(ctx); err != nil {
		t.Fatal(err)
	}
	defer jb.Client.Stop(context.Background())
	queue(t, st, jb, mail.Message{Kind: "booking", To: "a@b.dk", Subject: "Kvittering", Text: "Hej"})
	var id int64
	st.Pool.QueryRow(ctx, `SELECT id FROM outgoing_mails`).Scan(&id)
	waitFor(t, "recorded", func() bool { return state(st, id) == "recorded" })
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
	jb, err := jobs.New(st.Pool, st, jobs.Options{Work: true, Sender: sender})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if err := jb.Client.Start(ctx); err != nil {
		t.Fatal(err)
	}
	defer jb.Client.Stop(context.Background())
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
	both := jobs.BookingMailsArgs{Bookings: []jobs.BookingMail{{BookingID: rec.ID, ManageURL: manage}, {BookingID: rec2.ID, ManageURL: manage + "2"}}}
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
	// A booking deleted before its job ran gets no mails, and no error.
	if err := jb.RecordBookingMails(ctx, jobs.BookingMailsArgs{BookingID: rec.ID + 1000}); err != nil {
		t.Fatalf("job for a deleted booking: %v", err)
	}
}
