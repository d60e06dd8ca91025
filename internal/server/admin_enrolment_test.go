package server_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
)

// fullDate makes the first date of the first seed module hold one seat,
// books Første on it and Anden onto its waiting list, and returns the
// date and the two participants.
func fullDate(t *testing.T, s *site) (date, first, second int64) {
	t.Helper()
	ctx := context.Background()
	date, _ = seedDates(t, s.Store)
	emptyDate(t, s.Store, date, 1)
	for i, who := range []string{"Første <foerste@aarhus.dk>", "Anden <anden@odense.dk>"} {
		if status, _, body := s.post(t, "/tilmelding", enrolment(fmt.Sprintf("admin-tok-%d", i), []int64{date}, who)); status != http.StatusSeeOther {
			t.Fatalf("booking %s: %d %s", who, status, body)
		}
	}
	s.Store.Pool.QueryRow(ctx, `SELECT id FROM participants WHERE email = 'foerste@aarhus.dk'`).Scan(&first)
	s.Store.Pool.QueryRow(ctx, `SELECT id FROM participants WHERE email = 'anden@odense.dk'`).Scan(&second)
	return date, first, second
}

func statusOf(t *testing.T, s *site, seat int64) (status string, date int64) {
	t.Helper()
	if err := s.Store.Pool.QueryRow(context.Background(), `SELECT status, date_id FROM participants WHERE id = $1`, seat).Scan(&status, &date); err != nil {
		t.Fatal(err)
	}
	return status, date
}

func mailsTo(t *testing.T, s *site, kind, to string) int {
	t.Helper()
	s.workBookingMails(t)
	var n int
	s.Store.Pool.QueryRow(context.Background(), `SELECT count(*) FROM outgoing_mails WHERE kind = $1 AND to_addr = $2`, kind, to).Scan(&n)
	return n
}

func TestAdminDatePageAndCancel(t *testing.T) {
	s := adminSite(t)
	date, first, second := fullDate(t, s)
	page := "/admin/datoer/" + strconv.FormatInt(date, 10)

	status, body := s.get(t, page)
	if status != 200 {
		t.Fatalf("date page: %d", status)
	}
	mustContain(t, body, "Politisk forståelse", "Bekræftede deltagere (1)", "Venteliste (1)", "Første", "Anden", "Aarhus Kommune", "Ledige: <strong>0</strong>")

	// A cancellation without a reason is refused, and nothing changes.
	cancel := "/admin/deltagere/" + strconv.FormatInt(first, 10) + "/afmeld"
	status, _, body = s.post(t, cancel, url.Values{"reason": {"  "}})
	if status != http.StatusUnprocessableEntity {
		t.Fatalf("no reason: %d", status)
	}
	mustContain(t, body, "Skriv en begrundelse", fmt.Sprintf(`href="#reason-%d"`, first))
	if st, _ := statusOf(t, s, first); st != "confirmed" {
		t.Fatalf("cancelled without a reason: %s", st)
	}

	status, loc, _ := s.post(t, cancel, url.Values{"reason": {"Sygdom, aftalt i telefonen"}})
	if status != http.StatusSeeOther || loc != page {
		t.Fatalf("cancel: %d %q", status, loc)
	}
	if st, _ := statusOf(t, s, first); st != "cancelled" {
		t.Fatalf("first is %s", st)
	}
	// The seat is held for the first waiting and offered: nobody gets it
	// without saying yes.
	if st, _ := statusOf(t, s, second); st != "waitlisted" {
		t.Fatalf("second is %s before saying yes", st)
	}
	if mailsTo(t, s, "cancelled", "foerste@aarhus.dk") != 1 || mailsTo(t, s, "offer", "anden@odense.dk") != 1 {
		t.Fatal("cancel and offer mails not recorded")
	}
	var text string
	s.Store.Pool.QueryRow(context.Background(), `SELECT text_body FROM outgoing_mails WHERE kind = 'cancelled' AND to_addr = 'foerste@aarhus.dk'`).Scan(&text)
	if !strings.Contains(text, "Sygdom, aftalt i telefonen") {
		t.Errorf("the reason is not in the mail: %s", text)
	}
	var audits int
	s.Store.Pool.QueryRow(context.Background(), `SELECT count(*) FROM audit_log WHERE entity = 'participant' AND entity_id = $1 AND action = 'cancel'`, first).Scan(&audits)
	if audits != 1 {
		t.Errorf("audit entries: %d", audits)
	}
	_, body = s.get(t, page)
	mustContain(t, body, "Deltageren er afmeldt", "Afmeldte (1)", "Sygdom, aftalt i telefonen", "Venteliste (1)",
		"Tilbud om plads (1)", "Tilbudt, venter på svar", "Afmelding af Første", "Holdt til tilbud: <strong>1</strong>",
		"Tilbudt en plads, svarfrist", "Giv den tilbudte plads")
	// Staff can still promote by hand: the one offered the seat gets it.
	if status, _, _ := s.post(t, "/admin/deltagere/"+strconv.FormatInt(second, 10)+"/optag", nil); status != http.StatusSeeOther {
		t.Fatalf("promote the one offered: %d", status)
	}
	if st, _ := statusOf(t, s, second); st != "confirmed" || mailsTo(t, s, "promoted", "anden@odense.dk") != 1 {
		t.Fatalf("promoted by hand: %s", st)
	}
	_, body = s.get(t, page)
	mustContain(t, body, "Venteliste (0)", "Sagt ja tak", "af COK")
	status, body = s.get(t, "/admin/log")
	if status != 200 {
		t.Fatalf("audit log: %d", status)
	}
	// In words: who, the participant with course and date, linked to the
	// date's page, and the values before and after.
	mustContain(t, body, "Medarbejder admin", "Deltager", `href="`+page+`"`, "afmeldt", "Status:",
		"Bekræftet</del>", "Afmeldt", "Begrundelse:", "Sygdom, aftalt i telefonen")

	// Again: already cancelled.
	if status, _, _ := s.post(t, cancel, url.Values{"reason": {"igen"}}); status != http.StatusUnprocessableEntity {
		t.Fatalf("cancel twice: %d", status)
	}
}

func TestAdminPromoteSubstituteAndMove(t *testing.T) {
	s := adminSite(t)
	ctx := context.Background()
	date, first, second := fullDate(t, s)
	promote := "/admin/deltagere/" + strconv.FormatInt(second, 10) + "/optag"

	// Full: promoting is refused.
	if status, _, body := s.post(t, promote, nil); status != http.StatusUnprocessableEntity || !strings.Contains(body, "ingen ledige pladser") {
		t.Fatalf("promote on a full date: %d", status)
	}
	s.Store.Pool.Exec(ctx, `UPDATE course_dates SET capacity = 2 WHERE id = $1`, date)
	if status, _, _ := s.post(t, promote, nil); status != http.StatusSeeOther {
		t.Fatalf("promote: %d", status)
	}
	var taken int
	s.Store.Pool.QueryRow(ctx, `SELECT seats_taken FROM course_dates WHERE id = $1`, date).Scan(&taken)
	if st, _ := statusOf(t, s, second); st != "confirmed" || taken != 2 || mailsTo(t, s, "promoted", "anden@odense.dk") != 1 {
		t.Fatalf("after promote: %s, %d seats taken", st, taken)
	}

	// A substitute takes Første's seat.
	sub := "/admin/deltagere/" + strconv.FormatInt(first, 10) + "/stedfortraeder"
	status, _, body := s.post(t, sub, url.Values{"name": {"Tredje"}, "email": {"ikke en mail"}})
	if status != http.StatusUnprocessableEntity {
		t.Fatalf("bad substitute: %d", status)
	}
	mustContain(t, body, "Skriv e-mailadressen som navn@eksempel.dk", `value="Tredje"`, `value="ikke en mail"`)
	if status, _, _ := s.post(t, sub, url.Values{"name": {"Tredje"}, "email": {"tredje@aarhus.dk"}}); status != http.StatusSeeOther {
		t.Fatalf("substitute: %d", status)
	}
	var name, was string
	s.Store.Pool.QueryRow(ctx, `SELECT name, substitute_for FROM participants WHERE id = $1`, first).Scan(&name, &was)
	if name != "Tredje" || was != "Første" || mailsTo(t, s, "substitute", "tredje@aarhus.dk") != 1 || mailsTo(t, s, "substitute", "foerste@aarhus.dk") != 1 {
		t.Fatalf("substitute: %s for %s", name, was)
	}

	// Move Tredje to another date of the course; the seat left goes to the
	// waiting list of the old date (a newcomer waits there).
	s.Store.Pool.Exec(ctx, `UPDATE course_dates SET capacity = 2 WHERE id = $1`, date)
	if status, _, _ := s.post(t, "/tilmelding", enrolment("admin-tok-9", []int64{date}, "Fjerde <fjerde@vejle.dk>")); status != http.StatusSeeOther {
		t.Fatal("fourth booking")
	}
	var other, fourth int64
	s.Store.Pool.QueryRow(ctx, `SELECT d.id FROM course_dates d WHERE d.course_id = (SELECT course_id FROM course_dates WHERE id = $1)
		AND d.id <> $1 ORDER BY d.starts_at LIMIT 1`, date).Scan(&other)
	s.Store.Pool.QueryRow(ctx, `SELECT id FROM participants WHERE email = 'fjerde@vejle.dk'`).Scan(&fourth)
	if st, _ := statusOf(t, s, fourth); st != "waitlisted" {
		t.Fatalf("fourth: %s", st)
	}
	move := "/admin/deltagere/" + strconv.FormatInt(first, 10) + "/flyt"
	if status, _, _ := s.post(t, move, url.Values{"dato": {strconv.FormatInt(date, 10)}}); status != http.StatusUnprocessableEntity {
		t.Fatalf("move to the same date: %d", status)
	}
	if status, _, _ := s.post(t, move, url.Values{"dato": {strconv.FormatInt(other, 10)}}); status != http.StatusSeeOther {
		t.Fatalf("move: %d", status)
	}
	if st, d := statusOf(t, s, first); st != "confirmed" || d != other {
		t.Fatalf("moved: %s on %d", st, d)
	}
	if st, _ := statusOf(t, s, fourth); st != "waitlisted" || mailsTo(t, s, "offer", "fjerde@vejle.dk") != 1 {
		t.Fatalf("the freed seat was not offered to the waiting list: %s", st)
	}
	if mailsTo(t, s, "moved", "tredje@aarhus.dk") != 1 {
		t.Fatal("move mails not recorded")
	}
}

// The CSV opens in Danish Excel: BOM, semicolons, Danish dates.
func TestAdminParticipantsCSV(t *testing.T) {
	s := adminSite(t)
	date, _, _ := fullDate(t, s)
	res, err := s.Client.Get(s.URL + "/admin/datoer/" + strconv.FormatInt(date, 10) + "/deltagere.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var raw bytes.Buffer
	raw.ReadFrom(res.Body)
	if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/csv") ||
		!strings.Contains(res.Header.Get("Content-Disposition"), "attachment") || res.Header.Get("Cache-Control") != "no-store" {
		t.Fatalf("csv: %d %v", res.StatusCode, res.Header)
	}
	b := raw.Bytes()
	if !bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}) {
		t.Fatalf("no BOM: % x", b[:3])
	}
	r := csv.NewReader(bytes.NewReader(b[3:]))
	r.Comma = ';'
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 || rows[0][0] != "Status" || rows[0][2] != "Navn" {
		t.Fatalf("rows: %q", rows)
	}
	if rows[1][0] != "Bekræftet" || rows[1][2] != "Første" || rows[1][5] != "Aarhus Kommune" || rows[1][11] != "23.11.2026" {
		t.Errorf("first row: %q", rows[1])
	}
	// EAN and phone as formulas whose value is the text, which Danish
	// Excel neither turns into 5,798E+12 nor strips of its +; the price
	// with a decimal comma, a number there.
	if rows[2][0] != "Venteliste" || rows[2][1] != "1" || rows[2][12] != "6750,00" || rows[2][16] != `="`+goodEAN+`"` ||
		rows[2][15] != `="+4587130000"` || rows[0][15] != "Bestillers telefon" || rows[0][12] != "Pris ekskl. moms" {
		t.Errorf("second row: %q", rows[2])
	}

	status, body := s.get(t, "/admin/datoer/"+strconv.FormatInt(date, 10)+"/udskrift")
	if status != 200 {
		t.Fatalf("print: %d", status)
	}
	mustContain(t, body, "Deltagerliste: Politisk forståelse", "Første", "Underskrift")
	if strings.Contains(body, "Anden") {
		t.Error("the print list shows the waiting list")
	}
}
