package mail

import (
	"bytes"
	"html/template"
	"strings"
	"time"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/catalog"
	"kursuskatalog/internal/ical"
)

// doc is the content of a mail; text and HTML are both rendered from it so
// they never say different things.
type doc struct {
	Greeting string
	Intro    []string
	Sections []section
	Link     *link
	More     []link // further links, after Link
	Outro    []string
	// Signed: the writer signed the text themselves; no greeting line or
	// closing is added.
	Signed bool
}

type section struct {
	Heading string
	Lines   []string
}

type link struct{ Text, URL string }

var htmlDoc = template.Must(template.New("mail").Parse(`<!doctype html>
<html lang="da"><head><meta charset="utf-8"><title>{{.Subject}}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;color:#1a1a1a;line-height:1.5;max-width:40rem">
<h1 style="font-size:1.35rem;line-height:1.3;margin:0 0 1em">{{.Subject}}</h1>
{{with .Doc.Greeting}}<p>{{.}}</p>{{end}}
{{range .Doc.Intro}}<p style="white-space:pre-line">{{.}}</p>{{end}}
{{range .Doc.Sections}}<h2 style="font-size:1.1rem;margin:1.2em 0 .3em">{{.Heading}}</h2>
<ul style="padding-left:1.2em;margin:0">{{range .Lines}}<li>{{.}}</li>{{end}}</ul>{{end}}
{{with .Doc.Link}}<p style="margin:1.5em 0"><a href="{{.URL}}" style="background:#0b3d4f;color:#fff;padding:.6em 1em;text-decoration:none;border-radius:4px">{{.Text}}</a></p>{{end}}
{{range .Doc.More}}<p style="margin:1em 0"><a href="{{.URL}}" style="color:#0b3d4f">{{.Text}}</a></p>{{end}}
{{range .Doc.Outro}}<p>{{.}}</p>{{end}}
{{if not .Doc.Signed}}<p>Med venlig hilsen<br>COK – Center for Offentlig Kompetenceudvikling</p>{{end}}
</body></html>`))

func render(kind, to, toName, subject string, d doc) Message {
	var t strings.Builder
	if d.Greeting != "" {
		t.WriteString(d.Greeting + "\n\n")
	}
	for _, p := range d.Intro {
		t.WriteString(p + "\n\n")
	}
	for _, s := range d.Sections {
		t.WriteString(s.Heading + "\n")
		for _, l := range s.Lines {
			t.WriteString("- " + l + "\n")
		}
		t.WriteString("\n")
	}
	for _, l := range d.links() {
		t.WriteString(l.Text + ":\n" + l.URL + "\n\n")
	}
	for _, p := range d.Outro {
		t.WriteString(p + "\n\n")
	}
	if !d.Signed {
		t.WriteString("Med venlig hilsen\nCOK – Center for Offentlig Kompetenceudvikling\n")
	}
	var h bytes.Buffer
	if err := htmlDoc.Execute(&h, struct {
		Subject string
		Doc     doc
	}{subject, d}); err != nil {
		// The template is fixed and its data plain strings; text alone still informs.
		h.Reset()
	}
	return Message{Kind: kind, To: to, ToName: toName, Subject: subject, Text: t.String(), HTML: h.String()}
}

func (d doc) links() []link {
	if d.Link == nil {
		return d.More
	}
	return append([]link{*d.Link}, d.More...)
}

func dateLine(d booking.BookedDate) string {
	return d.CourseTitle + ": " + catalog.FormatSpan(d.StartsAt, d.EndsAt) + ", " + d.Venue.Address()
}

// Links are the addresses a booking mail points to.
type Links struct {
	BaseURL   string // e.g. https://kurser.cok.dk
	ManageURL string // the booker's own page; "" when not known (it is stored only as a hash)
	// PersonURLs are the participants' own pages (personal links), by
	// e-mail in lower case.
	PersonURLs map[string]string
}

// BookingMails are sent when a booking is made: a receipt to the booker
// and a mail to each participant, each saying truthfully what they have:
// a seat, with a calendar invitation, or a place on a waiting list, with
// its number (and neither invitation nor invoice until a seat is held).
// A booker who takes part gets one mail: the receipt, with their seats'
// invitations.
func BookingMails(r booking.Receipt, l Links, now time.Time) []Message {
	held := holds(r.Seats)
	d := doc{
		Greeting: "Kære " + r.BookerName,
		Intro:    []string{"Tak for din tilmelding. Dit tilmeldingsnummer er " + r.Ref + "."},
		Sections: []section{participantsSection(r), priceSection(r)},
		Outro:    []string{"Har du spørgsmål, så svar på denne mail eller ring til COK."},
	}
	subject := "Kvittering for tilmelding " + r.Ref
	if !held {
		d.Intro = []string{"Tak for din tilmelding. Alle pladser er optaget, så tilmeldingen står på venteliste. Dit tilmeldingsnummer er " + r.Ref + ".",
			waitlistPromise}
		subject = "Venteliste: " + titles(r, "") + " (" + r.Ref + ")"
	} else if waits(r.Seats) {
		d.Intro = append(d.Intro, "Nogle af pladserne står på venteliste; se nedenfor. "+waitlistPromise)
	}
	if held {
		d.Sections = append(d.Sections, invoiceSection(r))
	}
	d.Sections = append(d.Sections, section{Heading: "Tilmeldingsfrist og afmelding", Lines: deadlineLines(r, r.Seats, now)})
	if l.ManageURL != "" {
		d.Link = &link{"Se eller ændr tilmeldingen", l.ManageURL}
	}
	// A booker who takes part gets their own participant's page here, as
	// the other participants get it in theirs: practical information,
	// residential details, the diploma and the evaluation live there.
	if u := l.PersonURLs[strings.ToLower(r.BookerEmail)]; u != "" {
		d.More = append(d.More, link{"Din egen side som deltager", u})
	}
	receipt := render("booking", r.BookerEmail, r.BookerName, subject, d)
	out := []Message{receipt}
	for _, p := range r.People() {
		mine := seatsOf(r, p.Email)
		if strings.EqualFold(p.Email, r.BookerEmail) {
			out[0].Invites = invitesOf(r, mine)
			continue
		}
		out = append(out, participantMail(r, p, mine, l, now))
	}
	if len(out[0].Invites) > 0 {
		out[0].Text, out[0].HTML = withOutro(out[0], calendarNote)
	}
	return out
}

// The promises made about waiting lists and calendars, word for word the
// same in every mail.
const (
	waitlistPromise = "En plads på ventelisten er gratis og aldrig bindende. Bliver en plads ledig, sender vi et tilbud på mail til den første på listen, som selv svarer ja tak eller nej tak inden for en frist."
	calendarNote    = "Med kalenderinvitationen i denne mail kommer din plads i din kalender (har du flere kurser, er der én for hvert). Ændres eller aflyses pladsen, får du en mail, der retter kalenderen."
)

// participantMail tells one participant, not the booker, what they are
// booked on and whom to contact.
func participantMail(r booking.Receipt, p booking.Seat, mine []booking.Seat, l Links, now time.Time) Message {
	var lines []string
	for _, s := range mine {
		lines = append(lines, dateLine(r.Date(s.DateID))+" – "+booking.StatusLabel(s.Status, s.WaitlistPos))
	}
	subject := "Du er tilmeldt: " + titles(r, p.Email)
	var outro []string
	if !holds(mine) {
		subject = "Du står på venteliste: " + titles(r, p.Email)
	}
	if holds(mine) {
		outro = append(outro, calendarNote)
	}
	if waits(mine) {
		outro = append(outro, "Du står på venteliste. "+waitlistPromise+" Du er ikke bundet af noget, før du har sagt ja tak.")
	}
	outro = append(outro, "Kan du ikke deltage, eller skal noget ændres, så kontakt "+r.BookerName+", der har tilmeldt dig.")
	m := render("confirmation", p.Email, p.Name, subject, withPersonalLink(doc{
		Greeting: "Kære " + p.Name,
		Intro:    []string{r.BookerName + " fra " + r.OrgName + " har tilmeldt dig (tilmelding " + r.Ref + ")."},
		Sections: []section{{Heading: "Dine kurser", Lines: lines}, {Heading: "Godt at vide", Lines: deadlineLines(r, mine, now)}},
		More:     []link{bookerLink(r)},
		Outro:    outro,
	}, r, p.Email, l))
	m.Invites = invitesOf(r, mine)
	return m
}

// bookerLink lets a participant reach whoever booked them.
func bookerLink(r booking.Receipt) link {
	return link{"Skriv til " + r.BookerName + " (" + r.BookerEmail + ")", "mailto:" + r.BookerEmail}
}

// withOutro is the text and HTML of m with one more closing paragraph.
func withOutro(m Message, p string) (string, string) {
	const sign = "Med venlig hilsen"
	text := strings.Replace(m.Text, sign, p+"\n\n"+sign, 1)
	html := strings.Replace(m.HTML, "<p>"+sign, "<p>"+template.HTMLEscapeString(p)+"</p>\n<p>"+sign, 1)
	return text, html
}

// participantsSection lists every seat of the booking with its status.
func participantsSection(r booking.Receipt) section {
	s := section{Heading: "Deltagere"}
	for _, d := range r.Dates {
		for _, st := range r.SeatsOn(d.ID) {
			s.Lines = append(s.Lines, st.Name+" – "+d.CourseTitle+", "+catalog.FormatDate(d.StartsAt)+": "+booking.StatusLabel(st.Status, st.WaitlistPos))
		}
	}
	return s
}

// priceSection is what the seats held cost, and what the waiting places
// will cost if they become seats.
func priceSection(r booking.Receipt) section {
	s := section{Heading: "Pris"}
	if owed := booking.Owed(r.Seats); holds(r.Seats) || owed.InclOre > 0 {
		s.Lines = append(s.Lines, "I alt ekskl. moms: "+catalog.FormatKroner(owed.ExclOre))
		if owed.SavingOre() > 0 {
			s.Lines = append(s.Lines, "Heraf pakkerabat: "+catalog.FormatKroner(owed.SavingOre()))
		}
		s.Lines = append(s.Lines, "Moms: "+catalog.FormatKroner(owed.VATOre), "I alt inkl. moms: "+catalog.FormatKroner(owed.InclOre))
	}
	if pending := booking.Pending(r.Seats); pending.ExclOre > 0 {
		s.Lines = append(s.Lines, "På venteliste: "+catalog.FormatKroner(pending.ExclOre)+
			" ekskl. moms, som kun skal betales, hvis der bliver plads")
	}
	return s
}

func invoiceSection(r booking.Receipt) section {
	s := section{Heading: "Faktura", Lines: []string{booking.InvoiceNoteOf(r)}}
	if r.EAN != "" {
		s.Lines = append(s.Lines, "EAN-nummer: "+r.EAN)
	} else {
		s.Lines = append(s.Lines, "CVR-nummer: "+r.CVR, "Fakturaadresse: "+r.InvoiceAddress)
	}
	if r.InvoiceReference != "" {
		s.Lines = append(s.Lines, "Reference: "+r.InvoiceReference)
	}
	return s
}

func holds(seats []booking.Seat) bool { return anyStatus(seats, booking.StatusConfirmed) }

func waits(seats []booking.Seat) bool { return anyStatus(seats, booking.StatusWaitlisted) }

func anyStatus(seats []booking.Seat, status string) bool {
	for _, s := range seats {
		if s.Status == status {
			return true
		}
	}
	return false
}

// seatsOf are one person's seats of the booking, in date order.
func seatsOf(r booking.Receipt, email string) []booking.Seat {
	var out []booking.Seat
	for _, s := range r.Seats {
		if strings.EqualFold(s.Email, email) {
			out = append(out, s)
		}
	}
	return out
}

// invitesOf are the calendar requests of the seats held.
func invitesOf(r booking.Receipt, seats []booking.Seat) []Invite {
	var out []Invite
	for _, s := range seats {
		if s.Status == booking.StatusConfirmed {
			out = append(out, request(r.Date(s.DateID), s))
		}
	}
	return out
}

// titles are the courses of the booking, or of one person's seats.
func titles(r booking.Receipt, email string) string {
	var t []string
	seen := map[string]bool{}
	for _, dt := range r.Dates {
		for _, s := range r.SeatsOn(dt.ID) {
			if (email == "" || strings.EqualFold(s.Email, email)) && !seen[dt.CourseTitle] {
				seen[dt.CourseTitle] = true
				t = append(t, dt.CourseTitle)
			}
		}
	}
	return strings.Join(t, " og ")
}

// deadlineLines say, date by date of these seats, what the booking binds
// to: a seat held, or only a place on the waiting list.
func deadlineLines(r booking.Receipt, seats []booking.Seat, now time.Time) []string {
	var lines []string
	for _, d := range r.Dates {
		var held, waiting bool
		for _, s := range seats {
			if s.DateID == d.ID {
				held = held || s.Status == booking.StatusConfirmed
				waiting = waiting || s.Status == booking.StatusWaitlisted
			}
		}
		if held {
			lines = append(lines, seatRule(d, now))
		}
		if waiting {
			lines = append(lines, d.CourseTitle+": "+waitRule(d, now))
		}
	}
	return lines
}

// seatRule is what a seat held on d binds to.
func seatRule(d booking.BookedDate, now time.Time) string {
	paid := " Afmelder du, betaler du for pladsen, medmindre en fra ventelisten overtager den – så er afmeldingen gratis."
	if !now.Before(booking.DeadlineEnd(d.Deadline)) {
		return d.CourseTitle + ": tilmeldingsfristen (" + catalog.FormatDate(d.Deadline) + ") er overskredet, så pladsen er bindende. Du kan sende en stedfortræder." + paid
	}
	return d.CourseTitle + ": du kan afmelde gratis til og med " + catalog.FormatDate(d.Deadline) + ". Derefter er pladsen bindende, men du kan sende en stedfortræder." + paid
}

// waitRule is what a place on d's waiting list binds to: nothing.
func waitRule(d booking.BookedDate, now time.Time) string {
	s := "pladsen på ventelisten er gratis og aldrig bindende, og du kan forlade ventelisten når som helst."
	if !now.Before(booking.DeadlineEnd(d.Deadline)) {
		return s + " Tilmeldingsfristen er overskredet, så siger du ja tak til en ledig plads, er den bindende."
	}
	return s + " Siger du ja tak til en ledig plads efter tilmeldingsfristen (" + catalog.FormatDate(d.Deadline) + "), er den bindende."
}

func event(d booking.BookedDate, base string, now time.Time) ical.Event {
	u := strings.TrimRight(base, "/") + "/kurser/" + d.CourseSlug
	return ical.Event{
		Summary:  d.CourseTitle + " (COK)",
		Location: d.Venue.Address(),
		URL:      u, Description: u,
		Start: d.StartsAt, End: d.EndsAt, Stamp: now,
	}
}
