package ical

import (
	"strings"
	"testing"
	"time"
)

func TestInviteIsITIP(t *testing.T) {
	cph, _ := time.LoadLocation("Europe/Copenhagen")
	ev := Event{UID: "kursus-42-0123456789abcdef0123@kurser.cok.dk", Summary: "Politisk forståelse (COK)",
		Location: "Frederik VI's Hotel, Rugårdsvej 590, 5210 Odense NV",
		Start:    time.Date(2027, 3, 3, 8, 45, 0, 0, cph), End: time.Date(2027, 3, 4, 15, 0, 0, 0, cph),
		Stamp: time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)}
	org := Person{Name: `COK "Kursuskatalog"`, Email: "kurser@cok.dk"}
	anna := Person{Name: "Anna Ærø Østergaard-Åkesson med et meget langt navn", Email: "anna@aarhus.dk"}
	req := string(Invite(cph, Invitation{Method: Request, Event: ev, Sequence: 3, Organizer: org, Attendee: anna}))
	cancel := string(Invite(cph, Invitation{Method: Cancel, Event: ev, Sequence: 4, Organizer: org, Attendee: anna}))
	for _, out := range []string{req, cancel} {
		for _, l := range strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n") {
			if len(l) > 75 {
				t.Errorf("line longer than 75 octets: %q", l)
			}
		}
	}
	unfold := func(s string) string { return strings.ReplaceAll(s, "\r\n ", "") }
	for _, want := range []string{"METHOD:REQUEST\r\n", "UID:kursus-42-0123456789abcdef0123@kurser.cok.dk\r\n", "SEQUENCE:3\r\n",
		`ORGANIZER;CN="COK Kursuskatalog":mailto:kurser@cok.dk` + "\r\n",
		`ATTENDEE;CN="Anna Ærø Østergaard-Åkesson med et meget langt navn";ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:mailto:anna@aarhus.dk`,
		"STATUS:CONFIRMED\r\n", "DTSTART;TZID=Europe/Copenhagen:20270303T084500\r\n"} {
		if !strings.Contains(unfold(req), want) {
			t.Errorf("request lacks %q", want)
		}
	}
	for _, want := range []string{"METHOD:CANCEL\r\n", "SEQUENCE:4\r\n", "STATUS:CANCELLED\r\n"} {
		if !strings.Contains(unfold(cancel), want) {
			t.Errorf("cancel lacks %q", want)
		}
	}
	both := Split(req + cancel)
	if len(both) != 2 || both[0] != req || both[1] != cancel || MethodOf(both[1]) != "CANCEL" || MethodOf(both[0]) != "REQUEST" {
		t.Fatalf("Split gave %d calendars", len(both))
	}
	if MethodOf(string(Calendar(cph, ev))) != "" {
		t.Error("a published calendar's method")
	}
}
