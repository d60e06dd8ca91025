package ical

import (
	"strings"
	"testing"
	"time"
)

func TestCalendarIsRFC5545(t *testing.T) {
	cph, _ := time.LoadLocation("Europe/Copenhagen")
	out := string(Calendar(cph, Event{
		UID:      "date-42@kurser.cok.dk",
		Summary:  "Politisk forståelse",
		Location: "Frederik VI's Hotel, Rugårdsvej 590, 5210 Odense NV",
		Description: strings.Repeat("Fungerer samspillet mellem embedsmænd og politikere? ", 4) +
			"Linje to; med semikolon, og komma",
		URL:   "https://kurser.cok.dk/kurser/politisk-forstaaelse",
		Start: time.Date(2027, 3, 3, 8, 45, 0, 0, cph),
		End:   time.Date(2027, 3, 4, 15, 0, 0, 0, cph),
		Stamp: time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC),
	}))
	if !strings.HasPrefix(out, "BEGIN:VCALENDAR\r\n") || !strings.HasSuffix(out, "END:VCALENDAR\r\n") {
		t.Fatal("not a VCALENDAR")
	}
	if strings.Contains(strings.ReplaceAll(out, "\r\n", ""), "\n") {
		t.Fatal("bare LF in output")
	}
	for _, l := range strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n") {
		if len(l) > 75 {
			t.Errorf("line longer than 75 octets: %q", l)
		}
	}
	unfolded := strings.ReplaceAll(out, "\r\n ", "")
	if strings.Contains(unfolded, "METHOD:") {
		t.Error("an iTIP METHOD without an ORGANIZER, which strict validators refuse")
	}
	for _, want := range []string{
		"UID:date-42@kurser.cok.dk",
		"DTSTART;TZID=Europe/Copenhagen:20270303T084500",
		"DTEND;TZID=Europe/Copenhagen:20270304T150000",
		`LOCATION:Frederik VI's Hotel\, Rugårdsvej 590\, 5210 Odense NV`,
		`Linje to\; med semikolon\, og komma`,
		"URL:https://kurser.cok.dk/kurser/politisk-forstaaelse",
		"TZID:Europe/Copenhagen",
		"DTSTAMP:20261123T100000Z",
	} {
		if !strings.Contains(unfolded, want) {
			t.Errorf("missing %q", want)
		}
	}
}
