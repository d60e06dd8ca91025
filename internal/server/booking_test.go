package server_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"kursuskatalog/internal/store"
	"kursuskatalog/internal/testdb"
)

const goodEAN = "5798000416604"

// seedDates returns the first dates of the two seed modules, emptied.
func seedDates(t *testing.T, st *store.Store) (forst, formidl int64) {
	t.Helper()
	err := st.Pool.QueryRow(context.Background(), `
		SELECT (SELECT d.id FROM course_dates d JOIN courses c ON c.id = d.course_id WHERE c.slug = 'politisk-forstaaelse' ORDER BY d.starts_at LIMIT 1),
		       (SELECT d.id FROM course_dates d JOIN courses c ON c.id = d.course_id WHERE c.slug = 'politisk-formidling-og-dialog' ORDER BY d.starts_at LIMIT 1)`).
		Scan(&forst, &formidl)
	if err != nil {
		t.Fatal(err)
	}
	// The demo books seats on its dates; these two start empty, so that a
	// test sees only the participants it books.
	for _, q := range []string{`DELETE FROM participants WHERE date_id = ANY($1)`,
		`UPDATE course_dates SET seats_taken = 0, min_participants = 0 WHERE id = ANY($1)`} {
		if _, err := st.Pool.Exec(context.Background(), q, []int64{forst, formidl}); err != nil {
			t.Fatal(err)
		}
	}
	return forst, formidl
}

// enrolment is a valid form for dates and participants ("Navn <mail>").
func enrolment(token string, dates []int64, people ...string) url.Values {
	v := url.Values{
		"token": {token}, "booker_name": {"Mette Booker"}, "booker_email": {"mette@aarhus.dk"},
		"booker_phone": {"87 13 00 00"}, "org_name": {"Aarhus Kommune"}, "department": {"Borgmesterens Afdeling"},
		"invoice_kind": {"ean"}, "ean": {goodEAN}, "reference": {"PO-4711"}, "terms": {"1"}, "handling": {"tilmeld"},
	}
	for _, d := range dates {
		v.Add("dato", strconv.FormatInt(d, 10))
	}
	for i, p := range people {
		name, email, _ := strings.Cut(p, " <")
		v.Set(fmt.Sprintf("p%d_name", i), name)
		v.Set(fmt.Sprintf("p%d_email", i), strings.TrimSuffix(email, ">"))
		v.Set(fmt.Sprintf("p%d_job", i), "Specialkonsulent")
	}
	return v
}

var manageLink = regexp.MustCompile(`/min-tilmelding/[A-Za-z0-9_-]{43}`)

func TestEnrolmentFormShowsDatesAndRunningPrice(t *testing.T) {
	s := newSite(t)
	a, b := seedDates(t, s.Store)
	status, body := s.get(t, fmt.Sprintf("/tilmelding?dato=%d&dato=%d", a, b))
	if status != 200 {
		t.Fatalf("status %d", status)
	}
	mustContain(t, body, "Politisk forståelse", "Politisk formidling og dialog",
		"Frederik VI&#39;s Hotel, Rugårdsvej 590, 5210 Odense NV", "03.03.2027 kl. 08:45 - 04.03.2027 kl. 15:00",
		"Pakkerabat", "9.995 kr.", "EAN-nummer", "CVR-nummer", "Jeg deltager selv", "Jeg accepterer betingelserne",
		`<legend>Deltager 1</legend>`, "bindende")

	// Adding a colleague without JavaScript keeps what was typed.
	form := enrolment("tok-form", []int64{a, b}, "Anna Andersen <anna@aarhus.dk>")
	form.Set("handling", "tilfoej-deltager")
	form.Set("self", "1") // the booker goes too: two participants on both modules
	status, _, body = s.post(t, "/tilmelding", form)
	if status != 200 {
		t.Fatalf("add participant: %d", status)
	}
	mustContain(t, body, `<legend>Deltager 2</legend>`, `value="anna@aarhus.dk"`, `value="Mette Booker"`, "19.990 kr.", "Beregnet for 2 deltagere")
	// Removing a date takes it off the form and the price.
	form.Set("handling", fmt.Sprintf("fjern-dato-%d", b))
	_, _, body = s.post(t, "/tilmelding", form)
	if strings.Contains(body, "Politisk formidling og dialog</a>") || !strings.Contains(body, "6.750 kr.") {
		t.Errorf("date not removed")
	}
}

func TestBadInputComesBackWithMessagesAndValues(t *testing.T) {
	s := newSite(t)
	a, _ := seedDates(t, s.Store)
	form := enrolment("tok-bad", []int64{a}, "Anna Andersen <anna@aarhus>")
	form.Set("ean", "5798000416605")
	form.Set("booker_phone", "12")
	form.Del("terms")
	status, _, body := s.post(t, "/tilmelding", form)
	if status != http.StatusUnprocessableEntity {
		t.Fatalf("status %d, want 422", status)
	}
	mustContain(t, body, "Ret venligst følgende", `href="#ean"`, "Kontrolcifferet i EAN-nummeret passer ikke",
		"Telefonnummeret skal have 8 cifre", "Skriv e-mailadressen som navn@eksempel.dk (deltager 1)",
		"Sæt kryds for at acceptere betingelserne", `value="5798000416605"`, `value="Anna Andersen"`, `value="PO-4711"`)
	form.Set("ean", "57980004166")
	_, _, body = s.post(t, "/tilmelding", form)
	mustContain(t, body, "EAN-nummeret skal have 13 cifre")
	var n int
	s.Store.Pool.QueryRow(context.Background(), `SELECT count(*) FROM bookings b WHERE `+notDemo).Scan(&n)
	if n != 0 {
		t.Fatalf("%d bookings saved from invalid forms", n)
	}
}

// From the bundle: two participants on both modules before the last day.
func TestBundleBookingReceiptMailsAndResubmit(t *testing.T) {
	s := newSite(t)
	ctx := context.Background()
	a, b := seedDates(t, s.Store)
	form := enrolment("tok-bundle", []int64{a, b}, "Anna Andersen <anna@aarhus.dk>", "Bo Berg <bo@aarhus.dk>")
	status, loc, _ := s.post(t, "/tilmelding", form)
	if status != http.StatusSeeOther || !strings.HasSuffix(loc, "/kvittering") {
		t.Fatalf("booking: %d %q", status, loc)
	}
	status, body := s.get(t, loc)
	if status != 200 {
		t.Fatalf("receipt: %d", status)
	}
	mustContain(t, body, "COK-2026-0", "19.990 kr.", "Pakkerabat", "7.010 kr.", "24.987,50 kr.", "Bekræftet",
		"Anna Andersen", "Bo Berg", "Faktura for hele tilmeldingen sendes 3-4 uger før det første kursus starter", "EAN-nummer: "+goodEAN,
		"Reference: PO-4711", "Tilmeldingsfrist 25.01.2027")
	if !manageLink.MatchString(body) {
		t.Fatalf("receipt has no manage link")
	}

	// Posting the same form again shows the same booking.
	status, loc2, _ := s.post(t, "/tilmelding", form)
	if status != http.StatusSeeOther || loc2 != loc {
		t.Fatalf("resubmit: %d %q, want %q", status, loc2, loc)
	}
	// The booking's transaction queued one job; its worker records the
	// mails, once, however often it runs.
	var bookingJobs int
	s.Store.Pool.QueryRow(ctx, `SELECT count(*) FROM river_job WHERE kind = 'booking_mails'`).Scan(&bookingJobs)
	if bookingJobs != 1 {
		t.Fatalf("%d booking_mails jobs, want 1", bookingJobs)
	}
	s.workBookingMails(t)
	s.workBookingMails(t)
	var bookings, seats, mails, withICS int
	s.Store.Pool.QueryRow(ctx, `SELECT count(*) FROM bookings b WHERE `+notDemo).Scan(&bookings)
	s.Store.Pool.QueryRow(ctx, `SELECT count(*) FROM participants p JOIN bookings b ON b.id = p.booking_id WHERE `+notDemo).Scan(&seats)
	s.Store.Pool.QueryRow(ctx, `SELECT count(*), count(*) FILTER (WHERE ics <> '') FROM outgoing_mails`).Scan(&mails, &withICS)
	if bookings != 1 || seats != 4 || mails != 3 || withICS != 2 {
		t.Fatalf("bookings %d, seats %d, mails %d (%d with .ics); want 1, 4, 3, 2", bookings, seats, mails, withICS)
	}
	var jobs, named int
	s.Store.Pool.QueryRow(ctx, `SELECT count(*), sum(jsonb_array_length(args->'mail_ids')) FROM river_job WHERE kind = 'send_mail'`).Scan(&jobs, &named)
	if jobs != 1 || named != 3 {
		t.Fatalf("%d send_mail jobs naming %d mails, want 1 naming 3", jobs, named)
	}
	var stored int64
	s.Store.Pool.QueryRow(ctx, `SELECT sum(price_ore) FROM participants p JOIN bookings b ON b.id = p.booking_id WHERE `+notDemo).Scan(&stored)
	if stored != 1999000 {
		t.Fatalf("lines add up to %d øre, want 1999000", stored)
	}

	// Another browser cannot open the receipt.
	other := &http.Client{CheckRedirect: s.Client.CheckRedirect}
	res, err := other.Get(s.URL + loc)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusNotFound {
		t.Fatalf("receipt without the cookie: %d, want 404", res.StatusCode)
	}

	// The same person on the same date again is refused.
	status, _, body = s.post(t, "/tilmelding", enrolment("tok-again", []int64{a}, "Anna A. <ANNA@aarhus.dk>"))
	if status != http.StatusUnprocessableEntity || !strings.Contains(body, "er allerede tilmeldt Politisk forståelse") {
		t.Fatalf("double booking: %d", status)
	}
}

// A full date takes a waiting list; a cancellation, confirmed on its
// step, offers the seat to the first in line, who takes it with "Ja tak".
func TestWaitlistMovesWhenASeatIsCancelled(t *testing.T) {
	s := newSite(t)
	ctx := context.Background()
	a, _ := seedDates(t, s.Store)
	emptyDate(t, s.Store, a, 1)
	_, loc, _ := s.post(t, "/tilmelding", enrolment("tok-1", []int64{a}, "Første <foerste@aarhus.dk>"))
	_, body := s.get(t, loc)
	mustContain(t, body, "Tak for din tilmelding", "Bekræftet")
	link := manageLink.FindString(body)

	second := &site{Server: s.Server, Store: s.Store, Client: newClient()}
	_, loc2, _ := second.post(t, "/tilmelding", enrolment("tok-2", []int64{a}, "Anden <anden@odense.dk>"))
	_, body = second.get(t, loc2)
	mustContain(t, body, "Du står på venteliste", "Venteliste nr. 1", "Du betaler intet, så længe tilmeldingen står på venteliste")
	if strings.Contains(body, "Faktura sendes") || strings.Contains(body, "Tak for din tilmelding") {
		t.Error("a booking on the waiting list speaks of an invoice or thanks for a seat")
	}

	// A guessed manage token is 404.
	if status, _ := s.get(t, "/min-tilmelding/"+strings.Repeat("A", 43)); status != 404 {
		t.Fatalf("guessed token: %d", status)
	}
	status, body := s.get(t, link)
	if status != 200 || !strings.Contains(body, "Afmeld Første") {
		t.Fatalf("manage page: %d", status)
	}
	var seat int64
	s.Store.Pool.QueryRow(ctx, `SELECT id FROM participants WHERE email = 'foerste@aarhus.dk'`).Scan(&seat)
	// A post without the confirmation step goes to it and cancels nothing.
	status, step, _ := s.post(t, link+"/afmeld", url.Values{"plads": {strconv.FormatInt(seat, 10)}})
	if st, _ := statusOf(t, s, seat); status != http.StatusSeeOther || !strings.Contains(step, "/afmeld?plads=") || st != "confirmed" {
		t.Fatalf("unconfirmed cancel: %d %q, seat %s", status, step, st)
	}
	status, back, page := s.cancel(t, link, seat)
	if status != http.StatusSeeOther {
		t.Fatalf("cancel: %d", status)
	}
	mustContain(t, page, "Bekræft afmelding", "Gratis, fordi tilmeldingsfristen (25.01.2027) ikke er overskredet",
		"tilbydes den, der står på ventelisten")
	_, body = s.get(t, back)
	mustContain(t, body, "Afmeldingen er gemt", "Afmeldt")

	// The seat is held for Anden, who is offered it and says yes.
	_, body = second.get(t, loc2)
	mustContain(t, body, "Venteliste nr. 1")
	offer := s.offerLinkTo(t, "anden@odense.dk")
	if _, loc, _ := second.post(t, offer, url.Values{"svar": {"ja"}}); loc != offer {
		t.Fatalf("answer: back to %q", loc)
	}
	_, body = second.get(t, loc2)
	mustContain(t, body, "Bekræftet")
	var taken, accepted int
	s.Store.Pool.QueryRow(ctx, `SELECT seats_taken FROM course_dates WHERE id = $1`, a).Scan(&taken)
	s.Store.Pool.QueryRow(ctx, `SELECT count(*) FROM outgoing_mails WHERE kind = 'offer_accepted' AND to_addr = 'anden@odense.dk'`).Scan(&accepted)
	if taken != 1 || accepted != 1 {
		t.Fatalf("seats taken %d, acceptance mails %d; want 1 and 1", taken, accepted)
	}
	// The answer is in the staff's log, as the participant's own.
	var logged string
	s.Store.Pool.QueryRow(ctx, `SELECT a.actor || '|' || a.action || '|' || (a.changes->0->>'new') FROM audit_log a
		JOIN participants p ON p.id = a.entity_id WHERE a.entity = 'participant' AND p.email = 'anden@odense.dk'`).Scan(&logged)
	if logged != "Deltageren selv (tilbud om plads)|offer_accept|Bekræftet" {
		t.Errorf("audit of the answer: %q", logged)
	}
}

// After the deadline enrolment is binding at once for a seat, never for
// a place on the waiting list, which a full date still takes; a
// cancellation then costs the seat unless the waiting list takes it over;
// a substitute can be named.
func TestAfterTheDeadline(t *testing.T) {
	s := newSite(t)
	ctx := context.Background()
	a, _ := seedDates(t, s.Store)
	if _, err := s.Store.Pool.Exec(ctx, `UPDATE course_dates SET deadline = '2026-11-01', capacity = 20, seats_taken = 19 WHERE id = $1`, a); err != nil {
		t.Fatal(err)
	}
	status, loc, _ := s.post(t, "/tilmelding", enrolment("tok-late2", []int64{a}, "A <a@x.dk>", "B <b@x.dk>"))
	if status != http.StatusSeeOther {
		t.Fatalf("two on one seat after the deadline: %d", status)
	}
	_, body := s.get(t, loc)
	mustContain(t, body, "Bekræftet", "Venteliste nr. 1", "Tilmeldingen er bindende", "En plads på ventelisten er aldrig bindende")
	var bindingA, bindingB bool
	s.Store.Pool.QueryRow(ctx, `SELECT (SELECT binding FROM participants WHERE email = 'a@x.dk'), (SELECT binding FROM participants WHERE email = 'b@x.dk')`).Scan(&bindingA, &bindingB)
	if !bindingA || bindingB {
		t.Errorf("binding: the seat %v (want true), the waiting place %v (want false)", bindingA, bindingB)
	}
	link := manageLink.FindString(body)
	var seat int64
	s.Store.Pool.QueryRow(ctx, `SELECT id FROM participants WHERE email = 'a@x.dk'`).Scan(&seat)
	status, back, _ := s.post(t, link+"/stedfortraeder", url.Values{"plads": {strconv.FormatInt(seat, 10)}, "name": {"Ny Kollega"}, "email": {"ny@x.dk"}})
	if status != http.StatusSeeOther {
		t.Fatalf("substitute: %d", status)
	}
	_, body = s.get(t, back)
	mustContain(t, body, "Ny Kollega", "stedfortræder for A")
	// Full after the deadline: still a waiting list, which binds nobody.
	status, loc, _ = s.post(t, "/tilmelding", enrolment("tok-full", []int64{a}, "C <c@x.dk>"))
	if status != http.StatusSeeOther {
		t.Fatalf("full after deadline: %d", status)
	}
	_, body = s.get(t, loc)
	mustContain(t, body, "Du står på venteliste", "Venteliste nr. 2")

	// Cancelling the binding seat shows its cost, and keeps it.
	status, _, step := s.cancel(t, link, seat)
	mustContain(t, step, "Bindende: 6.750 kr. ekskl. moms skal betales", "tilbydes den første af de 2")
	if status != http.StatusSeeOther {
		t.Fatalf("cancel after the deadline: %d", status)
	}
	var charged bool
	s.Store.Pool.QueryRow(ctx, `SELECT charged FROM participants WHERE id = $1`, seat).Scan(&charged)
	if !charged {
		t.Error("a seat cancelled after the deadline costs nothing")
	}
}

// 300 simultaneous bookings for a 30-seat date, sent to two server
// processes on one database: exactly 30 confirmed and 270 waiting, in order.
func TestConcurrentBookingsNeverOverbook(t *testing.T) {
	s1 := newSite(t)
	ctx := context.Background()
	a, _ := seedDates(t, s1.Store)
	emptyDate(t, s1.Store, a, 30)
	var dbURL string
	s1.Store.Pool.QueryRow(ctx, `SELECT current_database()`).Scan(&dbURL)
	cfg := s1.Store.Pool.Config().ConnConfig
	st2, err := store.Open(ctx, fmt.Sprintf("postgres://%s@%s:%d/%s?sslmode=disable", cfg.User, cfg.Host, cfg.Port, dbURL), 10)
	if err != nil {
		t.Fatal(err)
	}
	defer st2.Close()
	s2 := startSite(t, st2)

	var wg sync.WaitGroup
	errs := make(chan error, 300)
	for i := range 300 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			target := s1
			if i%2 == 1 {
				target = s2
			}
			form := enrolment(fmt.Sprintf("tok-%03d", i), []int64{a}, fmt.Sprintf("Deltager %d <d%d@kommune.dk>", i, i))
			req, _ := http.NewRequest(http.MethodPost, target.URL+"/tilmelding", strings.NewReader(form.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			res, err := newClient().Do(req)
			if err != nil {
				errs <- err
				return
			}
			res.Body.Close()
			if res.StatusCode != http.StatusSeeOther {
				errs <- fmt.Errorf("booking %d: status %d", i, res.StatusCode)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	var confirmed, waiting, distinct, taken int
	s1.Store.Pool.QueryRow(ctx, `
		SELECT count(*) FILTER (WHERE status = 'confirmed'), count(*) FILTER (WHERE status = 'waitlisted'),
		       count(DISTINCT waitlist_seq), (SELECT seats_taken FROM course_dates WHERE id = $1)
		FROM participants WHERE date_id = $1`, a).Scan(&confirmed, &waiting, &distinct, &taken)
	if confirmed != 30 || waiting != 270 || distinct != 270 || taken != 30 {
		t.Fatalf("confirmed %d, waiting %d (%d distinct places), seats_taken %d; want 30, 270, 270, 30", confirmed, waiting, distinct, taken)
	}
	// Seats went in commit order: every confirmed booking was made before
	// every waiting one, and the waiting list follows the same order.
	var outOfOrder int
	s1.Store.Pool.QueryRow(ctx, `
		SELECT (SELECT count(*) FROM participants c JOIN participants w ON w.date_id = c.date_id
		        WHERE c.date_id = $1 AND c.status = 'confirmed' AND w.status = 'waitlisted' AND c.booking_id > w.booking_id)
		     + (SELECT count(*) FROM participants x JOIN participants y ON y.date_id = x.date_id
		        WHERE x.date_id = $1 AND x.status = 'waitlisted' AND y.status = 'waitlisted'
		          AND x.booking_id < y.booking_id AND x.waitlist_seq > y.waitlist_seq)`, a).Scan(&outOfOrder)
	if outOfOrder != 0 {
		t.Fatalf("%d pairs of seats out of commit order", outOfOrder)
	}
}

// With the database gone, the form comes back with everything typed and
// says nothing was booked.
func TestBookingWithoutDatabaseKeepsTheForm(t *testing.T) {
	dbURL := testdb.New(t)
	st0, err := store.Open(context.Background(), dbURL, 2)
	if err != nil {
		t.Fatal(err)
	}
	loadDemo(t, st0)
	a, _ := seedDates(t, st0)
	st0.Close()
	proxy, viaProxy := testdb.NewProxy(t, dbURL)
	st, err := store.Open(context.Background(), viaProxy, 4)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s := startSite(t, st)
	proxy.Stop()
	status, _, body := s.post(t, "/tilmelding", enrolment("tok-down", []int64{a}, "Anna Andersen <anna@aarhus.dk>"))
	if status != http.StatusServiceUnavailable {
		t.Fatalf("status %d, want 503", status)
	}
	mustContain(t, body, "Der er ikke tilmeldt nogen", `value="Anna Andersen"`, `value="anna@aarhus.dk"`, `value="`+goodEAN+`"`, `value="tok-down"`)
	proxy.Start()
}

func newClient() *http.Client {
	jar, _ := cookiejar.New(nil)
	return &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

// A ref keeps every digit past 99,999: cut to five, it would clash with an
// older booking's ref and the booking would fail.
func TestBookingRefsGrowPastFiveDigits(t *testing.T) {
	s := newSite(t)
	a, _ := seedDates(t, s.Store)
	if _, err := s.Store.Pool.Exec(context.Background(), `SELECT setval('booking_ref_seq', 99999)`); err != nil {
		t.Fatal(err)
	}
	status, loc, _ := s.post(t, "/tilmelding", enrolment("tok-ref", []int64{a}, "Anna Andersen <anna@aarhus.dk>"))
	if status != http.StatusSeeOther || !strings.HasPrefix(loc, "/tilmelding/COK-2026-100000/") {
		t.Fatalf("booking: %d %q, want the receipt of COK-2026-100000", status, loc)
	}
}
