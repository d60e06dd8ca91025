// Package ical writes RFC 5545 calendar files: CRLF line ends, lines folded
// at 75 octets, text escaped, times in Europe/Copenhagen with its VTIMEZONE.
package ical

import (
	"strings"
	"time"
	"unicode/utf8"
)

// Event is one calendar entry.
type Event struct {
	UID         string
	Summary     string
	Description string
	Location    string
	URL         string
	Start, End  time.Time
	Stamp       time.Time
	Cancelled   bool
}

// vtimezone describes Europe/Copenhagen (CET/CEST, EU rules) so that
// calendars without a zone database still place the times right.
const vtimezone = "BEGIN:VTIMEZONE\r\nTZID:Europe/Copenhagen\r\n" +
	"BEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\nDTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n" +
	"BEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\nDTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\n" +
	"END:VTIMEZONE\r\n"

// Calendar returns a VCALENDAR with the events. It names no iTIP METHOD:
// a METHOD:PUBLISH needs an ORGANIZER, and strict validators refuse one
// without; a file without METHOD is a plain calendar every client imports.
func Calendar(loc *time.Location, events ...Event) []byte {
	var b strings.Builder
	b.WriteString("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//COK//Kursuskatalog//DA\r\nCALSCALE:GREGORIAN\r\n")
	b.WriteString(vtimezone)
	for _, e := range events {
		b.WriteString("BEGIN:VEVENT\r\n")
		line(&b, "UID:"+e.UID)
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
		if e.Cancelled {
			line(&b, "STATUS:CANCELLED")
		} else {
			line(&b, "STATUS:CONFIRMED")
		}
		b.WriteString("END:VEVENT\r\n")
	}
	b.WriteString("END:VCALENDAR\r\n")
	return []byte(b.String())
}

func escape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`)
	return r.Replace(s)
}

// line writes s folded at 75 octets, never inside a UTF-8 sequence.
func line(b *strings.Builder, s string) {
	const max = 75
	first := true
	for len(s) > 0 {
		limit := max
		if !first {
			limit = max - 1 // the leading space counts
		}
		if len(s) <= limit {
			if !first {
				b.WriteByte(' ')
			}
			b.WriteString(s)
			break
		}
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		if !first {
			b.WriteByte(' ')
		}
		b.WriteString(s[:cut])
		b.WriteString("\r\n")
		s = s[cut:]
		first = false
	}
	b.WriteString("\r\n")
}
