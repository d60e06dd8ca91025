package booking

// Change is the record of a change to what a booking costs, with the
// amounts (øre) before and after, line by line. Changes are stored and
// never altered: invoices and credit notes are made from them.
type Change struct {
	Kind   string
	Lines  []ChangeLine
	Before Totals
	After  Totals
}

// Kinds of change, as stored.
const (
	ChangeCancelled     = "cancelled"      // seats cancelled or a waiting place left
	ChangeSeatTaken     = "seat_taken"     // a waiting participant got a seat
	ChangeRefilled      = "refilled"       // a binding cancelled seat was taken from the waiting list
	ChangeDateCancelled = "date_cancelled" // COK cancelled the date
	ChangeMoved         = "moved"          // staff moved a participant between a seat and a waiting list
)

// What happened to one seat in a change, as stored.
const (
	LineCancelled    = "cancelled"     // a seat cancelled free of charge
	LineCharged      = "charged"       // a seat cancelled that is still paid for
	LineLeftWaitlist = "left_waitlist" // a waiting place given up
	LineRepriced     = "repriced"      // a bundle price that no longer holds
	LineSeated       = "seated"        // a seat taken from the waiting list
	LineRefilled     = "refilled"      // a charged seat that costs nothing now
	LineMoved        = "moved"         // a participant moved to another date
)

// ChangeLine is one seat's part of a change: what it cost before and
// after, excl. VAT and VAT.
type ChangeLine struct {
	SeatID      int64
	What        string
	OldPriceOre int64
	OldVATOre   int64
	NewPriceOre int64
	NewVATOre   int64
}

// Amount of the change: what the booking costs after, less before.
func (c Change) Amount() int64 { return c.After.InclOre - c.Before.InclOre }

// owedLine is a seat's amounts while it is paid for, else nothing.
func owedLine(s Seat) (price, vat int64) {
	if paying(s) {
		return s.PriceOre, s.VATOre
	}
	return 0, 0
}

// Change is the record of the plan carried out.
func (p CancelPlan) Change() Change {
	c := Change{Kind: ChangeCancelled, Before: p.Before, After: p.After}
	for _, s := range p.Seats {
		l := ChangeLine{SeatID: s.ID, What: LineCancelled}
		l.OldPriceOre, l.OldVATOre = owedLine(s.Seat)
		switch {
		case s.Status == StatusWaitlisted:
			l.What = LineLeftWaitlist
		case s.Charged:
			l.What, l.NewPriceOre, l.NewVATOre = LineCharged, s.PriceOre, s.VATOre
			for _, r := range p.Repriced {
				if r.ID == s.ID {
					l.NewPriceOre, l.NewVATOre = r.PriceOre, r.VATOre
				}
			}
		}
		c.Lines = append(c.Lines, l)
	}
	return c.withRepriced(p.Repriced, p.Seats)
}

// withRepriced adds a line for each repriced seat not already a line.
func (c Change) withRepriced(repriced []PriceChange, done []CancelSeat) Change {
	for _, r := range repriced {
		if containsSeat(done, r.ID) {
			continue
		}
		l := ChangeLine{SeatID: r.ID, What: LineRepriced, NewPriceOre: r.PriceOre, NewVATOre: r.VATOre}
		l.OldPriceOre, l.OldVATOre = owedLine(r.Seat)
		if !paying(r.Seat) {
			l.NewPriceOre, l.NewVATOre = 0, 0 // a waiting place: its price changes, nothing owed yet
		}
		c.Lines = append(c.Lines, l)
	}
	return c
}

func containsSeat(seats []CancelSeat, id int64) bool {
	for _, s := range seats {
		if s.ID == id {
			return true
		}
	}
	return false
}

// SeatTaken is the change of a waiting participant getting a seat: it is
// paid for from now on, at the price booked.
func SeatTaken(r Receipt, seatID int64) (Change, bool) {
	c := Change{Kind: ChangeSeatTaken, Before: Owed(r.Seats)}
	seats := make([]Seat, len(r.Seats))
	copy(seats, r.Seats)
	for i, s := range seats {
		if s.ID == seatID && s.Status == StatusWaitlisted {
			seats[i].Status, seats[i].WaitlistPos = StatusConfirmed, 0
			c.Lines = []ChangeLine{{SeatID: s.ID, What: LineSeated, NewPriceOre: s.PriceOre, NewVATOre: s.VATOre}}
		}
	}
	c.After = Owed(seats)
	return c, len(c.Lines) == 1
}

// Refill is what someone from the waiting list taking a charged seat
// does: the seat costs nothing any more, and a bundle it was part of no
// longer holds (its person's other seats of it go back to their own
// price). ok is false when the seat is not charged.
func Refill(r Receipt, seatID int64) (c Change, repriced []PriceChange, ok bool) {
	c = Change{Kind: ChangeRefilled, Before: Owed(r.Seats)}
	seats := make([]Seat, len(r.Seats))
	copy(seats, r.Seats)
	var done []CancelSeat
	for i, s := range seats {
		if s.ID == seatID && s.Status == StatusCancelled && s.Charged {
			seats[i].Charged, ok = false, true
			c.Lines = append(c.Lines, ChangeLine{SeatID: s.ID, What: LineRefilled, OldPriceOre: s.PriceOre, OldVATOre: s.VATOre})
			done = append(done, CancelSeat{Seat: s})
		}
	}
	if !ok {
		return Change{}, nil, false
	}
	repriced = Reprice(seats, []int64{seatID})
	c.After = Owed(applyPrices(seats, repriced))
	return c.withRepriced(repriced, done), repriced, true
}

// DateCancelled is the change of COK cancelling a date: the booking's
// seats on it cost nothing, and no bundle is lost by it.
func DateCancelled(r Receipt, dateID int64) (Change, bool) {
	c := Change{Kind: ChangeDateCancelled, Before: Owed(r.Seats)}
	seats := make([]Seat, len(r.Seats))
	copy(seats, r.Seats)
	for i, s := range seats {
		if s.DateID != dateID || s.Status == StatusCancelled {
			continue
		}
		l := ChangeLine{SeatID: s.ID, What: LineCancelled}
		if s.Status == StatusWaitlisted {
			l.What = LineLeftWaitlist
		}
		l.OldPriceOre, l.OldVATOre = owedLine(s)
		seats[i].Status, seats[i].Charged = StatusCancelled, false
		c.Lines = append(c.Lines, l)
	}
	c.After = Owed(seats)
	return c, len(c.Lines) > 0
}

// Moved is the change of moving a participant to another date of the
// course, when it changes what the booking costs: a waiting place that
// became a seat, or a seat that became a waiting place. ok is false when
// it costs the same.
func Moved(before, after Receipt, seatID int64) (Change, bool) {
	c := Change{Kind: ChangeMoved, Before: Owed(before.Seats), After: Owed(after.Seats)}
	if c.Before == c.After {
		return c, false
	}
	l := ChangeLine{SeatID: seatID, What: LineMoved}
	for _, s := range before.Seats {
		if s.ID == seatID {
			l.OldPriceOre, l.OldVATOre = owedLine(s)
		}
	}
	for _, s := range after.Seats {
		if s.ID == seatID {
			l.NewPriceOre, l.NewVATOre = owedLine(s)
		}
	}
	c.Lines = []ChangeLine{l}
	return c, true
}
