package mail

import (
	"strings"
	"time"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/catalog"
	"kursuskatalog/internal/ical"
)

// StaffCancelledMails tell the participant and the booker that COK has
// cancelled a participant on their behalf, and why.
func StaffCancelledMails(r booking.Receipt, s booking.Seat, from booking.BookedDate, reason string) []Message {
	body := doc{
		Intro: []string{"COK har efter aftale afmeldt " + s.Name + " fra kurset nedenfor (tilmelding " + r.Ref + ")."},
		Sections: []section{
			{Heading: "Afmeldt", Lines: []string{s.Name + " – " + dateLine(from)}},
			{Heading: "Begrundelse", Lines: []string{reason}},
		},
		Outro: []string{"Har du spørgsmål til afmeldingen, så svar på denne mail."},
	}
	body.Greeting = "Kære " + s.Name
	out := []Message{render("cancelled", s.Email, s.Name, "Du er afmeldt: "+from.CourseTitle, body)}
	if !strings.EqualFold(s.Email, r.BookerEmail) {
		body.Greeting = "Kære " + r.BookerName
		out = append(out, render("cancelled", r.BookerEmail, r.BookerName, "Afmelding ("+r.Ref+"): "+s.Name, body))
	}
	return out
}

// MovedMails tell the participant and the booker that a participant now
// goes on another date of the same course.
func MovedMails(r booking.Receipt, s booking.Seat, from, to booking.BookedDate, l Links, now time.Time) []Message {
	status := booking.StatusLabel(s.Status, s.WaitlistPos)
	body := doc{
		Intro: []string{"COK har flyttet " + s.Name + " til en anden dato for samme kursus (tilmelding " + r.Ref + ")."},
		Sections: []section{
			{Heading: "Før", Lines: []string{dateLine(from)}},
			{Heading: "Nu", Lines: []string{dateLine(to) + " – " + status}},
		},
		Outro: []string{"Kalenderfilen i denne mail lægger den nye dato i din kalender, når pladsen er bekræftet."},
	}
	body.Greeting = "Kære " + s.Name
	m := render("moved", s.Email, s.Name, "Ny dato: "+to.CourseTitle, body)
	if s.Status == booking.StatusConfirmed {
		m.ICS = string(ical.Calendar(catalog.Copenhagen, event(to, l.BaseURL, now)))
		m.ICSName = "kursus.ics"
	}
	out := []Message{m}
	if !strings.EqualFold(s.Email, r.BookerEmail) {
		body.Greeting = "Kære " + r.BookerName
		out = append(out, render("moved", r.BookerEmail, r.BookerName, "Ny dato for "+s.Name+" ("+r.Ref+")", body))
	}
	return out
}

// CancelledDate is a cancelled date as its mails describe it.
type CancelledDate struct {
	CourseTitle      string
	StartsAt, EndsAt time.Time
	Place            string // the venue's one-line address
	Reason           string
}

// DateCancelledMail tells one participant (confirmed or waiting) that COK
// has cancelled the date, and why; they pay nothing for it.
func DateCancelledMail(d CancelledDate, name, email, ref string, waiting bool) Message {
	what := "Du var tilmeldt"
	if waiting {
		what = "Du stod på ventelisten til"
	}
	body := doc{
		Greeting: "Kære " + name,
		Intro: []string{"COK har desværre aflyst kurset nedenfor. " + what + " det (tilmelding " + ref + "). " +
			"Du skal ikke betale for det aflyste kursus."},
		Sections: []section{
			{Heading: "Aflyst", Lines: []string{d.CourseTitle + ": " + catalog.FormatSpan(d.StartsAt, d.EndsAt) + ", " + d.Place}},
			{Heading: "Begrundelse", Lines: []string{d.Reason}},
		},
		Outro: []string{"Vil du tilmelde dig en anden dato, finder du kurset på kursuskataloget. Har du spørgsmål, så svar på denne mail."},
	}
	return render("date_cancelled", email, name, "Aflyst: "+d.CourseTitle, body)
}
