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

func auditCount(t *testing.T, s *site) int {
	t.Helper()
	var n int
	s.Store.Pool.QueryRow(context.Background(), `SELECT count(*) FROM audit_log`).Scan(&n)
	return n
}

// The log reads as people write: who, what (the course by its title) with
// a link to it, and the old and new value. Saving a course whose text
// areas came back with CRLF line endings, and nothing else changed, logs
// nothing.
func TestAuditLogInWords(t *testing.T) {
	s := adminSite(t)
	id := courseID(t, s.Store, "politisk-forstaaelse")
	page := "/admin/kurser/" + strconv.FormatInt(id, 10)
	_, body := s.get(t, page)
	form := courseForm(t, body)
	for k, v := range form {
		form.Set(k, strings.ReplaceAll(v[0], "\n", "\r\n"))
	}
	before := auditCount(t, s)
	if status, _, body := s.post(t, page, form); status != http.StatusSeeOther {
		t.Fatalf("save as is: %d %s", status, body)
	}
	if n := auditCount(t, s); n != before {
		t.Fatalf("a save that changed only line endings wrote %d audit entries", n-before)
	}
	_, body = s.get(t, page)
	form = courseForm(t, body)
	form.Set("price", "7.000")
	if status, _, body := s.post(t, page, form); status != http.StatusSeeOther {
		t.Fatalf("save the price: %d %s", status, body)
	}
	_, body = s.get(t, "/admin/log")
	mustContain(t, body, "Medarbejder admin", "Kursus", `href="`+page+`">Politisk forståelse</a>`, "ændret",
		"Pris ekskl. moms:", "6.750 kr.</del>", "7.000 kr.")
	if strings.Contains(body, "Beskrivelse:") {
		t.Error("the description is logged as changed")
	}
}

// A booker's own cancellation and substitute, from the manage link, are in
// the log with the booker as the one who acted.
func TestAuditLogHasBookersOwnActions(t *testing.T) {
	s := adminSite(t)
	ctx := context.Background()
	a, _ := seedDates(t, s.Store)
	_, loc, _ := s.post(t, "/tilmelding", enrolment("log-tok", []int64{a}, "Første <foerste@aarhus.dk>", "Anden <anden@aarhus.dk>"))
	_, body := s.get(t, loc)
	link := manageLink.FindString(body)
	var first, second int64
	s.Store.Pool.QueryRow(ctx, `SELECT id FROM participants WHERE email = 'foerste@aarhus.dk'`).Scan(&first)
	s.Store.Pool.QueryRow(ctx, `SELECT id FROM participants WHERE email = 'anden@aarhus.dk'`).Scan(&second)
	if status, loc, _ := s.cancel(t, link, first); status != http.StatusSeeOther {
		t.Fatalf("cancel: %d %s", status, loc)
	}
	if status, _, body := s.post(t, link+"/stedfortraeder", url.Values{"plads": {strconv.FormatInt(second, 10)},
		"name": {"Tredje Person"}, "email": {"tredje@aarhus.dk"}}); status != http.StatusSeeOther {
		t.Fatalf("substitute: %d %s", status, body)
	}
	var actors []string
	rows, _ := s.Store.Pool.Query(ctx, `SELECT actor || '|' || action FROM audit_log WHERE entity = 'participant' AND entity_id = ANY($1) ORDER BY id`,
		[]int64{first, second})
	for rows.Next() {
		var x string
		rows.Scan(&x)
		actors = append(actors, x)
	}
	rows.Close()
	want := "Bookeren Mette Booker (mette@aarhus.dk)|booker_cancel,Bookeren Mette Booker (mette@aarhus.dk)|booker_substitute"
	if strings.Join(actors, ",") != want {
		t.Fatalf("audit: %q", actors)
	}
	_, body = s.get(t, "/admin/log")
	mustContain(t, body, "Bookeren Mette Booker", "afmeldt af bookeren", "stedfortræder indsat af bookeren",
		"Anden</del>", "Tredje Person", fmt.Sprintf(`href="/admin/datoer/%d"`, a))
}

// Staff answer an inquiry from the inbox: the answer is mailed from COK to
// whoever asked with the consultant as reply-to, stays on the inquiry's
// thread and is logged; an empty answer comes back with its message.
func TestReplyToInquiry(t *testing.T) {
	s := adminSite(t)
	ctx := context.Background()
	var id int64
	var consultant string
	s.Store.Pool.QueryRow(ctx, `SELECT i.id, k.email FROM inquiries i JOIN consultants k ON k.id = i.consultant_id
		WHERE i.name = 'Mette Holm'`).Scan(&id, &consultant)
	page := "/admin/henvendelser/" + strconv.FormatInt(id, 10)
	_, body := s.get(t, page)
	mustContain(t, body, "Svar (0)", "Svar Mette Holm", `value="Sv: Dit spørgsmål om Skriv til politikerne`, "går det til Lone Kragh",
		"Kære Mette Holm\n\n\n\nVenlig hilsen\nMedarbejder admin")

	status, _, body := s.post(t, page+"/svar", url.Values{"subject": {"Sv: Jeres sagsfremstillinger"}, "body": {"  "}, "handled": {"ja"}})
	if status != http.StatusUnprocessableEntity {
		t.Fatalf("empty answer: %d", status)
	}
	mustContain(t, body, `id="body-error"`, "Skriv dit svar", `href="#body"`, `value="Sv: Jeres sagsfremstillinger"`)
	var mails int
	s.Store.Pool.QueryRow(ctx, `SELECT count(*) FROM outgoing_mails WHERE inquiry_id = $1`, id).Scan(&mails)
	if mails != 0 {
		t.Fatalf("a refused answer recorded %d mails", mails)
	}

	answer := "Kære Mette\r\n\r\nJa, tag dem endelig med.\r\n\r\nVi ses i Aarhus.\r\nLone"
	status, loc, _ := s.post(t, page+"/svar", url.Values{"subject": {"Sv: Jeres sagsfremstillinger"}, "body": {answer}, "handled": {"ja"}})
	if status != http.StatusSeeOther || loc != page+"#svar" {
		t.Fatalf("answer: %d %q", status, loc)
	}
	var to, replyTo, subject, text, state string
	s.Store.Pool.QueryRow(ctx, `SELECT to_addr, reply_to, subject, text_body FROM outgoing_mails WHERE inquiry_id = $1 AND kind = 'inquiry-reply'`, id).
		Scan(&to, &replyTo, &subject, &text)
	s.Store.Pool.QueryRow(ctx, `SELECT state FROM inquiries WHERE id = $1`, id).Scan(&state)
	if to != "mette.holm@odense.dk" || replyTo != consultant || subject != "Sv: Jeres sagsfremstillinger" || state != "handled" {
		t.Fatalf("mail to %q reply-to %q (want %q) subject %q; inquiry %s", to, replyTo, consultant, subject, state)
	}
	mustContain(t, text, "Kære Mette\n\nJa, tag dem endelig med.", "Vi ses i Aarhus.", "Kan vi tage egne sagsfremstillinger med",
		"går dit svar til Lone Kragh")
	if strings.Contains(text, "Kære Mette Holm") || strings.Contains(text, "Med venlig hilsen") {
		t.Errorf("the mail adds a greeting or a closing to what staff wrote:\n%s", text)
	}
	_, body = s.get(t, page)
	mustContain(t, body, "Svaret er sendt", "Svar (1)", "Sv: Jeres sagsfremstillinger", "Ja, tag dem endelig med.", "svar til "+consultant)
	if got := auditActions(t, s, "inquiry", id); !strings.HasPrefix(got, "reply:subject,reply_to,state:") {
		t.Errorf("audit: %s", got)
	}
}

// The staff search finds a booking at once, before its mails are composed
// (it is then marked pending by its own transaction and matched on the
// spot), and after (through its own row, the mark gone).
func TestSearchFindsNewBookingsAtOnce(t *testing.T) {
	s := adminSite(t)
	a, _ := seedDates(t, s.Store)
	s.post(t, "/tilmelding", enrolment("search-tok", []int64{a}, "Ingeborg Zachariassen <iz@aarhus.dk>"))
	for _, when := range []string{"before the mails", "after the mails"} {
		_, body := s.get(t, "/admin/soeg?q=zachariass")
		mustContain(t, body, "Ingeborg Zachariassen", "Mette Booker")
		var indexed, pending bool
		s.Store.Pool.QueryRow(context.Background(), `SELECT EXISTS (SELECT 1 FROM booking_search WHERE doc ILIKE '%zachariassen%'),
			EXISTS (SELECT 1 FROM booking_search_pending w JOIN participants p ON p.booking_id = w.booking_id
				WHERE p.email = 'iz@aarhus.dk')`).Scan(&indexed, &pending)
		if indexed != (when == "after the mails") || pending == indexed {
			t.Errorf("%s: in booking_search %v, pending %v", when, indexed, pending)
		}
		s.workBookingMails(t)
	}
}
