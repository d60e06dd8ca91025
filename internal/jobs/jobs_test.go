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

// queue records mails and their send job in one transaction, as the
// enrolment service's outbox does.
func queue(t *testing.T, st *store.Store, msgs ...store.Mail) {
	t.Helper()
	q, err := jobs.NewQueue(st.Pool)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	err = st.InTx(ctx, func(tx pgx.Tx) error {
		mails := make([]store.NewMail, len(msgs))
		for i, m := range msgs {
			mails[i] = store.NewMail{Mail: m}
		}
		ids, err := store.InsertMails(ctx, tx, mails)
		if err != nil {
			return err
		}
		return q.SendMails(ctx, tx, ids)
	})
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
func startWorkers(t *testing.T, st *store.Store, sender jobs.Sender) (*jobs.Workers, context.Context) {
	t.Helper()
	jb, err := jobs.NewWorkers(st.Pool, st, jobs.Options{Sender: sender})
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
	_, ctx := startWorkers(t, st, nil)
	queue(t, st, store.Mail{Kind: "booking", To: "a@b.dk", Subject: "Kvittering", Text: "Hej"})
	var id int64
	st.Pool.QueryRow(ctx, `SELECT id FROM outgoing_mails`).Scan(&id)
	waitFor(t, "recorded", func() bool { return state(st, id) == "recorded" })
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
	_, ctx := startWorkers(t, st, sender)
	queue(t, st,
		store.Mail{Kind: "booking", To: "anna@aarhus.dk", Subject: "Kvittering", Text: "Tak"},
		store.Mail{Kind: "participant", To: "ukendt@aarhus.dk", Subject: "Du er tilmeldt", Text: "Velkommen"},
		store.Mail{Kind: "participant", To: "bo@aarhus.dk", Subject: "Du er tilmeldt", Text: "Velkommen"})
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
	sender, addr := downSMTP(t)
	_, ctx := startWorkers(t, st, sender)
	queue(t, st, store.Mail{Kind: "booking", To: "anna@aarhus.dk", ToName: "Anna", Subject: "Kvittering for tilmelding COK-2026-00001", Text: "Tak for din tilmelding", HTML: "<p>Tak</p>", ICS: "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"})
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
	// The job waits half a minute while SMTP is away; make the retry due now.
	waitFor(t, "the job to wait", func() bool {
		var n int
		st.Pool.QueryRow(ctx, `SELECT count(*) FROM river_job WHERE kind = 'send_mail' AND state IN ('retryable', 'scheduled')`).Scan(&n)
		return n == 1
	})
	st.Pool.Exec(ctx, `UPDATE river_job SET scheduled_at = now() WHERE kind = 'send_mail' AND state IN ('retryable', 'scheduled')`)
	waitFor(t, "sent", func() bool { return state(st, id) == "sent" })
	got := smtp.messages()
	if len(got) != 1 || !strings.Contains(got[0], "Kvittering for tilmelding COK-2026-00001") || !strings.Contains(got[0], "text/calendar") {
		t.Fatalf("SMTP got %d messages: %q", len(got), got)
	}
}

// downSMTP is a sender to a loopback address where SMTP is "down": a
// port reserved and closed again.
func downSMTP(t *testing.T) (*mail.Sender, string) {
	t.Helper()
	probe, _ := net.Listen("tcp", "127.0.0.1:0")
	addr := probe.Addr().String()
	probe.Close()
	u, _ := url.Parse("smtp://" + addr)
	sender, err := mail.NewSender(u, "")
	if err != nil {
		t.Fatal(err)
	}
	return sender, addr
}

// However long SMTP has been away (here: a job that failed eight times
// already, which River's backoff would next try after hours), a send job
// tries again within half a minute, so its mails go within a minute of the
// server's return, and the outage uses up none of its attempts.
func TestMailTriesAgainWithinAMinuteWhileSMTPIsAway(t *testing.T) {
	st, _ := testdb.Store(t)
	queue(t, st, store.Mail{Kind: "booking", To: "anna@aarhus.dk", Subject: "Kvittering", Text: "Tak"})
	ctx := context.Background()
	if _, err := st.Pool.Exec(ctx, `UPDATE river_job SET attempt = 8,
		errors = array_fill('{"at": "2026-11-23T10:00:00Z", "attempt": 1, "error": "dial: connection refused", "trace": ""}'::jsonb, ARRAY[8])
		WHERE kind = 'send_mail'`); err != nil {
		t.Fatal(err)
	}
	sender, _ := downSMTP(t)
	startWorkers(t, st, sender)
	var wait time.Duration
	var jobState string
	var attempt int
	waitFor(t, "a try with SMTP away", func() bool {
		var lastErr string
		st.Pool.QueryRow(ctx, `SELECT last_error FROM outgoing_mails`).Scan(&lastErr)
		err := st.Pool.QueryRow(ctx, `SELECT state, attempt, scheduled_at - now() FROM river_job WHERE kind = 'send_mail'`).Scan(&jobState, &attempt, &wait)
		return err == nil && lastErr != "" && jobState != "running" && jobState != "available"
	})
	if jobState != "scheduled" || wait > time.Minute || attempt > 9 {
		t.Fatalf("job %s (attempt %d), next try in %s; want scheduled within a minute", jobState, attempt, wait)
	}
}

// A mail that cannot be made (a line break in the recipient's name) is
// failed at once, not retried for weeks; the job's other mails go.
func TestUnsendableMailFailsAtOnce(t *testing.T) {
	st, _ := testdb.Store(t)
	smtp := startSMTP(t, "127.0.0.1:0")
	u, _ := url.Parse("smtp://" + smtp.addr)
	sender, err := mail.NewSender(u, "")
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	startWorkers(t, st, sender)
	queue(t, st,
		store.Mail{Kind: "booking", To: "anna@aarhus.dk", ToName: "Anna\r\nBcc: alle@example.com", Subject: "Kvittering", Text: "Tak"},
		store.Mail{Kind: "participant", To: "bo@aarhus.dk", ToName: "Bo", Subject: "Du er tilmeldt", Text: "Velkommen"})
	waitFor(t, "the job done", func() bool {
		var n int
		st.Pool.QueryRow(ctx, `SELECT count(*) FROM river_job WHERE kind = 'send_mail' AND state = 'completed'`).Scan(&n)
		return n == 1
	})
	got := map[string]string{}
	rows, _ := st.Pool.Query(ctx, `SELECT to_addr, state FROM outgoing_mails`)
	for rows.Next() {
		var to, s string
		rows.Scan(&to, &s)
		got[to] = s
	}
	if got["anna@aarhus.dk"] != "failed" || got["bo@aarhus.dk"] != "sent" {
		t.Fatalf("states %v, want anna failed and bo sent", got)
	}
}
