package server_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"kursuskatalog/internal/catalog"
)

// section is the part of body from the heading that starts with heading to
// the next heading of the same level, "" when there is none.
func section(body, heading string) string {
	i := strings.Index(body, heading)
	if i < 0 {
		return ""
	}
	rest := body[i:]
	if j := strings.Index(rest[1:], "<h3"); j >= 0 {
		return rest[:j+1]
	}
	return rest
}

// The overview leads with what needs doing on the demo: the new
// inquiries nobody answered, the waiting list with a free seat, the dates
// below their minimum, the invoices and deadlines of the week, then the
// dates. Doing the thing takes it off the list.
func TestAdminDashboardLeadsWithWhatNeedsAttention(t *testing.T) {
	s := adminSite(t)
	ctx := context.Background()
	_, body := s.get(t, "/admin")
	mustContain(t, body, "<h1>Overblik</h1>", "Kræver opmærksomhed", "Nye henvendelser uden svar (2)", "Spørgsmål fra Mette Holm",
		"Tilpasset forløb fra Jesper Lund", "Ventelister med en ledig plads eller et tilbud, der udløber (1)", "1 ledige, 2 på venteliste",
		"Under minimum tæt på fristen", "Fakturaer der skal sendes i denne uge", "Tilmeldingsfrister i denne uge")
	if strings.Index(body, "Kræver opmærksomhed") > strings.Index(body, "Kommende datoer") {
		t.Error("the dates come before what needs attention")
	}
	if strings.Contains(section(body, "Nye henvendelser"), "Camilla Dahl") {
		t.Error("an answered inquiry is listed as unanswered")
	}
	// The week's deadlines are this week's (Monday 23 to Sunday 29 November).
	for _, m := range regexIndexes(section(body, "Tilmeldingsfrister i denne uge"), `frist (\d\d\.\d\d\.\d{4})`) {
		if m < "23.11.2026" || m > "29.11.2026" || !strings.HasSuffix(m, "11.2026") {
			t.Errorf("deadline %s is not this week", m)
		}
	}
	var invoices int
	s.Store.Pool.QueryRow(ctx, `SELECT count(*) FROM bookings b
		WHERE NOT EXISTS (SELECT 1 FROM invoice_documents i WHERE i.booking_id = b.id) AND EXISTS (
		SELECT 1 FROM participants p JOIN course_dates d ON d.id = p.date_id
		WHERE p.booking_id = b.id AND (p.status = 'confirmed' OR p.charged) AND d.starts_at <= '2026-11-30 00:00+01'::timestamptz + interval '28 days')`).Scan(&invoices)
	mustContain(t, section(body, "Fakturaer der skal sendes"), fmt.Sprintf(">%d tilmeldinger</a>", invoices))

	// Promote the first waiting into the free seat: the list is done.
	var waiting, date int64
	s.Store.Pool.QueryRow(ctx, `SELECT p.id, d.id FROM participants p JOIN course_dates d ON d.id = p.date_id
		WHERE p.status = 'waitlisted' AND d.seats_taken < d.capacity AND d.status = 'planned' ORDER BY p.waitlist_seq LIMIT 1`).Scan(&waiting, &date)
	if status, loc, body := s.post(t, fmt.Sprintf("/admin/deltagere/%d/optag", waiting), nil); status != http.StatusSeeOther {
		t.Fatalf("promote: %d %s %s", status, loc, body)
	}
	// Answer Mette Holm: one inquiry left.
	var inquiry int64
	s.Store.Pool.QueryRow(ctx, `SELECT id FROM inquiries WHERE name = 'Mette Holm'`).Scan(&inquiry)
	// A personal link pasted into the answer is stored as every mail's
	// are: without its token (mail.Redact).
	token := strings.Repeat("Tk", 21) + "x"
	if status, _, body := s.post(t, fmt.Sprintf("/admin/henvendelser/%d/svar", inquiry),
		url.Values{"subject": {"Sv: Dit spørgsmål"}, "body": {"Ja, tag dem endelig med: http://kurser.test/min-tilmelding/" + token}}); status != http.StatusSeeOther {
		t.Fatalf("reply: %d %s", status, body)
	}
	var stored string
	s.Store.Pool.QueryRow(ctx, `SELECT text_body FROM outgoing_mails WHERE inquiry_id = $1 AND subject = 'Sv: Dit spørgsmål'`, inquiry).Scan(&stored)
	if strings.Contains(stored, token) || !strings.Contains(stored, "/min-tilmelding/~skjult-1~") {
		t.Errorf("the stored answer holds a working link:\n%s", stored)
	}
	_, body = s.get(t, "/admin")
	mustContain(t, body, "Nye henvendelser uden svar (1)")
	if strings.Contains(body, "Ventelister med en ledig plads") {
		t.Errorf("date %d still listed with a free seat", date)
	}
}

// A waiting list whose seat is offered to the first in line is listed
// while the offer runs out within a day, with when it does; an offer of
// more time is not (overview.OfferSoon).
func TestAdminDashboardOfferAboutToExpire(t *testing.T) {
	s := adminSite(t)
	ctx := context.Background()
	offer := func(left time.Duration) (date int64) {
		t.Helper()
		err := s.Store.Pool.QueryRow(ctx, `
			INSERT INTO seat_offers (participant_id, date_id, token_hash, cause, offered_at, expires_at)
			SELECT p.id, p.date_id, sha256(p.id::text::bytea), 'cancelled', $1::timestamptz - interval '1 hour', $1::timestamptz + $2::interval
			FROM participants p JOIN course_dates d ON d.id = p.date_id
			WHERE p.status = 'waitlisted' AND d.seats_taken >= d.capacity AND d.status = 'planned' AND d.starts_at > $1
			  AND NOT EXISTS (SELECT 1 FROM seat_offers o WHERE o.date_id = d.id)
			ORDER BY d.starts_at, p.waitlist_seq LIMIT 1
			RETURNING date_id`, testNow, left.String()).Scan(&date)
		if err != nil {
			t.Fatalf("no full date with a waiting list in the demo: %v", err)
		}
		return date
	}
	soon, later := offer(5*time.Hour), offer(3*24*time.Hour)
	_, body := s.get(t, "/admin")
	list := section(body, "Ventelister med en ledig plads")
	mustContain(t, list, fmt.Sprintf("/admin/datoer/%d#venteliste", soon), "0 ledige", "tilbud udløber "+catalog.FormatDateTime(testNow.Add(5*time.Hour)))
	if strings.Contains(list, fmt.Sprintf("/admin/datoer/%d#", later)) {
		t.Errorf("date %d is listed with an offer three days from running out", later)
	}
}

func regexIndexes(s, expr string) []string {
	var out []string
	for _, m := range regexpMust(expr).FindAllStringSubmatch(s, -1) {
		out = append(out, m[1])
	}
	return out
}

// A date's minimum is set in its form and refused above the seats; a
// saved date goes back to its own page.
func TestAdminDateMinimumAndReturn(t *testing.T) {
	s := adminSite(t)
	_, date := createCourseWithDate(t, s)
	page := fmt.Sprintf("/admin/datoer/%d/rediger", date)
	form := url.Values{"version": {"1"}, "venue": {firstVenue(t, s)}, "starts": {"2027-03-03T08:45"}, "ends": {"2027-03-04T15:00"},
		"deadline": {"2027-02-10"}, "capacity": {"20"}, "minimum": {"99"}}
	status, _, body := s.post(t, page, form)
	if status != http.StatusUnprocessableEntity {
		t.Fatalf("minimum above the seats: %d", status)
	}
	mustContain(t, body, `id="minimum-error"`, "Mindste antal deltagere kan ikke være større end antal pladser", `value="99"`)
	form.Set("minimum", "6")
	status, loc, _ := s.post(t, page, form)
	if status != http.StatusSeeOther || loc != fmt.Sprintf("/admin/datoer/%d", date) {
		t.Fatalf("save: %d %q, want the date's page", status, loc)
	}
	_, body = s.get(t, loc)
	mustContain(t, body, "Datoen er gemt", "Mindst: <strong>6</strong>")
	var fields []string
	s.Store.Pool.QueryRow(context.Background(), `SELECT changed_fields FROM audit_log WHERE entity = 'course_date' AND entity_id = $1
		ORDER BY id DESC LIMIT 1`, date).Scan(&fields)
	if strings.Join(fields, ",") != "min_participants" {
		t.Errorf("audit: %v", fields)
	}
}

// A refused promotion is said beside the button that promotes, not under
// the cancellation reason of the same participant.
func TestAdminPromotionMessageBesideItsButton(t *testing.T) {
	s := adminSite(t)
	date, _, second := fullDate(t, s)
	status, _, body := s.post(t, fmt.Sprintf("/admin/deltagere/%d/optag", second), nil)
	if status != http.StatusUnprocessableEntity {
		t.Fatalf("promote onto a full date: %d", status)
	}
	id := "promote-" + strconv.FormatInt(second, 10)
	msg := "Der er ingen ledige pladser"
	i := strings.Index(body, `id="`+id+`-error"`)
	if i < 0 || !strings.Contains(body[i:i+300], msg) {
		t.Fatalf("no message beside the button %s", id)
	}
	if strings.Contains(body, `id="reason-`+strconv.FormatInt(second, 10)+`-error"`) {
		t.Error("the message stands under the cancellation reason")
	}
	mustContain(t, body, `href="#`+id+`"`, `aria-describedby="`+id+`-error"`)
	_ = date
}

// The statistics draw each figure as SVG with its numbers in a table and
// a CSV for Danish Excel; the revenue adds up to what the participants pay.
func TestAdminStatistics(t *testing.T) {
	s := adminSite(t)
	status, body := s.get(t, "/admin/statistik")
	if status != 200 {
		t.Fatalf("statistics: %d", status)
	}
	for _, title := range []string{"Tilmeldinger over tid", "Fyldning pr. kursus", "Fyldning pr. dato", "Omsætning ekskl. moms pr. måned",
		"Omsætning ekskl. moms pr. emne", "Deltagere pr. kommune", "Deltagere pr. region", "Efterspørgsel på ventelisten"} {
		mustContain(t, body, ">"+title+"</h2>", "<caption id=")
	}
	if n := strings.Count(body, `<svg role="img" aria-label="`); n < 7 {
		t.Errorf("%d charts", n)
	}
	mustContain(t, body, "Odense", "Syddanmark", "Andre", `value="2025-12"`, `value="2027-05"`)

	// The CSV of revenue per month sums to the confirmed participants' prices.
	rows := statCSV(t, s, "/admin/statistik/omsaetning-maaned.csv?fra=2025-12&til=2027-05")
	var sum int64
	for _, r := range rows[1:] {
		kr, ore, _ := strings.Cut(r[1], ",")
		k, _ := strconv.ParseInt(kr, 10, 64)
		o, _ := strconv.ParseInt(ore, 10, 64)
		sum += k*100 + o
	}
	var want int64
	s.Store.Pool.QueryRow(context.Background(), `SELECT coalesce(sum(p.price_ore), 0) FROM participants p JOIN course_dates d ON d.id = p.date_id
		WHERE p.status = 'confirmed' AND d.status = 'planned' AND d.starts_at >= '2025-12-01 00:00+01' AND d.starts_at < '2027-06-01 00:00+02'`).Scan(&want)
	if sum != want || want == 0 || len(rows) != 19 || rows[0][1] != "Omsætning ekskl. moms (kr.)" {
		t.Errorf("revenue CSV sums to %d øre in %d rows, want %d", sum, len(rows), want)
	}
	regions := statCSV(t, s, "/admin/statistik/regioner.csv")
	if regions[0][0] != "Region" || len(regions) < 4 {
		t.Errorf("regions: %q", regions)
	}

	status, body = s.get(t, "/admin/statistik?fra=2027-05&til=2026-01")
	if status != http.StatusUnprocessableEntity {
		t.Fatalf("a period backwards: %d", status)
	}
	mustContain(t, body, `id="til-error"`, "Den sidste måned skal ligge efter den første", `href="#til"`, `value="2027-05"`)
	if status, _ := s.get(t, "/admin/statistik/findes-ikke.csv"); status != 404 {
		t.Errorf("unknown figure: %d", status)
	}
}

func statCSV(t *testing.T, s *site, path string) [][]string {
	t.Helper()
	res, err := s.Client.Get(s.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var raw bytes.Buffer
	raw.ReadFrom(res.Body)
	b := raw.Bytes()
	if res.StatusCode != 200 || !bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}) || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/csv") {
		t.Fatalf("%s: %d %v", path, res.StatusCode, res.Header)
	}
	r := csv.NewReader(bytes.NewReader(b[3:]))
	r.Comma = ';'
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func regexpMust(expr string) *regexp.Regexp { return regexp.MustCompile(expr) }
