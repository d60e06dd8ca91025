package mail

import (
	"strconv"
	"strings"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/catalog"
)

// The mails after the booking: the practical information some days before
// the start, and after the course the diploma with the evaluation.

// ReminderMail is the practical information to one confirmed participant:
// when and where, how to get there, the programme, what to bring, their
// stay, their own link and the calendar invitation (the same event as the
// confirmation's, so a calendar updates it rather than adding another).
func ReminderMail(p booking.Practical, r booking.Recipient, myURL string) Message {
	d := p.Date
	sections := []section{
		{Heading: "Tid", Lines: []string{catalog.FormatSpan(d.StartsAt, d.EndsAt)}},
		{Heading: "Sted", Lines: []string{d.Venue.Address(), "Kort: " + d.Venue.MapURL()}},
		{Heading: "Ankomst", Lines: arrivalLines(p)},
	}
	if prog := programmeLines(p.Agenda); len(prog) > 0 {
		sections = append(sections, section{Heading: "Program", Lines: prog})
	}
	if p.BringNote != "" {
		sections = append(sections, section{Heading: "Medbring", Lines: paragraphs(p.BringNote)})
	}
	if d.Residential {
		sections = append(sections, section{Heading: "Dit ophold", Lines: StayLines(r.Stay, r.Diet, r.Accessibility)})
	}
	intro := []string{d.CourseTitle + " begynder " + catalog.FormatDays(d.StartsAt, d.StartsAt) + " kl. " +
		d.StartsAt.In(catalog.Copenhagen).Format("15:04") + ". Her er det praktiske, så du er klar."}
	if d.Residential {
		intro = append(intro, "Er noget om dit ophold forkert, eller har du fået nye behov, så ret det på din side inden kurset.")
	}
	m := render("reminder", r.Email, r.Name, "Praktisk information: "+d.CourseTitle+" "+catalog.FormatDays(d.StartsAt, d.EndsAt), doc{
		Greeting: "Kære " + r.Name,
		Intro:    intro,
		Sections: sections,
		Link:     &link{"Se din plads og dine oplysninger", myURL},
		Outro: []string{"Kalenderfilen i denne mail lægger kurset i din kalender.",
			"Kan du ikke deltage alligevel, så kontakt " + r.BookerName + " (" + r.BookerMail + "), der tilmeldte dig: de kan afmelde dig eller sende en kollega i dit sted. Har du spørgsmål, så svar på denne mail."},
	})
	m.Invites = []Invite{{Date: d, Name: r.Name, Email: r.Email}}
	return m
}

// arrivalLines say when to come and how to get there.
func arrivalLines(p booking.Practical) []string {
	lines := []string{"Kurset begynder kl. " + p.Date.StartsAt.In(catalog.Copenhagen).Format("15:04") + "."}
	if len(p.Agenda) > 0 && len(p.Agenda[0].Items) > 0 {
		first := p.Agenda[0].Items[0]
		lines = append(lines, "Første punkt på programmet: kl. "+first.At+" "+first.Title+".")
	}
	return append(lines, paragraphs(p.ArrivalNote)...)
}

// programmeLines are the programme, one line per item.
func programmeLines(days []catalog.AgendaDay) []string {
	var out []string
	for _, d := range days {
		day := "Dag " + strconv.Itoa(d.DayNo)
		if d.Title != "" && d.Title != day {
			day += " (" + d.Title + ")"
		}
		for _, it := range d.Items {
			l := day + ", kl. " + it.At + ": " + it.Title
			if it.Speaker != "" {
				l += " v/" + it.Speaker
			}
			out = append(out, l)
		}
	}
	return out
}

// StayLines describe a participant's residential details in words.
func StayLines(st *booking.Stay, diet, access string) []string {
	if st == nil {
		return []string{"Du har ikke oplyst noget om overnatning endnu."}
	}
	yes := map[bool]string{true: "Ja", false: "Nej"}
	lines := []string{"Overnatning: " + yes[st.Overnight], "Ankomst aftenen før: " + yes[st.EarlyArrival]}
	var names []string
	for _, a := range st.Allergens {
		names = append(names, booking.AllergenName(a))
	}
	if len(names) == 0 {
		names = []string{"Ingen oplyst"}
	}
	lines = append(lines, "Allergier: "+strings.Join(names, ", "))
	for _, f := range []struct{ label, v string }{{"Kost og allergier i øvrigt", diet}, {"Tilgængelighed", access}, {"Andre behov", st.Needs}} {
		if f.v != "" {
			lines = append(lines, f.label+": "+f.v)
		}
	}
	return lines
}

func paragraphs(s string) []string {
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// AfterCourseMail thanks a participant who attended, with their diploma
// attached and the link to the evaluation.
func AfterCourseMail(p booking.Practical, r booking.Recipient, myURL, evalURL string, pdf []byte) Message {
	d := p.Date
	m := render("after_course", r.Email, r.Name, "Dit kursusbevis og en kort evaluering: "+d.CourseTitle, doc{
		Greeting: "Kære " + r.Name,
		Intro: []string{"Tak fordi du deltog i " + d.CourseTitle + " " + catalog.FormatDays(d.StartsAt, d.EndsAt) + ".",
			"Dit kursusbevis er vedhæftet som PDF. Du kan også hente det på din side: " + myURL},
		Sections: []section{{Heading: "Hjælp os med at blive bedre", Lines: []string{
			"Evalueringen har tre spørgsmål og et felt til forslag og tager et par minutter.",
			"Dit svar er anonymt: COK kan se, hvad der er svaret, men ikke hvem der har svaret hvad. Du kan svare én gang.",
		}}},
		Link:  &link{"Besvar evalueringen", evalURL},
		Outro: []string{"Har du spørgsmål, så svar på denne mail."},
	})
	m.Files = []File{{Name: DiplomaFileName(d.CourseSlug), ContentType: "application/pdf", Data: pdf}}
	return m
}

// DiplomaFileName is the diploma's file name: "kursusbevis-politisk-forstaaelse.pdf".
func DiplomaFileName(courseSlug string) string { return "kursusbevis-" + courseSlug + ".pdf" }

// withPersonalLink adds a participant's own link to their confirmation,
// and on a residential course asks them to check their stay there.
func withPersonalLink(body doc, r booking.Receipt, email string, l Links) doc {
	u := l.PersonURLs[strings.ToLower(email)]
	if u == "" {
		return body
	}
	body.Link = &link{"Se din plads", u}
	for _, s := range r.Seats {
		if strings.EqualFold(s.Email, email) && r.Date(s.DateID).Residential {
			body.Intro = append(body.Intro, "Kurset har overnatning. Tjek på din side, at vi har dine oplysninger om overnatning, allergier og andre behov rigtigt – dem kender den, der tilmeldte dig, ikke altid.")
			return body
		}
	}
	return body
}
