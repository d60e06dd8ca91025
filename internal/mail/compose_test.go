package mail

import (
	"strings"
	"testing"
	"time"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/catalog"
	"kursuskatalog/internal/ical"
)

var testDate = booking.BookedDate{CourseTitle: "Politisk forståelse", CourseSlug: "politisk-forstaaelse",
	CourseDate: catalog.CourseDate{ID: 1, StartsAt: time.Date(2027, 3, 3, 7, 45, 0, 0, time.UTC), EndsAt: time.Date(2027, 3, 4, 14, 0, 0, 0, time.UTC),
		Deadline: time.Date(2027, 1, 25, 0, 0, 0, 0, time.UTC), Venue: catalog.Venue{Name: "Frederik VI's Hotel", Street: "Rugårdsvej 590", Postcode: "5210", City: "Odense NV"}}}

// seat is a participant on the test date at the bundle price.
func seat(name, email, status string, pos int) booking.Seat {
	return booking.Seat{DateID: 1, Name: name, Email: email, Status: status, WaitlistPos: pos,
		ListOre: 675000, PriceOre: 499750, VATRateBP: 2500, VATOre: 124938, OfferID: 9}
}

func testReceipt(seats ...booking.Seat) booking.Receipt {
	return booking.Receipt{Ref: "COK-2026-00001", BookerName: "Mette <Booker>", BookerEmail: "mette@aarhus.dk", OrgName: "Aarhus Kommune",
		EAN: "5798000416604", InvoiceReference: "PO-4711", Dates: []booking.BookedDate{testDate}, Seats: seats}
}

var links = Links{BaseURL: "https://kurser.cok.dk", ManageURL: "https://kurser.cok.dk/min-tilmelding/x"}

func TestBookingMails(t *testing.T) {
	r := testReceipt(seat("Anna", "anna@aarhus.dk", booking.StatusConfirmed, 0), seat("Bo", "bo@aarhus.dk", booking.StatusWaitlisted, 3))
	msgs := BookingMails(r, links, time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC))
	if len(msgs) != 3 {
		t.Fatalf("%d mails, want receipt + 2 participants", len(msgs))
	}
	rec := msgs[0]
	for _, want := range []string{"Kære Mette <Booker>", "Tak for din tilmelding", "COK-2026-00001", "I alt ekskl. moms: 4.997,50 kr.",
		"Heraf pakkerabat: 1.752,50 kr.", "På venteliste: 4.997,50 kr.", "Faktura sendes 3-4 uger før kursusstart.",
		"EAN-nummer: 5798000416604", "Venteliste nr. 3", "https://kurser.cok.dk/min-tilmelding/x", "til og med 25.01.2027",
		"medmindre en fra ventelisten overtager den"} {
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
	if anna := msgs[1]; anna.To != "anna@aarhus.dk" || len(anna.Invites) != 1 || anna.Invites[0].Cancel ||
		!strings.HasPrefix(anna.Subject, "Du er tilmeldt") || !strings.Contains(anna.Text, "mailto:mette@aarhus.dk") {
		t.Errorf("seated participant's mail: %+v", anna)
	}
	if bo := msgs[2]; bo.To != "bo@aarhus.dk" || len(bo.Invites) != 0 || !strings.HasPrefix(bo.Subject, "Du står på venteliste") ||
		!strings.Contains(bo.Text, "Venteliste nr. 3") || strings.Contains(bo.Text, "Kalender") || strings.Contains(bo.Text, "Faktura") {
		t.Errorf("waiting participant's mail: %s\n%s", bo.Subject, bo.Text)
	}
}

// A booking only on the waiting list says so from the subject on, and
// speaks of no invoice and no calendar.
func TestWaitingBookingMailsSayVenteliste(t *testing.T) {
	r := testReceipt(seat("Mette", "mette@aarhus.dk", booking.StatusWaitlisted, 2))
	msgs := BookingMails(r, links, time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC))
	if len(msgs) != 1 {
		t.Fatalf("%d mails to a booker who is the only participant, want 1", len(msgs))
	}
	m := msgs[0]
	if !strings.HasPrefix(m.Subject, "Venteliste: Politisk forståelse") || len(m.Invites) != 0 {
		t.Errorf("subject %q, %d invitations", m.Subject, len(m.Invites))
	}
	for _, want := range []string{"står på venteliste", "Venteliste nr. 2", "aldrig bindende", "4.997,50 kr. ekskl. moms, som kun skal betales, hvis der bliver plads"} {
		if !strings.Contains(m.Text, want) {
			t.Errorf("text lacks %q:\n%s", want, m.Text)
		}
	}
	for _, not := range []string{"Faktura", "EAN-nummer", "Kalender", "I alt ekskl. moms"} {
		if strings.Contains(m.Text, not) {
			t.Errorf("a waiting booking's mail speaks of %q:\n%s", not, m.Text)
		}
	}
}

// A booker who takes part gets one mail: the receipt, with their own
// calendar invitation.
func TestBookerWhoTakesPartGetsOneMail(t *testing.T) {
	r := testReceipt(seat("Mette", "Mette@Aarhus.dk", booking.StatusConfirmed, 0), seat("Anna", "anna@aarhus.dk", booking.StatusConfirmed, 0))
	msgs := BookingMails(r, links, time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC))
	var toMette int
	for _, m := range msgs {
		if strings.EqualFold(m.To, "mette@aarhus.dk") {
			toMette++
			if len(m.Invites) != 1 || m.Invites[0].Email != "Mette@Aarhus.dk" || !strings.Contains(m.Text, "kalenderinvitationen") {
				t.Errorf("the booker's receipt carries %d invitations:\n%s", len(m.Invites), m.Text)
			}
		}
	}
	if toMette != 1 || len(msgs) != 2 {
		t.Fatalf("%d mails, %d to the booker; want 2 and 1", len(msgs), toMette)
	}
}

// Calendars renders each invitation with its sequence, and the sender
// attaches each as a file of its own, typed for its method.
func TestCalendarsAttachInvitations(t *testing.T) {
	r := testReceipt(seat("Anna", "anna@aarhus.dk", booking.StatusConfirmed, 0))
	before := seat("Anna", "anna@aarhus.dk", booking.StatusConfirmed, 0)
	to := testDate
	to.ID = 2
	moved := before
	moved.DateID = 2
	r.Dates = append(r.Dates, to)
	msgs := MovedMails(r, before, moved, testDate, to, time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC))
	Calendars{Organizer: ical.Person{Name: "COK", Email: "kurser@cok.dk"}, BaseURL: "https://kurser.cok.dk",
		Now: time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC), Sequence: func(inv Invite) int { return int(inv.Date.ID) * 10 }}.Attach(msgs)
	files := calendarFiles(msgs[0])
	if len(files) != 2 || len(msgs) != 2 || msgs[1].ICS != "" {
		t.Fatalf("%d files to the participant, booker's ICS %q", len(files), msgs[1].ICS)
	}
	if files[0].name != "aflyst-1.ics" || files[0].contentType != "text/calendar; charset=utf-8; method=CANCEL" ||
		!strings.Contains(files[0].body, "SEQUENCE:10") || !strings.Contains(files[0].body, "UID:"+InviteUID(1, "anna@aarhus.dk", "https://kurser.cok.dk")) {
		t.Errorf("first file %s %s:\n%s", files[0].name, files[0].contentType, files[0].body)
	}
	if files[1].name != "kursus-2.ics" || !strings.Contains(files[1].body, "METHOD:REQUEST") || !strings.Contains(files[1].body, "SEQUENCE:20") {
		t.Errorf("second file %s:\n%s", files[1].name, files[1].body)
	}
	if InviteUID(1, "Anna@Aarhus.dk", "https://kurser.cok.dk") != InviteUID(1, "anna@aarhus.dk", "https://kurser.cok.dk/") ||
		InviteUID(1, "anna@aarhus.dk", "x") == InviteUID(2, "anna@aarhus.dk", "x") ||
		InviteUID(1, "anna@aarhus.dk", "x") == InviteUID(1, "bo@aarhus.dk", "x") {
		t.Error("a UID is one person's on one date, whatever the letter case")
	}
}
