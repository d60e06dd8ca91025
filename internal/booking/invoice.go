package booking

import "time"

// InvoiceLead is how long before a course starts its invoice goes out
// ("Faktura sendes ud 3-4 uger før kursusstart"): the invoicing run takes
// every booking whose course starts within four weeks, so a booking made
// later than that is invoiced at once.
const InvoiceLead = 28 * 24 * time.Hour

// InvoiceNote says when the invoice for dates starting at starts, booked
// at bookedAt, goes out.
func InvoiceNote(starts []time.Time, bookedAt time.Time) string {
	soon, later := 0, 0
	for _, s := range starts {
		if s.Sub(bookedAt) < InvoiceLead {
			soon++
		} else {
			later++
		}
	}
	switch {
	case soon > 0 && later == 0:
		return "Faktura sendes med det samme, fordi kurset starter om mindre end fire uger."
	case soon > 0:
		return "Faktura sendes med det samme for kurser, der starter om mindre end fire uger, og ellers 3-4 uger før kursusstart."
	}
	return "Faktura sendes 3-4 uger før kursusstart."
}

// InvoiceNoteFor is InvoiceNote for booked dates.
func InvoiceNoteFor(dates []BookedDate, bookedAt time.Time) string {
	starts := make([]time.Time, len(dates))
	for i, d := range dates {
		starts[i] = d.StartsAt
	}
	return InvoiceNote(starts, bookedAt)
}
