package server_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/catalog"
)

var myLink = regexp.MustCompile(`/min-plads/[A-Za-z0-9_-]{43}`)

// linkIn is the newest personal link mailed to an address, as a path.
func (s *site) linkIn(t *testing.T, kind, to string) string {
	t.Helper()
	var text string
	if err := s.Store.Pool.QueryRow(context.Background(), `SELECT text_body FROM outgoing_mails
		WHERE kind = $1 AND to_addr = $2 AND text_body LIKE '%/min-plads/%' ORDER BY id DESC LIMIT 1`, kind, to).Scan(&text); err != nil {
		t.Fatalf("no %s mail to %s: %v", kind, to, err)
	}
	l := myLink.FindString(text)
	if l == "" {
		t.Fatalf("no personal link in the %s mail to %s", kind, to)
	}
	return l
}

func seatOf(t *testing.T, s *site, email string) int64 {
	t.Helper()
	var id int64
	if err := s.Store.Pool.QueryRow(context.Background(), `SELECT id FROM participants WHERE email = $1`, email).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return id
}

// bookResidential books the booker herself and a colleague on the seed
// course's first date, with their stays, and composes the mails.
func bookResidential(t *testing.T, s *site) int64 {
	t.Helper()
	date, _ := seedDates(t, s.Store)
	v := enrolment("ophold-tok", []int64{date}, "Åse Ærø <aase@odense.dk>")
	v.Set("self", "1")
	v.Set("s_overnight", "nej")
	v.Set("s_diet", "Vegetar")
	v["p0_allergen"] = []string{"milk", "nuts", "chocolate"}
	v.Set("p0_early", "1")
	v.Set("p0_needs", "Værelse i stueetagen")
	if status, _, body := s.post(t, "/tilmelding", v); status != http.StatusSeeOther {
		t.Fatalf("booking: %d %s", status, body)
	}
	s.workBookingMails(t)
	return date
}

// The enrolment form of a residential course asks each participant (and
// the booker, for herself) about the stay; what they said reaches the
// database, the participant's own page (where they can change it) and
// the venue's rooming and diet list.
func TestResidentialDetailsFromFormToRoomingList(t *testing.T) {
	s := adminSite(t)
	date, _ := seedDates(t, s.Store)
	_, form := s.get(t, "/tilmelding?dato="+strconv.FormatInt(date, 10))
	mustContain(t, form, `Dit ophold, hvis du deltager selv (Politisk forståelse har overnatning)`, `name="s_allergen" value="gluten"`,
		`name="s_overnight" value="nej"`, "Svovldioxid og sulfitter", "Bløddyr")
	_, plain := s.get(t, "/tilmelding?dato="+strconv.FormatInt(s.oneDayDate(t), 10))
	if strings.Contains(plain, "s_allergen") {
		t.Error("a course without a stay asks about it")
	}
	bookResidential(t, s)
	var overnight *bool
	var early bool
	var allergens []string
	var needs string
	s.Store.Pool.QueryRow(context.Background(), `SELECT stay_overnight, stay_early_arrival, diet_allergens, stay_needs
		FROM participants WHERE email = 'aase@odense.dk'`).Scan(&overnight, &early, &allergens, &needs)
	if overnight == nil || !*overnight || !early || strings.Join(allergens, ",") != "milk,nuts" || needs != "Værelse i stueetagen" {
		t.Fatalf("Åse's stay: %v %v %v %q", overnight, early, allergens, needs)
	}

	link := s.linkIn(t, "confirmation", "aase@odense.dk")
	_, page := s.get(t, link)
	mustContain(t, page, "Din plads", "Hej Åse Ærø", "Politisk forståelse", `value="milk" checked`, "Værelse i stueetagen",
		"openstreetmap.org", "Mette Booker")
	seat := strconv.FormatInt(seatOf(t, s, "aase@odense.dk"), 10)
	bad := url.Values{"overnight": {"ja"}, "allergen": {"gluten"}, "needs": {strings.Repeat("x", 501)}}
	status, _, body := s.post(t, link+"/ophold/"+seat, bad)
	if status != http.StatusUnprocessableEntity {
		t.Fatalf("too long needs: %d", status)
	}
	mustContain(t, body, "Ret venligst følgende", `href="#plads-`+seat+`-needs"`, "Andre behov under opholdet må højst være 500 tegn", `value="gluten" checked`)
	good := url.Values{"overnight": {"ja"}, "allergen": {"gluten"}, "diet": {"Ingen svinekød"}, "needs": {"Sen ankomst"}}
	if status, loc, _ := s.post(t, link+"/ophold/"+seat, good); status != http.StatusSeeOther || !strings.Contains(loc, "besked=ophold") {
		t.Fatalf("save stay: %d %q", status, loc)
	}
	if status, _, _ := s.post(t, "/min-plads/"+strings.Repeat("A", 43)+"/ophold/"+seat, good); status != http.StatusNotFound {
		t.Fatalf("another token saves Åse's stay: %d", status)
	}

	_, list := s.get(t, "/admin/datoer/"+strconv.FormatInt(date, 10)+"/ophold")
	mustContain(t, list, "Værelser og kost", "Åse Ærø", "Gluten (korn)", "Ingen svinekød", "Sen ankomst",
		"Mette Booker", "Vegetar", "Overnatter: <strong>1</strong>")
	res, csv := s.send(t, http.MethodGet, "/admin/datoer/"+strconv.FormatInt(date, 10)+"/ophold.csv", nil, nil)
	if !strings.HasPrefix(string(csv), "\uFEFFNavn;Organisation;Overnatning") || !strings.Contains(string(csv), "Åse Ærø;Aarhus Kommune;Ja;Nej;Gluten (korn);Ingen svinekød") {
		t.Fatalf("rooming CSV (%s):\n%s", res.Header.Get("Content-Type"), csv)
	}
}

// oneDayDate is an upcoming date of a course without a stay.
func (s *site) oneDayDate(t *testing.T) int64 {
	t.Helper()
	var id int64
	if err := s.Store.Pool.QueryRow(context.Background(), `SELECT d.id FROM course_dates d JOIN courses c ON c.id = d.course_id
		WHERE NOT c.residential AND c.status = 'published' AND d.starts_at > $1 ORDER BY d.starts_at LIMIT 1`, testNow).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return id
}

// Staff mark attendance at the door; after the course the attendee's
// link gives the diploma and the evaluation, which takes one answer; staff
// see the results once three have answered, as charts with tables and CSV.
func TestAttendanceDiplomaAndEvaluationOverHTTP(t *testing.T) {
	s := adminSite(t)
	date := bookResidential(t, s)
	ctx := context.Background()
	for i, who := range []string{"Bo <bo@odense.dk>", "Cai <cai@odense.dk>", "Dea <dea@odense.dk>"} {
		if status, _, body := s.post(t, "/tilmelding", enrolment("ev-tok-"+strconv.Itoa(i), []int64{date}, who)); status != http.StatusSeeOther {
			t.Fatalf("booking %s: %d %s", who, status, body)
		}
	}
	s.workBookingMails(t)
	var start, end time.Time
	s.Store.Pool.QueryRow(ctx, `SELECT starts_at, ends_at FROM course_dates WHERE id = $1`, date).Scan(&start, &end)
	days := booking.CourseDays(start, end)
	att := "/admin/datoer/" + strconv.FormatInt(date, 10) + "/fremmoede"
	s.Clock.Advance(start.Add(-20 * time.Minute).Sub(s.Clock.Now()))
	_, page := s.get(t, att)
	mustContain(t, page, "Fremmøde", "Dag 1 · "+catalog.FormatDayMonth(days[0]), "Ikke registreret: <strong data-count=\"none\">5</strong>")
	mark := func(email string, day time.Time, status string, header http.Header) (*http.Response, string) {
		form := url.Values{"deltager": {strconv.FormatInt(seatOf(t, s, email), 10)}, "dag": {catalog.DayInput(day)}, "status": {status}}
		h := http.Header{"Content-Type": {"application/x-www-form-urlencoded"}}
		for k, v := range header {
			h[k] = v
		}
		res, b := s.send(t, http.MethodPost, att, strings.NewReader(form.Encode()), h)
		return res, string(b)
	}
	if res, _ := mark("aase@odense.dk", days[0], "til-stede", nil); res.StatusCode != http.StatusSeeOther || !strings.Contains(res.Header.Get("Location"), "#p-") {
		t.Fatalf("mark without JavaScript: %d %q", res.StatusCode, res.Header.Get("Location"))
	}
	res, row := mark("bo@odense.dk", days[0], "til-stede", http.Header{"X-Requested-With": {"fetch"}})
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(strings.TrimSpace(row), `<li class="att-row att-present"`) {
		t.Fatalf("mark with a tap: %d %s", res.StatusCode, row)
	}
	for _, who := range []string{"cai@odense.dk", "dea@odense.dk"} {
		mark(who, days[0], "til-stede", nil)
	}
	if res, body := mark("mette@aarhus.dk", days[1], "til-stede", nil); res.StatusCode != http.StatusUnprocessableEntity ||
		!strings.Contains(body, "fra dagen er begyndt") {
		t.Fatalf("day two marked on day one: %d", res.StatusCode)
	}
	mark("mette@aarhus.dk", days[0], "fravaer", nil)

	s.Clock.Advance(end.Sub(s.Clock.Now()))
	if err := s.Enrolment.SendAfterCourse(ctx, date); err != nil {
		t.Fatal(err)
	}
	if n := mailsTo(t, s, "after_course", "mette@aarhus.dk"); n != 0 {
		t.Fatal("the absent booker got a diploma")
	}
	link := s.linkIn(t, "after_course", "aase@odense.dk")
	aase := strconv.FormatInt(seatOf(t, s, "aase@odense.dk"), 10)
	_, mine := s.get(t, link)
	mustContain(t, mine, "Hent kursusbevis (PDF)", "Besvar evalueringen")
	res, pdf := s.send(t, http.MethodGet, link+"/kursusbevis/"+aase, nil, nil)
	if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(string(pdf), "%PDF") {
		t.Fatalf("diploma: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	mette := s.linkIn(t, "booking", "mette@aarhus.dk")
	metteSeat := strconv.FormatInt(seatOf(t, s, "mette@aarhus.dk"), 10)
	if status, _ := s.get(t, mette+"/kursusbevis/"+metteSeat); status != http.StatusNotFound {
		t.Fatalf("the absent booker's diploma: %d", status)
	}

	eval := link + "/evaluering/" + aase
	_, form := s.get(t, eval)
	mustContain(t, form, "Evaluering af Politisk forståelse", "Dit svar er anonymt", `name="overall" value="5"`)
	status, _, body := s.post(t, eval, url.Values{"overall": {"5"}, "improve": {"Mere tid"}})
	if status != http.StatusUnprocessableEntity {
		t.Fatalf("half an answer: %d", status)
	}
	mustContain(t, body, `href="#relevance"`, `value="5" checked`, "Mere tid")
	answer := url.Values{"overall": {"5"}, "relevance": {"4"}, "teaching": {"5"}, "improve": {"Mere tid til dilemmaspillet"}}
	if status, loc, _ := s.post(t, eval, answer); status != http.StatusSeeOther || !strings.Contains(loc, "besked=evalueret") {
		t.Fatalf("answer: %d %q", status, loc)
	}
	s.post(t, eval, answer)
	results := "/admin/datoer/" + strconv.FormatInt(date, 10) + "/evaluering"
	_, few := s.get(t, results)
	mustContain(t, few, "Der er 1 svar. Resultaterne vises, når mindst 3 har svaret")
	for _, who := range []string{"bo@odense.dk", "cai@odense.dk"} {
		l := s.linkIn(t, "after_course", who)
		s.post(t, l+"/evaluering/"+strconv.FormatInt(seatOf(t, s, who), 10), url.Values{"overall": {"4"}, "relevance": {"3"}, "teaching": {"4"}})
	}
	_, shown := s.get(t, results)
	mustContain(t, shown, "Antal svar: <strong>3</strong>", "<svg", `role="img"`, "Gennemsnit: <strong>4,3</strong>",
		"Mere tid til dilemmaspillet", "antal svar pr. karakter")
	if strings.Contains(shown, "style=") {
		t.Error("the results carry style attributes the CSP drops")
	}
	_, course := s.get(t, "/admin/kurser/"+strconv.FormatInt(courseID(t, s.Store, "politisk-forstaaelse"), 10)+"/evaluering")
	mustContain(t, course, "Evaluering af Politisk forståelse", "Svar og gennemsnit pr. dato", "<svg")
	_, csv := s.send(t, http.MethodGet, results+".csv", nil, nil)
	if !strings.Contains(string(csv), ";5;4;5;Mere tid til dilemmaspillet") || !strings.Contains(string(csv), `"=""`) {
		t.Fatalf("results CSV:\n%s", csv)
	}
}
