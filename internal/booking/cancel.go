package booking

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The rules of what a booking costs as it changes: cancelling seats,
// leaving a waiting list, a seat taken from it, a cancelled seat taken by
// someone from the waiting list. Each change is also a Change: the record
// with the amounts before and after, from which invoices and credit notes
// are made.

var (
	// ErrStarted means the course has started: its seats can no longer
	// be cancelled.
	ErrStarted = errors.New("booking: the course has started")
	// ErrNothingToCancel means every seat named is cancelled already (a
	// confirmation sent twice) or is not of the booking.
	ErrNothingToCancel = errors.New("booking: nothing to cancel")
)

// paying says whether a seat is to be paid: a seat held, or a cancelled
// one that is still charged. A waiting place costs nothing until a seat
// is taken.
func paying(s Seat) bool {
	return s.Status == StatusConfirmed || (s.Status == StatusCancelled && s.Charged)
}

// Owed is what the seats cost now, at the prices stored on them.
func Owed(seats []Seat) Totals { return sum(seats, paying) }

// Pending is what the waiting places would cost once seated.
func Pending(seats []Seat) Totals {
	return sum(seats, func(s Seat) bool { return s.Status == StatusWaitlisted })
}

func sum(seats []Seat, keep func(Seat) bool) Totals {
	var t Totals
	for _, s := range seats {
		if keep(s) {
			t.ListOre += s.ListOre
			t.ExclOre += s.PriceOre
			t.VATOre += s.VATOre
		}
	}
	t.InclOre = t.ExclOre + t.VATOre
	return t
}

// CancelSeat is a seat to cancel and whether it is still to be paid after.
type CancelSeat struct {
	Seat
	// Charged: the seat was held and had become binding (booked after
	// the deadline, or the deadline has passed). It is paid for unless
	// someone from the waiting list takes it (see Refill).
	Charged bool
}

// Frees says whether cancelling the seat frees a seat on its date (for
// the first on the waiting list): a seat held, not a waiting place.
func (c CancelSeat) Frees() bool { return c.Status == StatusConfirmed }

// PriceChange is a seat priced anew, at PriceOre and VATOre.
type PriceChange struct {
	Seat
	PriceOre int64
	VATOre   int64
}

// CancelPlan is what cancelling seats of a booking does, worked out
// before it is done: the confirmation step shows it, the service carries
// it out, and Change records it.
type CancelPlan struct {
	Seats    []CancelSeat
	Repriced []PriceChange // seats whose bundle price no longer holds
	Before   Totals        // what the booking costs before
	After    Totals        // and after
}

// PlanCancel plans a booker's cancellation at now of the seats named
// (every seat that can still be cancelled when none are). A seat held
// costs nothing before the deadline; after it, or when it was booked
// after it, it stays to be paid unless someone from the waiting list
// takes it. A waiting place is never binding. A seat on a course that has
// started is ErrStarted; nothing left to cancel is ErrNothingToCancel.
func PlanCancel(r Receipt, named []int64, now time.Time) (CancelPlan, error) {
	var seats []CancelSeat
	for _, s := range r.Seats {
		if s.Status == StatusCancelled || (len(named) > 0 && !slices.Contains(named, s.ID)) {
			continue
		}
		d := r.Date(s.DateID)
		if !now.Before(d.StartsAt) {
			if len(named) > 0 {
				return CancelPlan{}, ErrStarted
			}
			continue // the whole booking: what can still be cancelled
		}
		binding := s.Binding || !now.Before(DeadlineEnd(d.Deadline))
		seats = append(seats, CancelSeat{Seat: s, Charged: s.Status == StatusConfirmed && binding})
	}
	return plan(r, seats)
}

// PlanStaffCancel plans staff cancelling a participant at now, whatever
// the phase, with the same costs as the booker's own cancellation unless
// staff waive them.
func PlanStaffCancel(r Receipt, seatID int64, waive bool, now time.Time) (CancelPlan, error) {
	for _, s := range r.Seats {
		if s.ID != seatID || s.Status == StatusCancelled {
			continue
		}
		d := r.Date(s.DateID)
		binding := s.Binding || !now.Before(DeadlineEnd(d.Deadline))
		return plan(r, []CancelSeat{{Seat: s, Charged: s.Status == StatusConfirmed && binding && !waive}})
	}
	return CancelPlan{}, ErrCancelled
}

// PlanLeave plans a waiting participant leaving the waiting list, as when
// they say no to an offered seat or let it expire: it costs nothing.
func PlanLeave(r Receipt, seatID int64) (CancelPlan, error) {
	for _, s := range r.Seats {
		if s.ID == seatID && s.Status == StatusWaitlisted {
			return plan(r, []CancelSeat{{Seat: s}})
		}
	}
	return CancelPlan{}, ErrNotWaiting
}

func plan(r Receipt, seats []CancelSeat) (CancelPlan, error) {
	if len(seats) == 0 {
		return CancelPlan{}, ErrNothingToCancel
	}
	var free []int64
	for _, c := range seats {
		if !c.Charged {
			free = append(free, c.ID)
		}
	}
	p := CancelPlan{Seats: seats, Repriced: Reprice(r.Seats, free), Before: Owed(r.Seats)}
	p.After = Owed(p.Apply(r.Seats))
	return p, nil
}

// Apply returns the seats as they are once the plan is carried out.
func (p CancelPlan) Apply(seats []Seat) []Seat {
	out := slices.Clone(seats)
	for i := range out {
		for _, c := range p.Seats {
			if c.ID == out[i].ID {
				out[i].Status, out[i].Charged, out[i].WaitlistPos = StatusCancelled, c.Charged, 0
			}
		}
	}
	return applyPrices(out, p.Repriced)
}

func applyPrices(seats []Seat, changes []PriceChange) []Seat {
	for i := range seats {
		for _, c := range changes {
			if c.ID == seats[i].ID {
				seats[i].PriceOre, seats[i].VATOre, seats[i].OfferID = c.PriceOre, c.VATOre, 0
			}
		}
	}
	return seats
}

// Charged is what the seats that stay to be paid cost.
func (p CancelPlan) Charged() Totals {
	var seats []Seat
	for _, c := range p.Seats {
		if c.Charged {
			seats = append(seats, c.Seat)
		}
	}
	return sum(seats, func(Seat) bool { return true })
}

// ChargedPrice is what a seat the plan cancels costs after it: nothing,
// or its price, which may be its own list price now that its bundle no
// longer holds.
func (p CancelPlan) ChargedPrice(c CancelSeat) int64 {
	if !c.Charged {
		return 0
	}
	for _, r := range p.Repriced {
		if r.ID == c.ID {
			return r.PriceOre
		}
	}
	return c.PriceOre
}

// Frees lists the dates on which the plan frees a seat, one entry per
// seat freed.
func (p CancelPlan) Frees() []int64 {
	var out []int64
	for _, c := range p.Seats {
		if c.Frees() {
			out = append(out, c.DateID)
		}
	}
	return out
}

// SeatIDs lists the seats the plan cancels.
func (p CancelPlan) SeatIDs() []int64 {
	ids := make([]int64, len(p.Seats))
	for i, c := range p.Seats {
		ids[i] = c.ID
	}
	return ids
}

// Reprice prices anew the seats whose bundle price no longer holds once
// the seats freed stop being paid: a bundle price holds only while its
// person is booked on every course of it, so the person's other seats
// of that bundle go back to their own list price (as booked). A seat that
// is cancelled but still charged keeps the bundle whole; a date COK
// cancels does not go through here, so it costs no bundle.
func Reprice(seats []Seat, freed []int64) []PriceChange {
	broken := map[bundleOf]bool{}
	for _, s := range seats {
		if s.OfferID != 0 && slices.Contains(freed, s.ID) {
			broken[bundleOf{personKey(s), s.OfferID}] = true
		}
	}
	var out []PriceChange
	for _, s := range seats {
		if s.OfferID == 0 || slices.Contains(freed, s.ID) || !broken[bundleOf{personKey(s), s.OfferID}] {
			continue
		}
		if s.Status == StatusCancelled && !s.Charged {
			continue
		}
		out = append(out, PriceChange{Seat: s, PriceOre: s.ListOre, VATOre: VAT(s.ListOre, s.VATRateBP)})
	}
	return out
}

type bundleOf struct {
	person string
	offer  int64
}

// personKey tells a booking's people apart: by the number they were
// typed in as, or by e-mail for seats booked without one.
func personKey(s Seat) string {
	if s.Person > 0 {
		return "#" + itoa(s.Person)
	}
	return "@" + strings.ToLower(s.Email)
}

// ErrPlanChanged means that what a change costs is no longer what the
// booker was shown and confirmed (a deadline passed, or a seat changed
// meanwhile); the change is not made and the new cost is shown.
var ErrPlanChanged = errors.New("booking: the change costs something else now")

// Key sums up what a plan does and costs, so that a confirmation can
// name the plan it confirms.
func (p CancelPlan) Key() string {
	k := strconv.FormatInt(p.After.InclOre, 10) + "-" + strconv.FormatInt(p.Charged().InclOre, 10)
	for _, id := range p.SeatIDs() {
		k += "-" + strconv.FormatInt(id, 10)
	}
	return k
}
