package mail

import (
	"strings"
	"time"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/catalog"
)

// StaffCancelledMails tell the participant and the booker that COK has
// cancelled a participant on their behalf, why, and what it costs; r is
// the booking after it.
func StaffCancelledMails(r booking.Receipt, p booking.CancelPlan, reason string) []Message {
	c := p.Seats[0]
	return cancelMails(r, p, "COK har efter aftale afmeldt "+c.Name+" fra kurset nedenfor (tilmelding "+r.Ref+").",
		"COK har efter aftale afmeldt dig fra kurset nedenfor (tilmelding "+r.Ref+").", reason)
}

// MovedMails tell the participant and the booker that a participant now
// goes on another date of the same course; the participant's calendar
// loses the old date and gains the new one once it is a seat.
func MovedMails(r booking.Receipt, before, s booking.Seat, from, to booking.BookedDate, now time.Time) []Message {
	status := booking.StatusLabel(s.Status, s.WaitlistPos)
	rules := []string{seatRule(to, now)}
	if s.Status == booking.StatusWaitlisted {
		rules = []string{to.CourseTitle + ": " + waitRule(to, now)}
	}
	body := doc{
		Intro: []string{"COK har flyttet " + s.Name + " til en anden dato for samme kursus (tilmelding " + r.Ref + ")."},
		Sections: []section{
			{Heading: "Før", Lines: []string{dateLine(from)}},
			{Heading: "Nu", Lines: []string{dateLine(to) + " – " + status}},
			{Heading: "Godt at vide", Lines: rules},
		},
	}
	body.Greeting = "Kære " + s.Name
	var invites []Invite
	if before.Status == booking.StatusConfirmed {
		invites = append(invites, cancel(from, before))
	}
	if s.Status == booking.StatusConfirmed {
		invites = append(invites, request(to, s))
		body.Outro = []string{calendarNote}
	}
	self := strings.EqualFold(s.Email, r.BookerEmail)
	if !self {
		body.More = []link{bookerLink(r)}
	}
	m := render("moved", s.Email, s.Name, "Ny dato: "+to.CourseTitle, body)
	m.Invites = invites
	out := []Message{m}
	if !self {
		body.Greeting, body.More, body.Outro = "Kære "+r.BookerName, nil, nil
		out = append(out, render("moved", r.BookerEmail, r.BookerName, "Ny dato for "+s.Name+" ("+r.Ref+")", body))
	}
	return out
}

// DateCancelledMail tells one participant (seated or waiting) that COK
// has cancelled the date, and why; they pay nothing for it, and a seat's
// calendar event is cancelled.
func DateCancelledMail(d booking.BookedDate, reason, name, email, ref string, waiting bool) Message {
	what := "Du var tilmeldt"
	if waiting {
		what = "Du stod på ventelisten til"
	}
	body := doc{
		Greeting: "Kære " + name,
		Intro: []string{"COK har desværre aflyst kurset nedenfor. " + what + " det (tilmelding " + ref + "). " +
			"Du skal ikke betale for det aflyste kursus."},
		Sections: []section{
			{Heading: "Aflyst", Lines: []string{d.CourseTitle + ": " + catalog.FormatSpan(d.StartsAt, d.EndsAt) + ", " + d.Venue.Address()}},
			{Heading: "Begrundelse", Lines: []string{reason}},
		},
		Outro: []string{"Vil du tilmelde dig en anden dato, finder du kurset på kursuskataloget. Har du spørgsmål, så svar på denne mail."},
	}
	m := render("date_cancelled", email, name, "Aflyst: "+d.CourseTitle, body)
	if !waiting {
		m.Invites = []Invite{cancel(d, booking.Seat{Name: name, Email: email})}
	}
	return m
}

// DateChangedMail tells a participant with a seat that COK moved the
// date's time or place, with their calendar's update.
func DateChangedMail(r booking.Receipt, s booking.Seat, before, after booking.BookedDate) Message {
	body := doc{
		Greeting: "Kære " + s.Name,
		Intro:    []string{"COK har ændret tid eller sted for kurset nedenfor, som du er tilmeldt (tilmelding " + r.Ref + ")."},
		Sections: []section{
			{Heading: "Før", Lines: []string{dateLine(before)}},
			{Heading: "Nu", Lines: []string{dateLine(after)}},
		},
		Outro: []string{"Kalenderfilen i denne mail retter kurset i din kalender. Passer den nye tid ikke, så kontakt " + r.BookerName + ", der har tilmeldt dig, eller svar på denne mail."},
	}
	if !strings.EqualFold(s.Email, r.BookerEmail) {
		body.More = []link{bookerLink(r)}
	}
	m := render("date_changed", s.Email, s.Name, "Ændret tid eller sted: "+after.CourseTitle, body)
	m.Invites = []Invite{request(after, s)}
	return m
}
