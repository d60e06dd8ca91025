package jobs_test

import (
	"context"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/ical"
	"kursuskatalog/internal/jobs"
	"kursuskatalog/internal/mail"
	"kursuskatalog/internal/store"
	"kursuskatalog/internal/testdb"
)

// passer counts the offer jobs worked; it asks the first to wait.
type passer struct {
	mu    sync.Mutex
	calls []int64
}

func (p *passer) PassOnOffer(_ context.Context, offerID int64) (time.Duration, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.calls = append(p.calls, offerID)
	if len(p.calls) == 1 {
		return 500 * time.Millisecond, nil // "not yet": the job comes back
	}
	return 0, nil
}

func (p *passer) count() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.calls)
}

// An offer_pass_on job inserted in a transaction reaches the passer with
// the offer's id; a job that came too early comes back when told to.
func TestOfferJobsReachThePasser(t *testing.T) {
	st, _ := testdb.Store(t)
	p := &passer{}
	jb, err := jobs.NewWorkers(st.Pool, st, jobs.Options{Offers: p})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if err := jb.Client.Start(ctx); err != nil {
		t.Fatal(err)
	}
	defer jb.Client.Stop(context.Background())
	q, err := jobs.NewQueue(st.Pool)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.InTx(ctx, func(tx pgx.Tx) error { return q.PassOnOffer(ctx, tx, 42, time.Now()) }); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the job worked again after waiting", func() bool { return p.count() == 2 })
	var args string
	st.Pool.QueryRow(ctx, `SELECT args::text FROM river_job WHERE kind = 'offer_pass_on'`).Scan(&args)
	if p.calls[0] != 42 || p.calls[1] != 42 || strings.Contains(args, "token") {
		t.Fatalf("calls %v, args %s", p.calls, args)
	}
}

// A mail with two invitations goes out with two calendar files, each
// typed with its own method, as mail programs read invitations.
func TestInvitationsGoAsFilesOfTheirMethod(t *testing.T) {
	st, _ := testdb.Store(t)
	smtp := startSMTP(t, "127.0.0.1:0")
	u, _ := url.Parse("smtp://" + smtp.addr)
	sender, err := mail.NewSender(u, "")
	if err != nil {
		t.Fatal(err)
	}
	startWorkers(t, st, sender)
	ev := ical.Event{UID: "kursus-1-abc@kurser.test", Summary: "Politisk forståelse (COK)",
		Start: time.Date(2027, 3, 3, 8, 45, 0, 0, time.UTC), End: time.Date(2027, 3, 4, 15, 0, 0, 0, time.UTC), Stamp: time.Now()}
	org, anna := ical.Person{Name: "COK", Email: "kurser@cok.dk"}, ical.Person{Name: "Anna", Email: "anna@aarhus.dk"}
	cals := string(ical.Invite(time.UTC, ical.Invitation{Method: ical.Cancel, Event: ev, Sequence: 2, Organizer: org, Attendee: anna}))
	ev.UID = "kursus-2-abc@kurser.test"
	cals += string(ical.Invite(time.UTC, ical.Invitation{Method: ical.Request, Event: ev, Organizer: org, Attendee: anna}))
	queue(t, st, store.Mail{Kind: "moved", To: "anna@aarhus.dk", Subject: "Ny dato", Text: "Flyttet", ICS: cals})
	waitFor(t, "sent", func() bool { _, n := smtp.count(); return n == 1 })
	got := strings.ReplaceAll(smtp.messages()[0], "\r\n\t", " ")
	for _, want := range []string{`method=CANCEL`, `filename="aflyst-1.ics"`, `method=REQUEST`, `filename="kursus-2.ics"`} {
		if !strings.Contains(got, want) {
			t.Errorf("the message lacks %s:\n%s", want, got)
		}
	}
}
