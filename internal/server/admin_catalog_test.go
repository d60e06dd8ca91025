package server_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
)

const testAgenda = "Dag 1: Budgettets grundbegreber\n" +
	"09:00 | Ankomst, kaffe og morgenbrød\n" +
	"10:00 | Sådan læser du et kommunalt budget | Hanne Holm, Holm Økonomi\n" +
	"- Drift og anlæg\n" +
	"- Serviceramme og anlægsloft\n" +
	"\n" +
	"Dag 2\n" +
	"08:30 | Cases fra andre kommuner\n"

// newCourseValues is a valid form for a new course with a consultant, two
// topics and a two-day agenda.
func newCourseValues(t *testing.T, s *site) url.Values {
	t.Helper()
	ctx := context.Background()
	var consultant int64
	var topics []int64
	if err := s.Store.Pool.QueryRow(ctx, `SELECT id FROM consultants ORDER BY id LIMIT 1`).Scan(&consultant); err != nil {
		t.Fatal(err)
	}
	rows, _ := s.Store.Pool.Query(ctx, `SELECT id FROM topics ORDER BY id LIMIT 2`)
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		topics = append(topics, id)
	}
	rows.Close()
	if len(topics) != 2 {
		t.Fatalf("demo topics: %v", topics)
	}
	return url.Values{
		"version": {"0"}, "title": {"Kommunal økonomi for åbne sind"}, "slug": {""},
		"teaser": {"Forstå budgettet, så du kan rådgive politikerne."}, "audience": {"Sekretariatsmedarbejdere"},
		"description": {"Et kursus om **budgetter**."}, "content_intro": {"På kurset arbejder vi med:"},
		"bullets": {"Budgetprocessen\nNøgletal"}, "teaching_form": {"Oplæg og øvelser"},
		"price": {"4.500"}, "vat": {"2500"}, "price_covers": {"undervisning, materialer og forplejning"},
		"invoice_note": {"Faktura sendes ud 3-4 uger før kursusstart."}, "partner_note": {"I samarbejde med KL."},
		"inhouse": {"1"}, "consultant": {strconv.FormatInt(consultant, 10)}, "status": {"draft"},
		"topic": {strconv.FormatInt(topics[0], 10), strconv.FormatInt(topics[1], 10)}, "agenda": {testAgenda},
		"handling": {"gem"},
	}
}

func firstVenue(t *testing.T, s *site) string {
	t.Helper()
	var id int64
	if err := s.Store.Pool.QueryRow(context.Background(), `SELECT id FROM venues ORDER BY id LIMIT 1`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return strconv.FormatInt(id, 10)
}

// createCourseWithDate creates a draft course through the editor and adds
// one date; it returns the course's and the date's ids.
func createCourseWithDate(t *testing.T, s *site) (course, date int64) {
	t.Helper()
	status, loc, body := s.post(t, "/admin/kurser/ny", newCourseValues(t, s))
	if status != http.StatusSeeOther || !strings.HasPrefix(loc, "/admin/kurser/") {
		t.Fatalf("create: %d %q %s", status, loc, body)
	}
	course, _ = strconv.ParseInt(strings.TrimPrefix(loc, "/admin/kurser/"), 10, 64)
	status, _, body = s.post(t, fmt.Sprintf("/admin/kurser/%d/datoer/ny", course), url.Values{
		"version": {"0"}, "venue": {firstVenue(t, s)}, "starts": {"2027-03-03T08:45"}, "ends": {"2027-03-04T15:00"},
		"deadline": {"2027-02-10"}, "capacity": {"20"}})
	if status != http.StatusSeeOther {
		t.Fatalf("add date: %d %s", status, body)
	}
	s.Store.Pool.QueryRow(context.Background(), `SELECT id FROM course_dates WHERE course_id = $1`, course).Scan(&date)
	return course, date
}

func auditActions(t *testing.T, s *site, entity string, id int64) string {
	t.Helper()
	rows, err := s.Store.Pool.Query(context.Background(), `
		SELECT a.action || ':' || array_to_string(a.changed_fields, ',') || ':' || coalesce(u.email, '')
		FROM audit_log a LEFT JOIN staff_users u ON u.id = a.staff_user_id
		WHERE a.entity = $1 AND a.entity_id = $2 ORDER BY a.id`, entity, id)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		rows.Scan(&s)
		out = append(out, s)
	}
	return strings.Join(out, " ")
}

// A new course: refused with everything kept while invalid, then created
// as a draft that only staff can see, given a date, published, and then
// found in the catalogue and on its page with every field.
func TestAdminCreateAndPublishCourse(t *testing.T) {
	s := adminSite(t)
	ctx := context.Background()
	status, body := s.get(t, "/admin/kurser/ny")
	if status != 200 {
		t.Fatalf("new: %d", status)
	}
	mustContain(t, body, "<h1>Nyt kursus</h1>", "Opret kurset", `name="agenda"`, `name="topic"`)

	bad := newCourseValues(t, s)
	bad.Set("title", "")
	bad.Set("price", "gratis")
	bad.Set("agenda", "Dag 1\n9 | Ankomst\n")
	bad.Set("teaser", "Teaser der skal blive stående")
	status, _, body = s.post(t, "/admin/kurser/ny", bad)
	if status != http.StatusUnprocessableEntity {
		t.Fatalf("invalid: %d", status)
	}
	mustContain(t, body, "Ret venligst følgende", "Skriv kursets titel", `href="#title"`, "Skriv prisen i kroner",
		"Programmet, linje 2", `href="#agenda"`, "Teaser der skal blive stående", `value="gratis"`, "9 | Ankomst", "checked")
	var n int
	s.Store.Pool.QueryRow(ctx, `SELECT count(*) FROM courses WHERE teaser = 'Teaser der skal blive stående'`).Scan(&n)
	if n != 0 {
		t.Fatal("an invalid course was saved")
	}

	course, date := createCourseWithDate(t, s)
	slug := "kommunal-oekonomi-for-aabne-sind"
	var gotSlug, status2 string
	var price int64
	s.Store.Pool.QueryRow(ctx, `SELECT slug, status, price_ore FROM courses WHERE id = $1`, course).Scan(&gotSlug, &status2, &price)
	if gotSlug != slug || status2 != "draft" || price != 450000 {
		t.Fatalf("created: %s %s %d", gotSlug, status2, price)
	}
	// A draft is not public, but staff can preview it as the page it will be.
	if status, _ := s.get(t, "/kurser/"+slug); status != http.StatusNotFound {
		t.Fatalf("draft public: %d", status)
	}
	status, body = s.get(t, fmt.Sprintf("/admin/kurser/%d/forhaandsvisning", course))
	if status != 200 {
		t.Fatalf("preview: %d", status)
	}
	mustContain(t, body, "Forhåndsvisning for medarbejdere", "Kurset er en kladde", "Kommunal økonomi for åbne sind",
		"Sådan læser du et kommunalt budget", "Serviceramme og anlægsloft", `name="robots" content="noindex`)
	if anon := newClient(); true {
		res, err := anon.Get(s.URL + fmt.Sprintf("/admin/kurser/%d/forhaandsvisning", course))
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("preview without a session: %d", res.StatusCode)
		}
	}

	// The editor shows what was saved, and saving it unchanged changes
	// nothing: topics and agenda round-trip exactly.
	_, body = s.get(t, fmt.Sprintf("/admin/kurser/%d", course))
	mustContain(t, body, "Kurset er en kladde", "Tilføj dato", "03.03.2027", fmt.Sprintf(`/admin/datoer/%d/rediger`, date))
	form := courseForm(t, body)
	form.Set("status", "draft")
	if strings.TrimSpace(form.Get("agenda")) != strings.TrimSpace(testAgenda) || len(form["topic"]) != 2 {
		t.Fatalf("editor: agenda %q topics %v", form.Get("agenda"), form["topic"])
	}
	if status, _, body := s.post(t, fmt.Sprintf("/admin/kurser/%d", course), form); status != http.StatusSeeOther {
		t.Fatalf("unchanged save: %d %s", status, body)
	}
	var version int
	s.Store.Pool.QueryRow(ctx, `SELECT version FROM courses WHERE id = $1`, course).Scan(&version)
	if version != 1 {
		t.Fatalf("an unchanged form made version %d", version)
	}

	// Publish.
	status, _, _ = s.post(t, fmt.Sprintf("/admin/kurser/%d/status", course), url.Values{"version": {"1"}, "status": {"published"}})
	if status != http.StatusSeeOther {
		t.Fatalf("publish: %d", status)
	}
	status, body = s.get(t, "/kurser/"+slug)
	if status != 200 {
		t.Fatalf("published page: %d", status)
	}
	mustContain(t, body, "Kommunal økonomi for åbne sind", "Forstå budgettet", "Sekretariatsmedarbejdere",
		"<strong>budgetter</strong>", "Nøgletal", "Oplæg og øvelser", "4.500 kr.", "I samarbejde med KL.",
		"Sådan læser du et kommunalt budget", "Hanne Holm", "Drift og anlæg", "Cases fra andre kommuner", "03.03.2027")
	_, body = s.get(t, "/kurser?q="+url.QueryEscape("kommunal økonomi"))
	mustContain(t, body, "/kurser/"+slug)

	if got := auditActions(t, s, "course", course); !strings.HasPrefix(got, "create:") || !strings.Contains(got, "topics,agenda:admin@cok.dk") ||
		!strings.HasSuffix(got, "publish:status:admin@cok.dk") {
		t.Errorf("course audit: %s", got)
	}
	if got := auditActions(t, s, "course_date", date); got != "create:venue,starts_at,ends_at,deadline,capacity:admin@cok.dk" {
		t.Errorf("date audit: %s", got)
	}
}

// A course with a booking, or in a programme or bundle, is not deleted;
// one without is, with its dates.
func TestAdminDeleteCourse(t *testing.T) {
	s := adminSite(t)
	ctx := context.Background()
	course, date := createCourseWithDate(t, s)
	s.post(t, fmt.Sprintf("/admin/kurser/%d/status", course), url.Values{"version": {"1"}, "status": {"published"}})
	if status, _, body := s.post(t, "/tilmelding", enrolment("del-tok", []int64{date}, "Berit <berit@vejle.dk>")); status != http.StatusSeeOther {
		t.Fatalf("booking: %d %s", status, body)
	}
	status, _, body := s.post(t, fmt.Sprintf("/admin/kurser/%d/slet", course), url.Values{"version": {"2"}})
	if status != http.StatusUnprocessableEntity {
		t.Fatalf("delete with a booking: %d", status)
	}
	mustContain(t, body, "Kurset kan ikke slettes, fordi 1 deltager er tilmeldt", `href="#slet"`)

	demo := courseID(t, s.Store, "politisk-forstaaelse")
	var v int
	s.Store.Pool.QueryRow(ctx, `SELECT version FROM courses WHERE id = $1`, demo).Scan(&v)
	_, _, body = s.post(t, fmt.Sprintf("/admin/kurser/%d/slet", demo), url.Values{"version": {strconv.Itoa(v)}})
	mustContain(t, body, "det er modul i forløbet", "det indgår i pakkeprisen")

	// A course with a date nobody booked goes, date and all.
	other := newCourseValues(t, s)
	other.Set("title", "Kursus der skal slettes")
	_, loc, _ := s.post(t, "/admin/kurser/ny", other)
	id, _ := strconv.ParseInt(strings.TrimPrefix(loc, "/admin/kurser/"), 10, 64)
	s.post(t, fmt.Sprintf("/admin/kurser/%d/datoer/ny", id), url.Values{"venue": {firstVenue(t, s)},
		"starts": {"2027-03-03T08:45"}, "ends": {"2027-03-03T15:00"}, "deadline": {"2027-02-10"}, "capacity": {"20"}})
	if status, _, _ := s.post(t, fmt.Sprintf("/admin/kurser/%d/slet", id), url.Values{"version": {"0"}}); status != http.StatusUnprocessableEntity {
		t.Fatalf("delete with an old version: %d", status)
	}
	status, loc, _ = s.post(t, fmt.Sprintf("/admin/kurser/%d/slet", id), url.Values{"version": {"1"}})
	if status != http.StatusSeeOther || loc != "/admin/kurser" {
		t.Fatalf("delete: %d %q", status, loc)
	}
	var n int
	s.Store.Pool.QueryRow(ctx, `SELECT (SELECT count(*) FROM courses WHERE id = $1) + (SELECT count(*) FROM course_dates WHERE course_id = $1)`, id).Scan(&n)
	if n != 0 {
		t.Fatal("course or date left")
	}
	if got := auditActions(t, s, "course", id); !strings.HasSuffix(got, "delete::admin@cok.dk") {
		t.Errorf("audit: %s", got)
	}
}

// The date form checks its values, keeps them, refuses a stale version and
// a capacity below the seats taken; raised capacity seats those waiting.
func TestAdminEditCourseDate(t *testing.T) {
	s := adminSite(t)
	ctx := context.Background()
	date, _, second := fullDate(t, s) // capacity 1: one confirmed, one waiting
	page := fmt.Sprintf("/admin/datoer/%d/rediger", date)
	status, body := s.get(t, page)
	if status != 200 {
		t.Fatalf("date form: %d", status)
	}
	mustContain(t, body, `type="datetime-local"`, `name="version" value="1"`, "Aflys datoen")
	var venue, starts, ends, deadline string
	s.Store.Pool.QueryRow(ctx, `
		SELECT venue_id::text, to_char(starts_at AT TIME ZONE 'Europe/Copenhagen', 'YYYY-MM-DD"T"HH24:MI'),
			to_char(ends_at AT TIME ZONE 'Europe/Copenhagen', 'YYYY-MM-DD"T"HH24:MI'), deadline::text
		FROM course_dates WHERE id = $1`, date).Scan(&venue, &starts, &ends, &deadline)
	mustContain(t, body, `value="`+starts+`"`, `value="`+deadline+`"`)
	good := url.Values{"version": {"1"}, "venue": {venue}, "starts": {starts}, "ends": {ends}, "deadline": {deadline}, "capacity": {"1"}}

	bad := cloneForm(good)
	bad.Set("ends", starts)
	bad.Set("deadline", "2099-01-01")
	bad.Set("capacity", "0")
	status, _, body = s.post(t, page, bad)
	if status != http.StatusUnprocessableEntity {
		t.Fatalf("invalid: %d", status)
	}
	mustContain(t, body, "Slut skal ligge efter start", "Tilmeldingsfristen må ikke ligge efter kursets start",
		"Skriv antal pladser som et helt tal, mindst 1", `value="2099-01-01"`, `href="#capacity"`)

	// Not below the one seat taken (checked in the form and in the store).
	bad = cloneForm(good)
	bad.Set("capacity", "0")
	if status, _, _ := s.post(t, page, bad); status != http.StatusUnprocessableEntity {
		t.Fatalf("below taken: %d", status)
	}

	// Two seats: the new seat is held and offered to the one waiting, who
	// takes it with "Ja tak".
	more := cloneForm(good)
	more.Set("capacity", "2")
	if status, _, body := s.post(t, page, more); status != http.StatusSeeOther {
		t.Fatalf("save: %d %s", status, body)
	}
	if st, _ := statusOf(t, s, second); st != "waitlisted" || mailsTo(t, s, "offer", "anden@odense.dk") != 1 {
		t.Fatalf("the one waiting: %s, not offered the seat", st)
	}
	if status, _, _ := s.post(t, s.offerLinkTo(t, "anden@odense.dk"), url.Values{"svar": {"ja"}}); status != http.StatusSeeOther {
		t.Fatalf("answer: %d", status)
	}
	if st, _ := statusOf(t, s, second); st != "confirmed" {
		t.Fatalf("the one waiting said yes: %s", st)
	}
	// The same form again is stale now.
	more.Set("capacity", "3")
	status, _, body = s.post(t, page, more)
	if status != http.StatusUnprocessableEntity {
		t.Fatalf("stale: %d", status)
	}
	mustContain(t, body, "Datoen er ændret af en anden siden du åbnede den", `value="3"`)
	var capacity, version int
	s.Store.Pool.QueryRow(ctx, `SELECT capacity, version FROM course_dates WHERE id = $1`, date).Scan(&capacity, &version)
	if capacity != 2 || version != 2 {
		t.Fatalf("saved: capacity %d v%d", capacity, version)
	}
	if got := auditActions(t, s, "course_date", date); got != "update:capacity:admin@cok.dk" {
		t.Errorf("audit: %s", got)
	}
}

// Cancelling a date needs a reason; it cancels the confirmed and the
// waiting participant and records a mail (and a send job) for each.
func TestAdminCancelCourseDate(t *testing.T) {
	s := adminSite(t)
	ctx := context.Background()
	date, first, second := fullDate(t, s)
	s.workBookingMails(t) // the bookings' own mails, as their worker would have
	cancel := fmt.Sprintf("/admin/datoer/%d/aflys", date)
	var jobsBefore int
	s.Store.Pool.QueryRow(ctx, `SELECT count(*) FROM river_job WHERE kind = 'send_mail'`).Scan(&jobsBefore)

	status, _, body := s.post(t, cancel, url.Values{"version": {"1"}, "reason": {" "}})
	if status != http.StatusUnprocessableEntity {
		t.Fatalf("no reason: %d", status)
	}
	mustContain(t, body, "Skriv en begrundelse for aflysningen", `href="#reason"`)
	if status, _, _ := s.post(t, cancel, url.Values{"version": {"0"}, "reason": {"For få tilmeldte"}}); status != http.StatusUnprocessableEntity {
		t.Fatalf("stale: %d", status)
	}
	status, loc, _ := s.post(t, cancel, url.Values{"version": {"1"}, "reason": {"Underviseren er syg"}})
	if status != http.StatusSeeOther || loc != fmt.Sprintf("/admin/datoer/%d", date) {
		t.Fatalf("cancel: %d %q", status, loc)
	}
	var dateStatus, reason string
	var taken int
	s.Store.Pool.QueryRow(ctx, `SELECT status, cancel_reason, seats_taken FROM course_dates WHERE id = $1`, date).Scan(&dateStatus, &reason, &taken)
	if dateStatus != "cancelled" || reason != "Underviseren er syg" || taken != 0 {
		t.Fatalf("date: %s %q %d", dateStatus, reason, taken)
	}
	for _, p := range []int64{first, second} {
		if st, _ := statusOf(t, s, p); st != "cancelled" {
			t.Errorf("participant %d: %s", p, st)
		}
	}
	for _, to := range []string{"foerste@aarhus.dk", "anden@odense.dk"} {
		if mailsTo(t, s, "date_cancelled", to) != 1 {
			t.Errorf("no cancellation mail to %s", to)
		}
	}
	var text string
	s.Store.Pool.QueryRow(ctx, `SELECT text_body FROM outgoing_mails WHERE kind = 'date_cancelled' AND to_addr = 'anden@odense.dk'`).Scan(&text)
	mustContain(t, text, "Underviseren er syg", "ventelisten", "Politisk forståelse")
	var jobsAfter int
	s.Store.Pool.QueryRow(ctx, `SELECT count(*) FROM river_job WHERE kind = 'send_mail'`).Scan(&jobsAfter)
	if jobsAfter-jobsBefore != 2 {
		t.Errorf("%d send jobs, want 2", jobsAfter-jobsBefore)
	}
	if got := auditActions(t, s, "course_date", date); got != "cancel:status,cancel_reason,participants:admin@cok.dk" {
		t.Errorf("audit: %s", got)
	}
	_, body = s.get(t, fmt.Sprintf("/admin/datoer/%d", date))
	mustContain(t, body, "Datoen er aflyst, og deltagerne har fået besked", "Aflyst", "Datoen er aflyst: Underviseren er syg")
	// The public page says so, and the date takes no more bookings.
	_, body = s.get(t, "/kurser/politisk-forstaaelse")
	mustContain(t, body, "Aflyst")
	if status, _, _ := s.post(t, "/tilmelding", enrolment("after-cancel", []int64{date}, "Sen <sen@vejle.dk>")); status == http.StatusSeeOther {
		t.Error("a cancelled date took a booking")
	}
	// A second cancel changes nothing and mails nobody.
	s.post(t, cancel, url.Values{"version": {"2"}, "reason": {"Igen"}})
	if mailsTo(t, s, "date_cancelled", "anden@odense.dk") != 1 {
		t.Error("mailed twice")
	}
}
