package booking

import "time"

// InvoiceLead is how long before a booking's first course its invoice is
// issued ("Faktura sendes ud 3-4 uger før kursusstart"). One invoice
// bills the whole booking, so a bundle's discount stands on one document;
// a booking made later than InvoiceLead before its first course is
// invoiced at once.
const InvoiceLead = 28 * 24 * time.Hour

// InvoiceAt is when the invoice of a booking is issued whose paid seats
// start at starts: InvoiceLead before the first of them. ok is false when
// there is none (only waiting places): nothing is invoiced yet. A time
// already passed means at once.
func InvoiceAt(starts []time.Time) (at time.Time, ok bool) {
	for _, s := range starts {
		if !ok || s.Before(at) {
			at, ok = s, true
		}
	}
	return at.Add(-InvoiceLead), ok
}

// InvoiceNote says when the invoice of a booking of dates starting at
// starts, made at bookedAt, is issued: the words of InvoiceAt.
func InvoiceNote(starts []time.Time, bookedAt time.Time) string {
	at, ok := InvoiceAt(starts)
	switch {
	case !ok:
		return ""
	case at.After(bookedAt) && len(starts) > 1:
		return "Faktura for hele tilmeldingen sendes 3-4 uger før det første kursus starter."
	case at.After(bookedAt):
		return "Faktura sendes 3-4 uger før kursusstart."
	case len(starts) > 1:
		return "Faktura for hele tilmeldingen sendes med det samme, fordi det første kursus starter om mindre end fire uger."
	}
	return "Faktura sendes med det samme, fordi kurset starter om mindre end fire uger."
}

// InvoiceNoteFor is InvoiceNote for booked dates.
func InvoiceNoteFor(dates []BookedDate, bookedAt time.Time) string {
	starts := make([]time.Time, len(dates))
	for i, d := range dates {
		starts[i] = d.StartsAt
	}
	return InvoiceNote(starts, bookedAt)
}

// InvoiceNoteOf is InvoiceNote for a booking made: it goes by the dates
// of its paid seats, as its invoice does (InvoiceAt of PaidStarts), so a
// waiting place on an early date does not promise an invoice at once. A
// booking of waiting places only is told when it would be invoiced.
func InvoiceNoteOf(r Receipt) string {
	seen := map[int64]bool{}
	var starts []time.Time
	for _, s := range r.Seats {
		if paying(s) && !seen[s.DateID] {
			seen[s.DateID] = true
			starts = append(starts, r.Date(s.DateID).StartsAt)
		}
	}
	if len(starts) == 0 {
		return InvoiceNoteFor(r.Dates, r.CreatedAt)
	}
	return InvoiceNote(starts, r.CreatedAt)
}

// PaidStarts are the starts of the dates of a booking's seats that are
// paid for (held, or cancelled and still charged): what InvoiceAt goes by.
func PaidStarts(r Receipt) []time.Time {
	var out []time.Time
	for _, s := range r.Seats {
		if paying(s) {
			out = append(out, r.Date(s.DateID).StartsAt)
		}
	}
	return out
}

// PlanInvoiceAt is InvoiceAt of a new booking's plan: its seats (not its
// waiting places) on dates.
func PlanInvoiceAt(p Plan, dates []BookedDate) (time.Time, bool) {
	var starts []time.Time
	for _, pl := range p.Places {
		if !pl.Seat {
			continue
		}
		for _, d := range dates {
			if d.ID == pl.DateID {
				starts = append(starts, d.StartsAt)
			}
		}
	}
	return InvoiceAt(starts)
}

// CreditReason says why a credit note was issued, from the kind of the
// change that made it (see Change) and whether a credited seat is
// invoiced anew at another price.
func CreditReason(changeKind string, repriced bool) string {
	var s string
	switch changeKind {
	case ChangeDateCancelled:
		s = "COK har aflyst kurset"
	case ChangeRefilled:
		s = "En fra ventelisten har overtaget den afmeldte plads"
	case ChangeMoved:
		s = "Deltageren er flyttet til en venteliste"
	default:
		s = "Afmeldt før tilmeldingsfristen"
	}
	if repriced {
		s += "; pakkeprisen gælder ikke længere, så det tilbageværende kursus faktureres til sin egen pris"
	}
	return s
}
