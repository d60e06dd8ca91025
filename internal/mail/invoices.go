package mail

import (
	"strings"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/catalog"
)

// DocumentMail delivers an invoice or credit note to a booker without an
// EAN: the PDF goes with it as an attachment (the sending job attaches the
// stored document), and the mail says what it bills, how much and how to
// pay, in the PDF's words (payment).
func DocumentMail(d booking.Document, toName, to string, payment []string) Message {
	label := d.KindLabel()
	body := doc{Greeting: "Kære " + toName}
	if d.Kind == "credit_note" {
		body.Intro = []string{"Hermed kreditnota nr. " + d.Number + " for tilmelding " + d.BookingRef +
			". Den krediterer faktura nr. " + d.CreditsNumber + ". Kreditnotaen er vedhæftet som PDF."}
		if d.Reason != "" {
			body.Intro = append(body.Intro, "Årsag: "+d.Reason)
		}
	} else {
		body.Intro = []string{"Hermed faktura nr. " + d.Number + " for tilmelding " + d.BookingRef + ". Fakturaen er vedhæftet som PDF."}
	}
	var lines []string
	for _, l := range d.Lines {
		s := l.CourseTitle + ", " + catalog.FormatDate(l.StartsAt.In(catalog.Copenhagen)) + ", " + l.Participant + ": " + catalog.FormatKroner(l.PriceOre)
		if l.ListOre > l.PriceOre {
			s += " (pakkepris; listepris " + catalog.FormatKroner(l.ListOre) + ")"
		}
		lines = append(lines, s)
	}
	body.Sections = []section{
		{Heading: "Linjer (ekskl. moms)", Lines: lines},
		{Heading: "Beløb", Lines: []string{"I alt ekskl. moms: " + catalog.FormatKroner(d.ExclOre),
			"Moms: " + catalog.FormatKroner(d.VATOre), "I alt inkl. moms: " + catalog.FormatKroner(d.InclOre)}},
		{Heading: "Betaling", Lines: payment},
	}
	if d.Reference != "" && d.Reference != d.BookingRef {
		body.Intro = append(body.Intro, "Jeres reference: "+d.Reference)
	}
	body.Outro = []string{"Har du spørgsmål til " + strings.ToLower(label) + "en, så svar på denne mail eller ring til COK på 33 70 12 00."}
	kind := "invoice"
	if d.Kind == "credit_note" {
		kind = "credit_note"
	}
	return render(kind, to, toName, label+" "+d.Number+" fra COK (tilmelding "+d.BookingRef+")", body)
}
