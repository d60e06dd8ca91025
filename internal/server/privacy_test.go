package server_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"kursuskatalog/internal/privacy"
)

// cookieNames records the names of the cookies the server sets.
type cookieNames struct {
	next http.RoundTripper
	mu   sync.Mutex
	seen map[string]bool
}

func (c *cookieNames) RoundTrip(r *http.Request) (*http.Response, error) {
	res, err := c.next.RoundTrip(r)
	if err == nil {
		c.mu.Lock()
		for _, ck := range res.Cookies() {
			c.seen[ck.Name] = true
		}
		c.mu.Unlock()
	}
	return res, err
}

// The privacy page lists every cookie the server sets (collected from the
// Set-Cookie headers of real requests: a favourite, a booking, a staff
// login) and no other, each rule of the retention table, the controller
// and the right to complain.
func TestPrivacyPageListsEveryCookieAndRule(t *testing.T) {
	s := newSite(t)
	addStaff(t, s.Store, "admin@cok.dk", "admin")
	rec := &cookieNames{next: http.DefaultTransport, seen: map[string]bool{}}
	s.Client.Transport = rec
	var course int64
	s.Store.Pool.QueryRow(context.Background(), `SELECT id FROM courses WHERE slug = 'politisk-forstaaelse'`).Scan(&course)
	if status, _, body := s.post(t, "/favoritter", url.Values{"id": {strconv.FormatInt(course, 10)}, "tilbage": {"/kurser"}}); status != http.StatusSeeOther {
		t.Fatalf("favourite: %d %s", status, body)
	}
	date, _ := seedDates(t, s.Store)
	if status, _, body := s.post(t, "/tilmelding", enrolment("cookie-tok", []int64{date}, "Anna <anna@aarhus.dk>")); status != http.StatusSeeOther {
		t.Fatalf("booking: %d %s", status, body)
	}
	s.login(t, "admin@cok.dk", staffPassword)
	var set, listed []string
	for n := range rec.seen {
		set = append(set, n)
	}
	for _, c := range privacy.Cookies {
		listed = append(listed, c.Name)
	}
	sort.Strings(set)
	sort.Strings(listed)
	if !slices.Equal(set, listed) {
		t.Errorf("the server sets cookies %v; the privacy page lists %v", set, listed)
	}
	_, page := s.get(t, "/privatliv")
	for _, c := range privacy.Cookies {
		mustContain(t, page, "<code>"+c.Name+"</code>")
	}
	for _, r := range privacy.Rules {
		mustContain(t, page, r.Period, r.Action)
	}
	mustContain(t, page, "Datatilsynet", "kurser@cok.dk", "helbredsoplysninger", "bogføringsloven", "24 måneder")
}

// bookAase books Åse with her needs on the first seed date and returns the
// manage link and the date's end.
func bookAase(t *testing.T, s *site) (string, time.Time) {
	t.Helper()
	date, _ := seedDates(t, s.Store)
	v := enrolment("privat-tok", []int64{date}, "Åse Ærø <aase@odense.dk>")
	v.Set("p0_diet", "Vegetar")
	v["p0_allergen"] = []string{"milk"}
	v.Set("p0_needs", "Værelse i stueetagen")
	status, loc, body := s.post(t, "/tilmelding", v)
	if status != http.StatusSeeOther {
		t.Fatalf("booking: %d %s", status, body)
	}
	s.workBookingMails(t)
	_, body = s.get(t, loc)
	var ends time.Time
	s.Store.Pool.QueryRow(context.Background(), `SELECT ends_at FROM course_dates WHERE id = $1`, date).Scan(&ends)
	return manageLink.FindString(body), ends
}

// From the manage link a booker sees and downloads everything held about
// the booking, and erases it once the course is held: after a
// confirmation, what no law keeps goes at once, and the billing data
// stays, with the day it goes.
func TestExportAndErasureFromTheManageLink(t *testing.T) {
	s := newSite(t)
	link, ends := bookAase(t, s)
	_, page := s.get(t, link)
	mustContain(t, page, "Se dine oplysninger", link+"/oplysninger.json", link+"/slet")
	_, data := s.get(t, link+"/oplysninger")
	mustContain(t, data, "Åse Ærø", "aase@odense.dk", "Vegetar", "Mælk", "Værelse i stueetagen", "Mette Booker", "PO-4711", "Kvittering for tilmelding")
	res, raw := s.send(t, http.MethodGet, link+"/oplysninger.json", nil, nil)
	var e privacy.Export
	if err := json.Unmarshal(raw, &e); err != nil || !strings.HasPrefix(res.Header.Get("Content-Disposition"), "attachment") {
		t.Fatalf("JSON (%s): %v", res.Header.Get("Content-Disposition"), err)
	}
	if len(e.Participants) != 1 || e.Participants[0].Email != "aase@odense.dk" || e.Participants[0].StayNeeds != "Værelse i stueetagen" ||
		e.Booker.Phone == "" || e.Billing.EAN != goodEAN || len(e.Mails) != 2 {
		t.Fatalf("export: %+v", e)
	}

	// Before the course: nothing can be erased yet.
	_, step := s.get(t, link+"/slet")
	mustContain(t, step, "ikke er holdt endnu")
	if status, _, _ := s.post(t, link+"/slet", url.Values{"bekraeft": {"ja"}}); status != http.StatusConflict {
		t.Fatalf("erasure before the course: %d", status)
	}
	s.Clock.Advance(ends.Sub(s.Clock.Now()) + time.Hour)
	status, _, body := s.post(t, link+"/slet", url.Values{})
	if status != http.StatusUnprocessableEntity {
		t.Fatalf("erasure without the tick: %d", status)
	}
	mustContain(t, body, "Ret venligst følgende", `href="#bekraeft"`, "Sæt flueben, hvis du vil slette oplysningerne")
	if status, loc, _ := s.post(t, link+"/slet", url.Values{"bekraeft": {"ja"}}); status != http.StatusSeeOther || loc != link+"/slet" {
		t.Fatalf("erasure: %d %q", status, loc)
	}
	_, done := s.get(t, link+"/slet")
	kept := privacy.BookkeepingUntil(e.Made)
	cph, _ := time.LoadLocation("Europe/Copenhagen")
	mustContain(t, done, "Oplysningerne er slettet", "De slettes "+kept.In(cph).Format("02.01.2006"))
	_, raw = s.send(t, http.MethodGet, link+"/oplysninger.json", nil, nil)
	json.Unmarshal(raw, &e)
	if e.Participants[0].Name != "Anonymiseret" || e.Booker.Email != "anonymiseret@invalid" || e.Participants[0].StayNeeds != "" ||
		e.Billing.EAN != goodEAN || e.Billing.Reference != "PO-4711" || e.Anonymised == nil {
		t.Fatalf("after erasure: %+v", e)
	}
	var audits int
	s.Store.Pool.QueryRow(context.Background(), `SELECT count(*) FROM audit_log WHERE action = 'erase_by_booker'`).Scan(&audits)
	if audits != 1 || rowsWith(t, s, "aase@odense.dk") != 0 || rowsWith(t, s, "Åse Ærø") != 0 {
		t.Fatalf("after erasure: %d audit rows, %d rows with the e-mail, %d with the name", audits,
			rowsWith(t, s, "aase@odense.dk"), rowsWith(t, s, "Åse Ærø"))
	}
}

// rowsWith counts the rows of the tables with personal data that hold s.
func rowsWith(t *testing.T, s *site, text string) int {
	t.Helper()
	var n int
	if err := s.Store.Pool.QueryRow(context.Background(), `SELECT
		(SELECT count(*) FROM bookings t WHERE t::text ILIKE '%' || $1 || '%') +
		(SELECT count(*) FROM participants t WHERE t::text ILIKE '%' || $1 || '%') +
		(SELECT count(*) FROM outgoing_mails t WHERE t::text ILIKE '%' || $1 || '%') +
		(SELECT count(*) FROM participant_links t WHERE t::text ILIKE '%' || $1 || '%') +
		(SELECT count(*) FROM inquiries t WHERE t::text ILIKE '%' || $1 || '%') +
		(SELECT count(*) FROM booking_search t WHERE t::text ILIKE '%' || $1 || '%')`, text).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// Staff find every booking and inquiry of one e-mail address and erase
// the person once their courses are held; the staff mail view shows no
// working link.
func TestStaffErasesAPerson(t *testing.T) {
	s := adminSite(t)
	link, ends := bookAase(t, s)
	ctx := context.Background()
	var mailID int64
	s.Store.Pool.QueryRow(ctx, `SELECT id FROM outgoing_mails WHERE kind = 'booking'`).Scan(&mailID)
	_, mailPage := s.get(t, "/admin/mails/"+strconv.FormatInt(mailID, 10))
	if manageLink.MatchString(mailPage) || !strings.Contains(mailPage, link[:len("/min-tilmelding/")]+"~skjult-1~") {
		t.Fatalf("the staff mail view shows a working link or no placeholder:\n%s", mailPage)
	}
	if _, err := s.Store.Pool.Exec(ctx, `INSERT INTO inquiries (kind, name, email, message) VALUES ('contact', 'Åse Ærø', 'AASE@odense.dk', 'Hej')`); err != nil {
		t.Fatal(err)
	}
	status, body := s.get(t, "/admin/personer?email=aase")
	if status != http.StatusUnprocessableEntity {
		t.Fatalf("a bad e-mail: %d", status)
	}
	mustContain(t, body, "Skriv en hel e-mailadresse", `value="aase"`)
	_, body = s.get(t, "/admin/personer?email=aase@odense.dk")
	mustContain(t, body, "Aarhus Kommune", "Politisk forståelse", "har en plads på et kursus, der ikke er holdt", "Kontakt")
	if status, _, _ := s.post(t, "/admin/personer/slet", url.Values{"email": {"aase@odense.dk"}, "bekraeft": {"ja"}}); status != http.StatusUnprocessableEntity {
		t.Fatalf("erasing a person with a course to come: %d", status)
	}
	s.Clock.Advance(ends.Sub(s.Clock.Now()) + time.Hour)
	status, _, body = s.post(t, "/admin/personer/slet", url.Values{"email": {"aase@odense.dk"}})
	if status != http.StatusUnprocessableEntity || !strings.Contains(body, "Sæt flueben for at bekræfte") {
		t.Fatalf("without the tick: %d", status)
	}
	status, loc, _ := s.post(t, "/admin/personer/slet", url.Values{"email": {"aase@odense.dk"}, "bekraeft": {"ja"}})
	if status != http.StatusSeeOther {
		t.Fatalf("erase: %d", status)
	}
	_, body = s.get(t, loc)
	mustContain(t, body, "1 tilmeldinger anonymiseret og 1 henvendelser slettet", "Fakturaoplysningerne gemmes")
	var audits int
	s.Store.Pool.QueryRow(ctx, `SELECT count(*) FROM audit_log WHERE action = 'erase_person' AND staff_user_id IS NOT NULL`).Scan(&audits)
	if n := rowsWith(t, s, "aase@odense.dk"); n != 0 || audits != 2 {
		t.Fatalf("after erasure: %d rows with the e-mail, %d audit rows", n, audits)
	}
	// Mette booked Åse: Mette is not erased with her.
	if rowsWith(t, s, "mette@aarhus.dk") == 0 {
		t.Fatal("the booker was erased with the participant")
	}
}
