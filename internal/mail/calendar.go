package mail

import (
	"encoding/hex"
	"net/url"
	"strconv"
	"strings"
	"time"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/catalog"
	"kursuskatalog/internal/ical"
)

// Invite is a calendar invitation a mail carries to its receiver, the
// participant: their seat on a date, held (a request) or given up,
// cancelled or moved away from (a cancel).
type Invite struct {
	Cancel bool
	Date   booking.BookedDate
	Name   string
	Email  string
}

// Key is the invitation's event: the participant on the date.
func (i Invite) Key() (dateID int64, email string) { return i.Date.ID, strings.ToLower(i.Email) }

// Calendars is what the invitations of mails need besides the mails: who
// organises the events, the site's address and the moment of sending.
type Calendars struct {
	Organizer ical.Person
	BaseURL   string
	Now       time.Time
	// Sequence returns the event's next SEQUENCE.
	Sequence func(Invite) int
}

// Attach renders the invitations of msgs as their calendar files, one
// VCALENDAR per invitation, one after another.
func (c Calendars) Attach(msgs []Message) {
	for i := range msgs {
		var b strings.Builder
		for _, inv := range msgs[i].Invites {
			method := ical.Request
			if inv.Cancel {
				method = ical.Cancel
			}
			b.Write(ical.Invite(catalog.Copenhagen, ical.Invitation{
				Method: method, Event: c.event(inv), Sequence: c.Sequence(inv),
				Organizer: c.Organizer, Attendee: ical.Person{Name: inv.Name, Email: inv.Email},
			}))
		}
		if b.Len() > 0 {
			msgs[i].ICS = b.String()
		}
	}
}

func (c Calendars) event(inv Invite) ical.Event {
	e := event(inv.Date, c.BaseURL, c.Now)
	e.UID = InviteUID(inv.Date.ID, inv.Email, c.BaseURL)
	return e
}

// InviteUID is the UID of a participant's event for a date: the same
// for every mail about that seat, another for another person or date.
func InviteUID(dateID int64, email, base string) string {
	host := base
	if u, err := url.Parse(base); err == nil && u.Hostname() != "" {
		host = u.Hostname()
	}
	return "kursus-" + strconv.FormatInt(dateID, 10) + "-" + hex.EncodeToString(booking.PersonKey(email))[:20] + "@" + host
}

// request and cancel are the invitations of one seat.
func request(d booking.BookedDate, s booking.Seat) Invite {
	return Invite{Date: d, Name: s.Name, Email: s.Email}
}

func cancel(d booking.BookedDate, s booking.Seat) Invite {
	return Invite{Cancel: true, Date: d, Name: s.Name, Email: s.Email}
}

// calendarFile is one calendar attachment of a mail.
type calendarFile struct{ name, body, contentType string }

// calendarFiles splits a mail's calendars into attachments, each named
// and typed for its method, so that mail programs offer to put it in the
// calendar (or take it out).
func calendarFiles(m Message) []calendarFile {
	cals := ical.Split(m.ICS)
	var out []calendarFile
	for i, cal := range cals {
		method := ical.MethodOf(cal)
		name := "kursus"
		if method == string(ical.Cancel) {
			name = "aflyst"
		}
		if len(cals) > 1 {
			name += "-" + strconv.Itoa(i+1)
		}
		contentType := "text/calendar; charset=utf-8"
		if method == "" {
			// A calendar to import, not an iTIP message: no method.
			if m.ICSName != "" && len(cals) == 1 {
				name = strings.TrimSuffix(m.ICSName, ".ics")
			}
		} else {
			contentType += "; method=" + method
		}
		out = append(out, calendarFile{name + ".ics", cal, contentType})
	}
	return out
}
