package booking

// The rule that keeps a booking's invoices and credit notes in line with
// what it costs. An issued invoice never changes: each of its lines bills
// one seat at one price. When what a seat costs changes (cancelled free
// of charge, repriced when a bundle breaks, its date cancelled, taken over
// from the waiting list), its line is credited whole, and a seat that
// still costs something is invoiced anew at its new price. A seat that
// gets a seat from the waiting list is invoiced.

// BilledLine is an invoice line that stands: issued and not credited.
type BilledLine struct {
	DocumentID int64
	LineNo     int
	SeatID     int64
	PriceOre   int64 // excl. VAT
}

// Bill is what to issue to bring a booking's documents in line with what
// its seats cost now.
type Bill struct {
	Credit  []BilledLine // lines to credit, by invoice in the order of the lines given
	Invoice []Seat       // seats to invoice, at their price now
}

// Empty says whether the documents already match.
func (b Bill) Empty() bool { return len(b.Credit) == 0 && len(b.Invoice) == 0 }

// PlanBill works out the Bill of a booking's seats against the lines
// standing on its invoices.
func PlanBill(seats []Seat, standing []BilledLine) Bill {
	var b Bill
	bySeat := map[int64][]BilledLine{}
	for _, l := range standing {
		bySeat[l.SeatID] = append(bySeat[l.SeatID], l)
	}
	known := map[int64]bool{}
	for _, s := range seats {
		known[s.ID] = true
		owed, _ := owedLine(s)
		lines := bySeat[s.ID]
		if len(lines) == 1 && lines[0].PriceOre == owed {
			continue
		}
		if len(lines) == 0 && owed == 0 {
			continue
		}
		b.Credit = append(b.Credit, lines...)
		if owed > 0 {
			b.Invoice = append(b.Invoice, s)
		}
	}
	// Lines of seats the booking no longer has are credited too.
	for _, l := range standing {
		if !known[l.SeatID] {
			b.Credit = append(b.Credit, l)
		}
	}
	return b
}

// CreditsByInvoice groups lines to credit by the invoice they stand on,
// in the order the invoices first appear: one credit note per invoice.
func CreditsByInvoice(lines []BilledLine) [][]BilledLine {
	var out [][]BilledLine
	at := map[int64]int{}
	for _, l := range lines {
		i, ok := at[l.DocumentID]
		if !ok {
			i = len(out)
			at[l.DocumentID] = i
			out = append(out, nil)
		}
		out[i] = append(out[i], l)
	}
	return out
}
