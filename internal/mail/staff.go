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
