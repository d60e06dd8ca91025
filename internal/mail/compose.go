package mail

import (
	"bytes"
	"html/template"
	"strconv"
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
{{with .Doc.Greeting}}<p>{{.}}</p>{{end}}
{{range .Doc.Intro}}<p style="white-space:pre-line">{{.}}</p>{{end}}
{{range .Doc.Sections}}<h2 style="font-size:1.1rem;margin:1.2em 0 .3em">{{.Heading}}</h2>
<ul style="padding-left:1.2em;margin:0">{{range .Lines}}<li>{{.}}</li>{{end}}</ul>{{end}}
{{with .Doc.Link}}<p style="margin:1.5em 0"><a href="{{.URL}}" style="background:#0b3d4f;color:#fff;padding:.6em 1em;text-decoration:none;border-radius:4px">{{.Text}}</a></p>{{end}}
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
	if d.Link != nil {
		t.WriteString(d.Link.Text + ":\n" + d.Link.URL + "\n\n")
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

func dateLine(d booking.BookedDate) string {
	return d.CourseTitle + ": " + catalog.FormatSpan(d.StartsAt, d.EndsAt) + ", " + d.Venue.Address()
}

// Links are the addresses a booking mail points to.
type Links struct {
	BaseURL   string // e.g. https://kurser.cok.dk
	ManageURL string // the booker's own page; "" when not known (it is stored only as a hash)
}

// BookingMails are sent when a booking is made: a receipt to the booker and
// a mail to each participant with their status and a calendar file for the
// dates they are confirmed on.
func BookingMails(r booking.Receipt, l Links, now time.Time) []Message {
	var out []Message
	summary := section{Heading: "Deltagere"}
	for _, d := range r.Dates {
		for _, s := range r.SeatsOn(d.ID) {
			summary.Lines = append(summary.Lines, s.Name+" – "+d.CourseTitle+", "+catalog.FormatDate(d.StartsAt)+": "+booking.StatusLabel(s.Status, s.WaitlistPos))
		}
	}
	price := section{Heading: "Pris", Lines: []string{"I alt ekskl. moms: " + catalog.FormatKroner(r.ExclOre)}}
	if r.SavingOre() > 0 {
		price.Lines = append(price.Lines, "Heraf pakkerabat: "+catalog.FormatKroner(r.SavingOre()))
	}
	price.Lines = append(price.Lines, "Moms: "+catalog.FormatKroner(r.VATOre), "I alt inkl. moms: "+catalog.FormatKroner(r.InclOre))
	invoice := section{Heading: "Faktura", Lines: []string{"Faktura sendes 3-4 uger før kursusstart."}}
	if r.EAN != "" {
		invoice.Lines = append(invoice.Lines, "EAN-nummer: "+r.EAN)
	} else {
		invoice.Lines = append(invoice.Lines, "CVR-nummer: "+r.CVR, "Fakturaadresse: "+r.InvoiceAddress)
	}
	if r.InvoiceReference != "" {
		invoice.Lines = append(invoice.Lines, "Reference: "+r.InvoiceReference)
	}
	rules := deadlineLines(r, now)
	d := doc{
		Greeting: "Kære " + r.BookerName,
		Intro:    []string{"Tak for din tilmelding. Dit tilmeldingsnummer er " + r.Ref + "."},
		Sections: []section{summary, price, invoice, {Heading: "Tilmeldingsfrist og afmelding", Lines: rules}},
		Outro:    []string{"Har du spørgsmål, så svar på denne mail eller ring til COK."},
	}
	if l.ManageURL != "" {
		d.Link = &link{"Se eller ændr tilmeldingen", l.ManageURL}
	}
	out = append(out, render("booking", r.BookerEmail, r.BookerName, "Kvittering for tilmelding "+r.Ref, d))

	for _, p := range r.People() {
		var lines []string
		var events []ical.Event
		for _, dt := range r.Dates {
			for _, s := range r.SeatsOn(dt.ID) {
				if s.Email != p.Email {
					continue
				}
				lines = append(lines, dateLine(dt)+" – "+booking.StatusLabel(s.Status, s.WaitlistPos))
				if s.Status == booking.StatusConfirmed {
					events = append(events, event(dt, l.BaseURL, now))
				}
			}
		}
		m := render("confirmation", p.Email, p.Name, "Du er tilmeldt: "+titles(r, p.Email), doc{
			Greeting: "Kære " + p.Name,
			Intro:    []string{r.BookerName + " fra " + r.OrgName + " har tilmeldt dig (tilmelding " + r.Ref + ")."},
			Sections: []section{{Heading: "Dine kurser", Lines: lines}, {Heading: "Godt at vide", Lines: rules}},
			Outro:    []string{"Kalenderfilen i denne mail lægger de bekræftede datoer i din kalender. Står du på venteliste, får du besked, så snart der bliver en plads."},
		})
		if len(events) > 0 {
			m.ICS = string(ical.Calendar(catalog.Copenhagen, events...))
			m.ICSName = "kursus.ics"
		}
		out = append(out, m)
	}
	return out
}

func titles(r booking.Receipt, email string) string {
	var t []string
	seen := map[string]bool{}
	for _, dt := range r.Dates {
		for _, s := range r.SeatsOn(dt.ID) {
			if s.Email == email && !seen[dt.CourseTitle] {
				seen[dt.CourseTitle] = true
				t = append(t, dt.CourseTitle)
			}
		}
	}
	return strings.Join(t, " og ")
}

func deadlineLines(r booking.Receipt, now time.Time) []string {
	var lines []string
	for _, d := range r.Dates {
		if !now.Before(booking.DeadlineEnd(d.Deadline)) {
			lines = append(lines, d.CourseTitle+": tilmeldingsfristen ("+catalog.FormatDate(d.Deadline)+") er overskredet, så tilmeldingen er bindende med det samme. Du kan sende en stedfortræder.")
		} else {
			lines = append(lines, d.CourseTitle+": du kan afmelde gratis til og med "+catalog.FormatDate(d.Deadline)+". Derefter er tilmeldingen bindende, men du kan sende en stedfortræder.")
		}
	}
	return lines
}

func event(d booking.BookedDate, base string, now time.Time) ical.Event {
	u := strings.TrimRight(base, "/") + "/kurser/" + d.CourseSlug
	host := strings.TrimPrefix(strings.TrimPrefix(base, "https://"), "http://")
	return ical.Event{
		UID:      "kursusdato-" + strconv.FormatInt(d.ID, 10) + "@" + strings.TrimRight(host, "/"),
		Summary:  d.CourseTitle + " (COK)",
		Location: d.Venue.Address(),
		URL:      u, Description: u,
		Start: d.StartsAt, End: d.EndsAt, Stamp: now,
	}
}

// PromotedMail tells a participant that a seat became free and is theirs.
func PromotedMail(r booking.Receipt, s booking.Seat, l Links, now time.Time) []Message {
	d := r.Date(s.DateID)
	body := doc{
		Greeting: "Kære " + s.Name,
		Intro:    []string{"Der er blevet en plads ledig, og du har fået den. Du er nu bekræftet deltager (tilmelding " + r.Ref + ")."},
		Sections: []section{{Heading: "Kursus", Lines: []string{dateLine(d)}}, {Heading: "Godt at vide", Lines: deadlineLines(booking.Receipt{Dates: []booking.BookedDate{d}}, now)}},
		Outro:    []string{"Kan du alligevel ikke deltage, så giv besked hurtigst muligt, så pladsen kan gå videre til den næste på ventelisten."},
	}
	m := render("promoted", s.Email, s.Name, "Du har fået en plads: "+d.CourseTitle, body)
	m.ICS = string(ical.Calendar(catalog.Copenhagen, event(d, l.BaseURL, now)))
	m.ICSName = "kursus.ics"
	out := []Message{m}
	if !strings.EqualFold(s.Email, r.BookerEmail) {
		body.Greeting = "Kære " + r.BookerName
		body.Intro = []string{s.Name + " har fået en plads fra ventelisten og er nu bekræftet deltager (tilmelding " + r.Ref + ")."}
		out = append(out, render("promoted", r.BookerEmail, r.BookerName, "Plads fra ventelisten: "+d.CourseTitle, body))
	}
	return out
}

// CancelledMails confirm a cancellation to each participant and the booker.
func CancelledMails(r booking.Receipt, cancelled []booking.Seat) []Message {
	var lines []string
	people := map[string]booking.Seat{}
	for _, s := range cancelled {
		d := r.Date(s.DateID)
		lines = append(lines, s.Name+" – "+dateLine(d))
		people[strings.ToLower(s.Email)] = s
	}
	body := doc{Intro: []string{"Vi har afmeldt følgende fra tilmelding " + r.Ref + ". Afmeldingen er gratis."},
		Sections: []section{{Heading: "Afmeldt", Lines: lines}}}
	body.Greeting = "Kære " + r.BookerName
	out := []Message{render("cancelled", r.BookerEmail, r.BookerName, "Afmelding bekræftet ("+r.Ref+")", body)}
	for email, s := range people {
		if email == strings.ToLower(r.BookerEmail) {
			continue
		}
		body.Greeting = "Kære " + s.Name
		out = append(out, render("cancelled", s.Email, s.Name, "Du er afmeldt ("+r.Ref+")", body))
	}
	return out
}

// SubstituteMails tell the new participant, the one replaced and the booker.
func SubstituteMails(r booking.Receipt, old, updated booking.Seat, l Links, now time.Time) []Message {
	d := r.Date(updated.DateID)
	intro := updated.Name + " deltager i stedet for " + old.Name + " (tilmelding " + r.Ref + ")."
	newMail := render("substitute", updated.Email, updated.Name, "Du er tilmeldt som stedfortræder: "+d.CourseTitle, doc{
		Greeting: "Kære " + updated.Name, Intro: []string{intro, "Du har overtaget pladsen på kurset nedenfor."},
		Sections: []section{{Heading: "Kursus", Lines: []string{dateLine(d)}}},
	})
	if updated.Status == booking.StatusConfirmed {
		newMail.ICS = string(ical.Calendar(catalog.Copenhagen, event(d, l.BaseURL, now)))
		newMail.ICSName = "kursus.ics"
	}
	out := []Message{newMail,
		render("substitute", old.Email, old.Name, "Din plads er overtaget: "+d.CourseTitle, doc{
			Greeting: "Kære " + old.Name, Intro: []string{intro},
			Sections: []section{{Heading: "Kursus", Lines: []string{dateLine(d)}}},
		})}
	if !strings.EqualFold(r.BookerEmail, old.Email) && !strings.EqualFold(r.BookerEmail, updated.Email) {
		out = append(out, render("substitute", r.BookerEmail, r.BookerName, "Stedfortræder navngivet ("+r.Ref+")", doc{
			Greeting: "Kære " + r.BookerName, Intro: []string{intro},
			Sections: []section{{Heading: "Kursus", Lines: []string{dateLine(d)}}},
		}))
	}
	return out
}
