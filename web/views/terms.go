package views

import "kursuskatalog/internal/booking"

// Terms are the conditions a booker accepts on the enrolment form, as the
// enrolment rules (package booking) carry them out; the form adds when the
// invoice goes out (booking.InvoiceNoteFor).
var Terms = []string{
	"Pladserne gives i den rækkefølge, vi modtager tilmeldingerne. Er et kursus fuldt, kommer du på venteliste – også efter tilmeldingsfristen.",
	"En plads på ventelisten er gratis og aldrig bindende, og du kan forlade den når som helst. Bliver en plads ledig, tilbyder vi den på mail til den første på listen, som svarer ja tak eller nej tak inden for fristen i mailen (den er kortere, jo nærmere kurset er). Svarer man nej tak eller ikke i tide, går pladsen videre til den næste på listen.",
	"Du kan afmelde gratis til og med tilmeldingsfristen. Derefter er tilmeldingen bindende: du kan sende en stedfortræder, og afmelder du, betaler du for pladsen – medmindre en fra ventelisten overtager den, for så er afmeldingen gratis.",
	"Tilmelder du dig efter fristen, eller siger du ja tak til en ledig plads efter fristen, er tilmeldingen bindende med det samme.",
	"En pakkepris gælder kun, når alle pakkens kurser er tilmeldt. Afmelder du et af dem, koster de andre deres egen pris; du ser den nye pris, før du bekræfter afmeldingen.",
}

// LateCancelNote is what the course page says of cancelling after the
// deadline and of its waiting list.
const LateCancelNote = "Afmelder du efter fristen, er det gratis, hvis en fra ventelisten overtager pladsen. Er kurset fuldt, kan du skrive dig på ventelisten, også efter fristen; det er gratis og aldrig bindende."

// submitLabel is the form's button: it says "venteliste" when every date
// chosen is full, so nobody thinks they have a seat.
func (p EnrolmentProps) submitLabel() string {
	if len(p.Dates) == 0 {
		return "Tilmeld"
	}
	for _, d := range p.Dates {
		if booking.PhaseOf(d.CourseDate, p.Now) != booking.PhaseWaitlist {
			return "Tilmeld"
		}
	}
	return "Skriv på venteliste"
}
