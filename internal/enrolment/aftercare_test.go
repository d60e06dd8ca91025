package enrolment_test

import (
	"context"
	"encoding/json"
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/catalog"
	"kursuskatalog/internal/demo"
	"kursuskatalog/internal/enrolment"
	"kursuskatalog/internal/jobs"
	"kursuskatalog/internal/mail"
	"kursuskatalog/internal/store"
	"kursuskatalog/internal/testdb"
)

// seedDate loads the demo and returns the service on a moved clock and the
// next date of the residential seed course "Politisk forståelse".
func seedDate(t *testing.T) (*store.Store, *enrolment.Service, *clock, booking.BookedDate) {
	t.Helper()
	st, _ := testdb.Store(t)
	ck := &clock{t: time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)}
	ctx := context.Background()
	if _, err := demo.Load(ctx, st, ck.now(), 0); err != nil {
		t.Fatal(err)
	}
	// The demo's own participants would get reminders and evaluations
	// too: these tests count only those they book.
	withoutDemoBookings(t, st)
	var id int64
	if err := st.Pool.QueryRow(ctx, `SELECT d.id FROM course_dates d JOIN courses c ON c.id = d.course_id
		WHERE c.slug = 'politisk-forstaaelse' AND d.starts_at > $1 AND d.seats_taken < d.capacity
		ORDER BY d.starts_at LIMIT 1`, ck.now()).Scan(&id); err != nil {
		t.Fatal(err)
	}
	ds, err := store.DatesByID(ctx, st.Pool, []int64{id})
	if err != nil || len(ds) != 1 {
		t.Fatal(ds, err)
	}
	if !ds[0].Residential || ds[0].ReminderDays != 7 {
		t.Fatalf("the seed course is not residential with reminders 7 days before: %+v", ds[0])
	}
	q, err := jobs.NewQueue(st.Pool)
	if err != nil {
		t.Fatal(err)
	}
	svc := enrolment.New(enrolment.Deps{Store: st, Queue: q, BaseURL: "https://kurser.test", Now: ck.now})
	return st, svc, ck, ds[0]
}

// book books people on date and composes their booking's mails, as the
// booking_mails worker would.
func book(t *testing.T, st *store.Store, svc *enrolment.Service, date int64, people ...booking.Person) {
	t.Helper()
	b := bookingOn([]int64{date})
	b.People = people
	res := svc.BookMany(context.Background(), []enrolment.Booking{b})
	if res[0].Err != nil {
		t.Fatal(res[0].Err)
	}
	work(t, st, "booking_mails", func(args []byte) error {
		var a jobs.BookingMailsArgs
		mustJSON(t, args, &a)
		return svc.ComposeBookingMails(context.Background(), a.Bookings)
	})
}

// work does what River's workers would do with the jobs of kind that
// wait: calls fn with each one's args and marks it completed. It returns
// how many there were.
func work(t *testing.T, st *store.Store, kind string, fn func(args []byte) error) int {
	t.Helper()
	ctx := context.Background()
	rows, err := st.Pool.Query(ctx, `SELECT id, args FROM river_job WHERE kind = $1 AND state = 'available' ORDER BY id`, kind)
	if err != nil {
		t.Fatal(err)
	}
	type job struct {
		id   int64
		args []byte
	}
	all, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (job, error) {
		var j job
		return j, r.Scan(&j.id, &j.args)
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, j := range all {
		if err := fn(j.args); err != nil {
			t.Fatalf("%s job %d: %v", kind, j.id, err)
		}
		if _, err := st.Pool.Exec(ctx, `UPDATE river_job SET state = 'completed', finalized_at = now() WHERE id = $1`, j.id); err != nil {
			t.Fatal(err)
		}
	}
	return len(all)
}

// sweep runs the periodic sweep and works the date jobs it queued.
func sweep(t *testing.T, st *store.Store, svc *enrolment.Service) (reminders, after int) {
	t.Helper()
	ctx := context.Background()
	if err := svc.QueueDueCourseMails(ctx); err != nil {
		t.Fatal(err)
	}
	reminders = work(t, st, "date_reminders", func(args []byte) error {
		var a jobs.RemindersArgs
		mustJSON(t, args, &a)
		return svc.SendReminders(ctx, a.DateID)
	})
	after = work(t, st, "after_course", func(args []byte) error {
		var a jobs.AfterCourseArgs
		mustJSON(t, args, &a)
		return svc.SendAfterCourse(ctx, a.DateID)
	})
	return reminders, after
}

type sentMail struct {
	To, Subject, Text string
	Files             int
}

// mailsOf lists the recorded mails of a kind, oldest first.
func mailsOf(t *testing.T, st *store.Store, kind string) []sentMail {
	t.Helper()
	rows, err := st.Pool.Query(context.Background(), `
		SELECT m.to_addr, m.subject, m.text_body, (SELECT count(*) FROM mail_attachments a WHERE a.mail_id = m.id),
			array(SELECT token FROM mail_link_tokens k WHERE k.mail_id = m.id ORDER BY position)
		FROM outgoing_mails m WHERE m.kind = $1 ORDER BY m.id`, kind)
	if err != nil {
		t.Fatal(err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (sentMail, error) {
		var m sentMail
		var tokens []string
		err := r.Scan(&m.To, &m.Subject, &m.Text, &m.Files, &tokens)
		m.Text = mail.Restore(m.Text, tokens) // as its receiver gets it
		return m, err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

var personalLink = regexp.MustCompile(`/min-plads/([A-Za-z0-9_-]{43})`)

// tokenIn is the personal link's token in a mail.
func tokenIn(t *testing.T, text string) string {
	t.Helper()
	m := personalLink.FindStringSubmatch(text)
	if m == nil {
		t.Fatalf("no personal link in:\n%s", text)
	}
	return m[1]
}

// The practical information goes out at 09:00 Copenhagen time seven days
// before the start, once, to each confirmed participant, with their own
// link; a booking made after that gets it at once.
func TestPracticalInformationSevenDaysBefore(t *testing.T) {
	st, svc, ck, d := seedDate(t)
	ctx := context.Background()
	book(t, st, svc, d.ID,
		booking.Person{Name: "Åse Ærø", Email: "aase@odense.dk", Diet: "Vegetar",
			Stay: booking.Stay{Overnight: true, Allergens: []string{"nuts", "milk"}, Needs: "Værelse i stueetagen"}},
		booking.Person{Name: "Bo Bøgh", Email: "bo@odense.dk", Stay: booking.Stay{Overnight: false}})
	confirmations := mailsOf(t, st, "confirmation")
	if len(confirmations) != 2 || !strings.Contains(confirmations[0].Text, "Kurset har overnatning") {
		t.Fatalf("confirmations: %+v", confirmations)
	}
	tokenIn(t, confirmations[0].Text) // the booker's colleagues can fix their stay from the start

	due := booking.ReminderDue(d.StartsAt, 7)
	if local := due.In(catalog.Copenhagen); local.Hour() != 9 || !local.Add(7*24*time.Hour).After(d.StartsAt.Add(-24*time.Hour)) {
		t.Fatalf("due %s for a start at %s", local, d.StartsAt.In(catalog.Copenhagen))
	}
	ck.set(due.Add(-time.Minute))
	if r, _ := sweep(t, st, svc); r != 0 || len(mailsOf(t, st, "reminder")) != 0 {
		t.Fatalf("a minute before 09:00 seven days before: %d jobs, %d mails", r, len(mailsOf(t, st, "reminder")))
	}
	ck.set(due)
	if r, _ := sweep(t, st, svc); r != 1 {
		t.Fatalf("at 09:00 seven days before: %d reminder jobs, want 1", r)
	}
	reminders := mailsOf(t, st, "reminder")
	if len(reminders) != 2 {
		t.Fatalf("%d reminders, want one to each of the two", len(reminders))
	}
	aase := reminders[0]
	if aase.To != "aase@odense.dk" || !strings.HasPrefix(aase.Subject, "Praktisk information: Politisk forståelse") {
		t.Fatalf("first reminder: %s %q", aase.To, aase.Subject)
	}
	for _, want := range []string{"Kære Åse Ærø", "Frederik VI's Hotel, Rugårdsvej 590, 5210 Odense NV",
		"https://www.openstreetmap.org/search?query=Rug%C3%A5rdsvej+590", "Gratis parkering ved hotellet",
		"Dag 1, kl. 09:00: Ankomst, kaffe og morgenbrød", "Dag 1, kl. 18:30: Middag", "Medbring", "Et dilemma fra din egen hverdag",
		"Overnatning: Ja", "Allergier: Mælk og laktose, Nødder", "Kost og allergier i øvrigt: Vegetar",
		"Andre behov: Værelse i stueetagen", "Mette Booker (mette@aarhus.dk)"} {
		if !strings.Contains(aase.Text, want) {
			t.Errorf("the reminder lacks %q:\n%s", want, aase.Text)
		}
	}
	if !strings.Contains(reminders[1].Text, "Overnatning: Nej") {
		t.Errorf("Bo's reminder does not say he does not stay:\n%s", reminders[1].Text)
	}
	var ics string
	st.Pool.QueryRow(ctx, `SELECT ics FROM outgoing_mails WHERE kind = 'reminder' LIMIT 1`).Scan(&ics)
	if !strings.Contains(ics, "BEGIN:VEVENT") || !strings.Contains(ics, "METHOD:REQUEST") {
		t.Error("the reminder has no calendar invitation")
	}
	mine, err := svc.MySeats(ctx, tokenIn(t, aase.Text))
	if err != nil || len(mine.Seats) != 1 || mine.Seats[0].Name != "Åse Ærø" {
		t.Fatalf("Åse's link opens %+v, %v", mine, err)
	}

	// An hour later nothing new is due; a booking made now gets it at once.
	ck.set(due.Add(time.Hour))
	if r, _ := sweep(t, st, svc); r != 0 || len(mailsOf(t, st, "reminder")) != 2 {
		t.Fatalf("the sweep an hour later sent again: %d jobs", r)
	}
	ck.set(due.Add(26 * time.Hour))
	book(t, st, svc, d.ID, booking.Person{Name: "Carl Sejr", Email: "carl@odense.dk", Stay: booking.Stay{Overnight: true}})
	if n := work(t, st, "date_reminders", func(args []byte) error {
		var a jobs.RemindersArgs
		mustJSON(t, args, &a)
		return svc.SendReminders(ctx, a.DateID)
	}); n != 1 {
		t.Fatalf("the late booking queued %d reminder jobs, want 1", n)
	}
	reminders = mailsOf(t, st, "reminder")
	if len(reminders) != 3 || reminders[2].To != "carl@odense.dk" {
		t.Fatalf("after the late booking: %+v", reminders)
	}
}

// After the course, those marked present (and absent on no day) get their
// diploma as a PDF and a link to the evaluation, once; the absent get
// nothing. The evaluation takes one anonymous answer per participant. A
// participant marked present after the mails went out gets theirs then.
func TestDiplomaAndEvaluationAfterTheCourse(t *testing.T) {
	st, svc, ck, d := seedDate(t)
	ctx := context.Background()
	book(t, st, svc, d.ID,
		booking.Person{Name: "Åse Ærø", Email: "aase@odense.dk"},
		booking.Person{Name: "Bo Bøgh", Email: "bo@odense.dk"},
		booking.Person{Name: "Carl Sejr", Email: "carl@odense.dk"})
	seats := map[string]int64{}
	rows, _ := st.Pool.Query(ctx, `SELECT email, id FROM participants WHERE date_id = $1 AND status = 'confirmed'`, d.ID)
	var email string
	var id int64
	pgx.ForEachRow(rows, []any{&email, &id}, func() error { seats[email] = id; return nil })
	days := booking.CourseDays(d.StartsAt, d.EndsAt)
	if len(days) != 2 {
		t.Fatalf("course days %v", days)
	}
	mark := func(who string, day time.Time, present bool) {
		t.Helper()
		if err := svc.MarkAttendance(ctx, 0, d.ID, seats[who], day, present); err != nil {
			t.Fatalf("mark %s: %v", who, err)
		}
	}
	ck.set(d.StartsAt.Add(-30 * time.Minute))
	if err := svc.MarkAttendance(ctx, 0, d.ID, seats["aase@odense.dk"], days[1], true); !errors.Is(err, booking.ErrAttendanceDay) {
		t.Fatalf("day two marked on day one: %v", err)
	}
	mark("aase@odense.dk", days[0], true)
	mark("bo@odense.dk", days[0], true)
	mark("carl@odense.dk", days[0], false)
	ck.set(d.EndsAt.Add(-5 * time.Hour))
	mark("aase@odense.dk", days[1], true)

	ck.set(d.EndsAt.Add(-time.Minute))
	if _, a := sweep(t, st, svc); a != 0 || len(mailsOf(t, st, "after_course")) != 0 {
		t.Fatalf("before the end: %d after-course jobs", a)
	}
	ck.set(d.EndsAt)
	if _, a := sweep(t, st, svc); a != 1 {
		t.Fatalf("at the end: %d after-course jobs, want 1", a)
	}
	after := mailsOf(t, st, "after_course")
	if len(after) != 2 || after[0].To != "aase@odense.dk" || after[1].To != "bo@odense.dk" {
		t.Fatalf("after-course mails: %+v; want Åse and Bo (present, not absent), not Carl (absent)", after)
	}
	for _, m := range after {
		if m.Files != 1 || !strings.Contains(m.Text, "Dit kursusbevis er vedhæftet som PDF") || !strings.Contains(m.Text, "/evaluering/") {
			t.Errorf("mail to %s: %d files\n%s", m.To, m.Files, m.Text)
		}
	}
	var name, ctype string
	var size int
	st.Pool.QueryRow(ctx, `SELECT name, content_type, length(data) FROM mail_attachments LIMIT 1`).Scan(&name, &ctype, &size)
	if name != "kursusbevis-politisk-forstaaelse.pdf" || ctype != "application/pdf" || size < 1000 {
		t.Errorf("attachment %q %q %d bytes", name, ctype, size)
	}
	if _, a := sweep(t, st, svc); a != 0 || len(mailsOf(t, st, "after_course")) != 2 {
		t.Fatalf("a second sweep mailed again (%d jobs)", a)
	}

	aase := tokenIn(t, after[0].Text)
	pdf, file, err := svc.Diploma(ctx, aase, seats["aase@odense.dk"])
	if err != nil || !strings.HasPrefix(string(pdf), "%PDF") || file != name {
		t.Fatalf("Åse's diploma from her link: %d bytes %q %v", len(pdf), file, err)
	}
	answer := booking.Answer{Overall: 5, Relevance: 4, Teaching: 5, Improve: "Mere tid til dilemmaspillet"}
	if err := svc.Evaluate(ctx, aase, seats["aase@odense.dk"], answer); err != nil {
		t.Fatal(err)
	}
	if err := svc.Evaluate(ctx, aase, seats["aase@odense.dk"], answer); !errors.Is(err, booking.ErrEvaluationAnswered) {
		t.Fatalf("a second answer: %v", err)
	}
	carl := tokenIn(t, mailsOf(t, st, "confirmation")[2].Text)
	if err := svc.Evaluate(ctx, carl, seats["carl@odense.dk"], answer); !errors.Is(err, booking.ErrEvaluationClosed) {
		t.Fatalf("Carl, absent, evaluates: %v", err)
	}
	if _, _, err := svc.Diploma(ctx, carl, seats["carl@odense.dk"]); !errors.Is(err, enrolment.ErrNoDiploma) {
		t.Fatalf("Carl's diploma: %v", err)
	}
	if _, _, err := svc.Diploma(ctx, carl, seats["aase@odense.dk"]); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("Carl's link opens Åse's diploma: %v", err)
	}
	var cols int
	st.Pool.QueryRow(ctx, `SELECT count(*) FROM information_schema.columns WHERE table_name = 'evaluations'
		AND column_name NOT IN ('id', 'date_id', 'overall', 'relevance', 'teaching', 'improve')`).Scan(&cols)
	if cols != 0 {
		t.Errorf("the evaluations table has %d columns beyond the answer: it could tell who answered", cols)
	}

	// A correction two days after: Carl was there after all.
	ck.set(d.EndsAt.Add(48 * time.Hour))
	mark("carl@odense.dk", days[0], true)
	if n := work(t, st, "after_course", func(args []byte) error {
		var a jobs.AfterCourseArgs
		mustJSON(t, args, &a)
		return svc.SendAfterCourse(ctx, a.DateID)
	}); n != 1 {
		t.Fatalf("marking Carl present after the course queued %d jobs, want 1", n)
	}
	if after = mailsOf(t, st, "after_course"); len(after) != 3 || after[2].To != "carl@odense.dk" {
		t.Fatalf("after the correction: %+v", after)
	}
}

func mustJSON(t *testing.T, b []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatal(err)
	}
}
