package enrolment_test

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/enrolment"
	"kursuskatalog/internal/jobs"
	"kursuskatalog/internal/mail"
	"kursuskatalog/internal/privacy"
	"kursuskatalog/internal/store"
)

// tablesHolding lists the tables (of the public schema, River's and the
// mail tables included) with a row whose text holds s, any case.
func tablesHolding(t *testing.T, st *store.Store, s string) []string {
	t.Helper()
	ctx := context.Background()
	rows, err := st.Pool.Query(ctx, `SELECT table_name FROM information_schema.tables
		WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		tables = append(tables, n)
	}
	rows.Close()
	var out []string
	for _, tb := range tables {
		var n int
		q := fmt.Sprintf(`SELECT count(*) FROM %q t WHERE t::text ILIKE '%%' || $1 || '%%'`, tb)
		if err := st.Pool.QueryRow(ctx, q, s).Scan(&n); err != nil {
			t.Fatalf("%s: %v", tb, err)
		}
		if n > 0 {
			out = append(out, tb)
		}
	}
	return out
}

// retain applies the rules as of at and returns the rows per rule.
func retain(t *testing.T, svc *enrolment.Service, at time.Time, dry bool) map[string]int64 {
	t.Helper()
	res, err := svc.ApplyRetention(context.Background(), at, dry)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int64{}
	for _, r := range res {
		out[r.Key] = r.Rows
	}
	return out
}

// retentionFixture books Anna (with diet, allergens and needs) on a
// residential date, composes the mails and marks them sent at the clock's
// time, and adds a closed inquiry from 10.1.2.3 and two audit rows, one
// naming Anna.
func retentionFixture(t *testing.T) (*store.Store, *enrolment.Service, *clock, booking.BookedDate, int64) {
	t.Helper()
	st, svc, ck, d := seedDate(t)
	ctx := context.Background()
	book(t, st, svc, d.ID, booking.Person{Name: "Anna Andersen", Email: "anna.andersen@aarhus.dk", Diet: "Vegetar",
		Accessibility: "Kørestol", Stay: booking.Stay{Overnight: true, Allergens: []string{"gluten"}, Needs: "Sent ankomst"}})
	var inquiry int64
	for _, q := range []string{
		`UPDATE outgoing_mails SET state = 'sent', created_at = $1, sent_at = $1`,
		`INSERT INTO audit_log (at, entity, entity_id, action) VALUES ($1, 'course', 1, 'update')`,
		// The readable log names the person, the booker as actor, and old and new values.
		`INSERT INTO audit_log (at, entity, entity_id, action, actor, label, booking_id, changes)
			SELECT $1, 'participant', p.id, 'update', 'Bookeren Mette Booker (mette@aarhus.dk)', p.name || ', Politisk forståelse',
				p.booking_id, jsonb_build_array(jsonb_build_object('field', 'job_title', 'old', 'Anna Andersen', 'new', '87130000'))
			FROM participants p WHERE p.email = 'anna.andersen@aarhus.dk'`,
	} {
		if _, err := st.Pool.Exec(ctx, q, ck.now()); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.Pool.QueryRow(ctx, `INSERT INTO inquiries (kind, name, email, message, state, client_addr, created_at, handled_at)
		VALUES ('contact', 'Bo Spørger', 'bo.spoerger@odense.dk', 'Hvornår?', 'handled', '10.1.2.3', $1, $1) RETURNING id`,
		ck.now()).Scan(&inquiry); err != nil {
		t.Fatal(err)
	}
	return st, svc, ck, d, inquiry
}

// Each rule deletes or anonymises what it should at its time and not
// before; a dry run counts and changes nothing.
func TestRetentionRulesAtTheirTime(t *testing.T) {
	st, svc, ck, d, inquiry := retentionFixture(t)
	ctx := context.Background()
	made := ck.now()
	needs := func() (diet string) {
		st.Pool.QueryRow(ctx, `SELECT diet || accessibility || stay_needs || array_to_string(diet_allergens, ',')
			FROM participants WHERE lower(email) = 'anna.andersen@aarhus.dk'`).Scan(&diet)
		return
	}
	if needs() != "VegetarKørestolSent ankomstgluten" {
		t.Fatalf("needs as booked: %q", needs())
	}

	// A dry run far ahead counts every rule and changes nothing.
	dry := retain(t, svc, made.AddDate(8, 0, 0), true)
	for _, k := range []string{privacy.Needs, privacy.ClientAddr, privacy.MailBodies, privacy.Inquiries, privacy.People, privacy.Bookkeeping, privacy.Audit} {
		if dry[k] == 0 {
			t.Errorf("dry run: rule %s counts nothing", k)
		}
	}
	if needs() == "" || len(tablesHolding(t, st, "anna.andersen@aarhus.dk")) == 0 || len(tablesHolding(t, st, "10.1.2.3")) == 0 {
		t.Fatal("a dry run changed something")
	}

	steps := []struct {
		at    time.Time
		rule  string
		want  int64
		check func() bool
	}{
		{made.AddDate(0, 0, 6), privacy.ClientAddr, 0, func() bool { return len(tablesHolding(t, st, "10.1.2.3")) == 1 }},
		{made.AddDate(0, 0, 8), privacy.ClientAddr, 1, func() bool { return len(tablesHolding(t, st, "10.1.2.3")) == 0 }},
		{d.EndsAt.AddDate(0, 0, 29), privacy.Needs, 0, func() bool { return needs() != "" }},
		{d.EndsAt.AddDate(0, 0, 31), privacy.Needs, 1, func() bool { return needs() == "" }},
		{made.AddDate(0, 0, 89), privacy.MailBodies, 0, func() bool { return mailText(t, st) != "" }},
		{made.AddDate(0, 0, 91), privacy.MailBodies, 2, func() bool { return mailText(t, st) == "" }},
		{made.AddDate(0, 11, 0), privacy.Inquiries, 0, func() bool { return inquiryExists(st, inquiry) }},
		{made.AddDate(0, 13, 0), privacy.Inquiries, 1, func() bool { return !inquiryExists(st, inquiry) }},
		{d.EndsAt.AddDate(0, 23, 0), privacy.People, 0, func() bool { return len(tablesHolding(t, st, "Anna Andersen")) > 0 }},
		{d.EndsAt.AddDate(0, 25, 0), privacy.People, 1, func() bool { return peopleGone(t, st) }},
		{made.AddDate(5, 0, -1), privacy.Audit, 0, func() bool { return auditRows(st) == 2 }},
		{made.AddDate(5, 0, 1), privacy.Audit, 2, func() bool { return auditRows(st) == 0 }},
	}
	// In the order of time, as the days pass.
	sort.SliceStable(steps, func(i, j int) bool { return steps[i].at.Before(steps[j].at) })
	for _, s := range steps {
		got := retain(t, svc, s.at, false)
		if got[s.rule] != s.want || !s.check() {
			t.Errorf("as of %s: rule %s touched %d rows (want %d), check passed: %v", s.at.Format(time.DateTime), s.rule, got[s.rule], s.want, s.check())
		}
	}
	// The billing data stays until five years after the end of the
	// financial year of the booking's last entry, then goes.
	var last time.Time
	st.Pool.QueryRow(ctx, `SELECT max(created_at) FROM bookings`).Scan(&last)
	until := privacy.BookkeepingUntil(last)
	if got := retain(t, svc, until.Add(-time.Second), false); got[privacy.Bookkeeping] != 0 || bookings(st) != 1 {
		t.Errorf("a second before %s: %d bookings deleted", until, got[privacy.Bookkeeping])
	}
	if got := retain(t, svc, until, false); got[privacy.Bookkeeping] != 1 || bookings(st) != 0 {
		t.Errorf("at %s: %d bookings deleted, %d left", until, got[privacy.Bookkeeping], bookings(st))
	}
}

func mailText(t *testing.T, st *store.Store) string {
	var s string
	st.Pool.QueryRow(context.Background(), `SELECT coalesce(string_agg(text_body || html_body, ''), '') FROM outgoing_mails`).Scan(&s)
	return s
}

func inquiryExists(st *store.Store, id int64) bool {
	var n int
	st.Pool.QueryRow(context.Background(), `SELECT count(*) FROM inquiries WHERE id = $1`, id).Scan(&n)
	return n == 1
}

func auditRows(st *store.Store) int {
	var n int
	st.Pool.QueryRow(context.Background(), `SELECT count(*) FROM audit_log`).Scan(&n)
	return n
}

func bookings(st *store.Store) int {
	var n int
	st.Pool.QueryRow(context.Background(), `SELECT count(*) FROM bookings`).Scan(&n)
	return n
}

// peopleGone: after anonymisation no table holds the participant's or
// the booker's name or e-mail, and the billing data is still there.
func peopleGone(t *testing.T, st *store.Store) bool {
	t.Helper()
	for _, s := range []string{"Anna Andersen", "anna.andersen@aarhus.dk", "Mette Booker", "mette@aarhus.dk", "87130000"} {
		if in := tablesHolding(t, st, s); len(in) > 0 {
			t.Errorf("%q is still in %v", s, in)
			return false
		}
	}
	var org, ean string
	st.Pool.QueryRow(context.Background(), `SELECT org_name, ean FROM bookings`).Scan(&org, &ean)
	return org == "Aarhus Kommune" && ean == "5798000416604"
}

// capture is an SMTP server in memory: it keeps what it is given.
type capture struct {
	mu   sync.Mutex
	msgs []mail.Message
}

func (c *capture) Send(_ context.Context, msgs []mail.Message) []error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.msgs = append(c.msgs, msgs...)
	return make([]error, len(msgs))
}

func (c *capture) all() []mail.Message {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]mail.Message(nil), c.msgs...)
}

var workingLink = regexp.MustCompile(`/(?:min-tilmelding|min-plads)/([A-Za-z0-9_-]{43})`)

// The mails as sent carry working links; once they are sent, no row in the
// database (mails, their tokens, River's job arguments) holds one.
func TestNoWorkingTokenAtRest(t *testing.T) {
	st, svc, ck, d := seedDate(t)
	ctx := context.Background()
	smtp := &capture{}
	jb, err := jobs.NewWorkers(st.Pool, st, jobs.Options{Composer: svc, Sender: smtp, Now: ck.now})
	if err != nil {
		t.Fatal(err)
	}
	b := bookingOn([]int64{d.ID}, "anna.andersen@aarhus.dk")
	res := svc.BookMany(ctx, []enrolment.Booking{b})
	if res[0].Err != nil {
		t.Fatal(res[0].Err)
	}
	if in := tablesHolding(t, st, res[0].ManageToken); strings.Join(in, ",") != "booking_mail_tokens" {
		t.Fatalf("before composing, the manage token is in %v; want only booking_mail_tokens", in)
	}
	if err := jb.Client.Start(ctx); err != nil {
		t.Fatal(err)
	}
	defer jb.Client.Stop(context.Background())
	waitFor(t, "two mails sent", func() bool {
		var n int
		st.Pool.QueryRow(ctx, `SELECT count(*) FROM outgoing_mails WHERE state = 'sent'`).Scan(&n)
		return n == 2
	})
	var tokens []string
	for _, m := range smtp.all() {
		for _, l := range workingLink.FindAllStringSubmatch(m.Text+m.HTML, -1) {
			tokens = append(tokens, l[1])
		}
	}
	if !strings.Contains(strings.Join(tokens, " "), res[0].ManageToken) || len(tokens) < 4 {
		t.Fatalf("the sent mails lack their links: %v", tokens)
	}
	for _, tok := range tokens {
		if in := tablesHolding(t, st, tok); len(in) > 0 {
			t.Errorf("a working token is at rest in %v", in)
		}
	}
	var stored string
	st.Pool.QueryRow(ctx, `SELECT text_body FROM outgoing_mails WHERE kind = 'booking'`).Scan(&stored)
	if !strings.Contains(stored, "/min-tilmelding/~skjult-1~") {
		t.Errorf("the stored receipt does not show where its link was:\n%s", stored)
	}
}
