package mail

import (
	"strings"
	"testing"
	"time"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/catalog"
)

func TestBookingMails(t *testing.T) {
	d := booking.BookedDate{CourseTitle: "Politisk forståelse", CourseSlug: "politisk-forstaaelse",
		CourseDate: catalog.CourseDate{ID: 1, StartsAt: time.Date(2027, 3, 3, 7, 45, 0, 0, time.UTC), EndsAt: time.Date(2027, 3, 4, 14, 0, 0, 0, time.UTC),
			Deadline: time.Date(2027, 1, 25, 0, 0, 0, 0, time.UTC), Venue: catalog.Venue{Name: "Frederik VI's Hotel", Street: "Rugårdsvej 590", Postcode: "5210", City: "Odense NV"}}}
	r := booking.Receipt{Ref: "COK-2026-00001", BookerName: "Mette <Booker>", BookerEmail: "mette@aarhus.dk", OrgName: "Aarhus Kommune",
		EAN: "5798000416604", InvoiceReference: "PO-4711", Totals: booking.Totals{ListOre: 1350000, ExclOre: 999500, VATOre: 249875, InclOre: 1249375},
		Dates: []booking.BookedDate{d},
		Seats: []booking.Seat{{DateID: 1, Name: "Anna", Email: "anna@aarhus.dk", Status: booking.StatusConfirmed}, {DateID: 1, Name: "Bo", Email: "bo@aarhus.dk", Status: booking.StatusWaitlisted, WaitlistPos: 3}}}
	msgs := BookingMails(r, Links{BaseURL: "https://kurser.cok.dk", ManageURL: "https://kurser.cok.dk/min-tilmelding/x"}, time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC))
	if len(msgs) != 3 {
		t.Fatalf("%d mails, want receipt + 2 participants", len(msgs))
	}
	rec := msgs[0]
	for _, want := range []string{"Kære Mette <Booker>", "COK-2026-00001", "9.995 kr.", "Heraf pakkerabat: 3.505 kr.", "Faktura sendes 3-4 uger før kursusstart.", "EAN-nummer: 5798000416604", "Venteliste nr. 3", "https://kurser.cok.dk/min-tilmelding/x", "til og med 25.01.2027"} {
		if !strings.Contains(rec.Text, want) {
			t.Errorf("receipt text lacks %q", want)
		}
	}
	if !strings.Contains(rec.HTML, "<h1 ") || strings.Count(rec.HTML, "<h1") != 1 {
		t.Errorf("the HTML has no single <h1>")
	}
	if !strings.Contains(rec.HTML, "Mette &lt;Booker&gt;") || strings.Contains(rec.HTML, "<Booker>") {
		t.Errorf("HTML not escaped")
	}
	if msgs[1].To != "anna@aarhus.dk" || !strings.Contains(msgs[1].ICS, "DTSTART;TZID=Europe/Copenhagen:20270303T084500") {
		t.Errorf("confirmed participant mail: to %s, ics %q", msgs[1].To, msgs[1].ICS)
	}
	if msgs[2].To != "bo@aarhus.dk" || msgs[2].ICS != "" || !strings.Contains(msgs[2].Text, "Venteliste nr. 3") {
		t.Errorf("waiting participant mail: %+v", msgs[2])
	}
}
