package ical

import (
	"strconv"
	"strings"
	"time"
)

// Invitations (RFC 5546, iTIP) put a participant's seat in their calendar
// and keep it there as it changes: METHOD:REQUEST for a seat held, sent
// again with a higher SEQUENCE when it changes, and METHOD:CANCEL with
// the same UID when the seat is given up, moved or cancelled. Calendars
// take them from the organizer named in them.

// Method is an invitation's iTIP method.
type Method string

const (
	Request Method = "REQUEST"
	Cancel  Method = "CANCEL"
)

// Person is an organizer or attendee: a name and an e-mail address.
type Person struct {
	Name  string
	Email string
}

// Invitation is one event sent to one attendee.
type Invitation struct {
	Method    Method
	Event     Event // its UID is stable per attendee and date
	Sequence  int   // raised on every change of the event
	Organizer Person
	Attendee  Person
}

// Invite returns the VCALENDAR of one invitation (one UID: iTIP allows no
// more in one object).
func Invite(loc *time.Location, inv Invitation) []byte {
	var b strings.Builder
	b.WriteString("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//COK//Kursuskatalog//DA\r\nCALSCALE:GREGORIAN\r\n")
	b.WriteString("METHOD:" + string(inv.Method) + "\r\n")
	b.WriteString(vtimezone)
	e := inv.Event
	b.WriteString("BEGIN:VEVENT\r\n")
	line(&b, "UID:"+e.UID)
	line(&b, "SEQUENCE:"+strconv.Itoa(inv.Sequence))
	line(&b, "DTSTAMP:"+e.Stamp.UTC().Format("20060102T150405Z"))
	line(&b, "DTSTART;TZID=Europe/Copenhagen:"+e.Start.In(loc).Format("20060102T150405"))
	line(&b, "DTEND;TZID=Europe/Copenhagen:"+e.End.In(loc).Format("20060102T150405"))
	line(&b, "SUMMARY:"+escape(e.Summary))
	if e.Location != "" {
		line(&b, "LOCATION:"+escape(e.Location))
	}
	if e.Description != "" {
		line(&b, "DESCRIPTION:"+escape(e.Description))
	}
	if e.URL != "" {
		line(&b, "URL:"+e.URL)
	}
	line(&b, "ORGANIZER;CN="+param(inv.Organizer.Name)+":mailto:"+inv.Organizer.Email)
	// The attendee has their seat: nothing for them to answer.
	line(&b, "ATTENDEE;CN="+param(inv.Attendee.Name)+";ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:mailto:"+inv.Attendee.Email)
	if inv.Method == Cancel {
		line(&b, "STATUS:CANCELLED")
	} else {
		line(&b, "STATUS:CONFIRMED")
	}
	line(&b, "TRANSP:OPAQUE")
	b.WriteString("END:VEVENT\r\nEND:VCALENDAR\r\n")
	return []byte(b.String())
}

// param quotes a parameter value; a value holds no double quote.
func param(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == '"' || r < ' ' {
			return -1
		}
		return r
	}, s)
	return `"` + s + `"`
}

// Split returns the calendars of a text that holds one or more of them
// one after another, as a mail with several invitations keeps them.
func Split(s string) []string {
	var out []string
	const end = "END:VCALENDAR\r\n"
	for {
		i := strings.Index(s, end)
		if i < 0 {
			return out
		}
		out = append(out, s[:i+len(end)])
		s = s[i+len(end):]
	}
}

// MethodOf is the METHOD of a calendar, "" when it names none (a calendar
// to import rather than an iTIP message).
func MethodOf(cal string) string {
	for _, l := range strings.Split(cal, "\r\n") {
		if m, ok := strings.CutPrefix(l, "METHOD:"); ok {
			return m
		}
		if l == "BEGIN:VEVENT" {
			break
		}
	}
	return ""
}
