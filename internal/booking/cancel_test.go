package booking

import (
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"kursuskatalog/internal/catalog"
)

// bundleBooking is Anna (person 1) and Bo (person 2) on both courses of a
// bundle (9,995 kr. instead of 2 × 6,750), 4,997.50 kr. a seat, VAT 25 %:
// seats 11 and 12 are Anna's on dates 1 and 2, 21 and 22 Bo's. Date 2's
// deadline is two months after date 1's.
func bundleBooking() Receipt {
	d1, d2 := testDate(1, 1, 10, 4), testDate(2, 2, 10, 4)
	d2.Deadline = d2.Deadline.AddDate(0, 2, 0)
	d2.StartsAt, d2.EndsAt = d2.StartsAt.AddDate(0, 2, 0), d2.EndsAt.AddDate(0, 2, 0)
	seat := func(id, date int64, person int, email string) Seat {
		return Seat{ID: id, DateID: date, Person: person, Email: email, Status: StatusConfirmed,
			ListOre: 675000, PriceOre: 499750, VATRateBP: 2500, VATOre: VAT(499750, 2500), OfferID: 9}
	}
	return Receipt{Dates: []BookedDate{d1, d2}, Seats: []Seat{
		seat(11, 1, 1, "anna@x.dk"), seat(12, 2, 1, "anna@x.dk"),
		seat(21, 1, 2, "bo@x.dk"), seat(22, 2, 2, "bo@x.dk"),
	}}
}

const (
	bundleSeat = 499750 + 124938 // incl. VAT
	listSeat   = 675000 + 168750
)

func with(r Receipt, change func(s *Seat)) Receipt {
	r.Seats = slices.Clone(r.Seats)
	for i := range r.Seats {
		change(&r.Seats[i])
	}
	return r
}

func TestPlanCancel(t *testing.T) {
	afterFirst := time.Date(2027, 2, 1, 12, 0, 0, 0, catalog.Copenhagen) // date 1's deadline passed, date 2's not
	started := time.Date(2027, 3, 4, 12, 0, 0, 0, catalog.Copenhagen)    // date 1 started
	tests := []struct {
		name     string
		r        Receipt
		named    []int64
		now      time.Time
		cancel   []int64
		charged  []int64
		repriced []int64 // each to its list price
		after    int64   // incl. VAT
		err      error
	}{
		{"one seat before the deadline: free, and its bundle twin at its own price",
			bundleBooking(), []int64{11}, beforeDeadline, []int64{11}, nil, []int64{12}, 2*bundleSeat + listSeat, nil},
		{"one seat after its deadline: still paid, so the bundle holds",
			bundleBooking(), []int64{11}, afterFirst, []int64{11}, []int64{11}, nil, 4 * bundleSeat, nil},
		{"the twin before its deadline while the first is charged: the charged one goes to list price",
			with(bundleBooking(), func(s *Seat) {
				if s.ID == 11 {
					s.Status, s.Charged = StatusCancelled, true
				}
			}), []int64{12}, afterFirst, []int64{12}, nil, []int64{11}, 2*bundleSeat + listSeat, nil},
		{"the whole booking before the deadline: nothing to pay, nothing repriced",
			bundleBooking(), nil, beforeDeadline, []int64{11, 12, 21, 22}, nil, nil, 0, nil},
		{"the whole booking after the first deadline: the binding seats are paid, at their own price",
			bundleBooking(), nil, afterFirst, []int64{11, 12, 21, 22}, []int64{11, 21}, []int64{11, 21}, 2 * listSeat, nil},
		{"the whole booking once the first date has started: what can still be cancelled",
			bundleBooking(), nil, started, []int64{12, 22}, nil, []int64{11, 21}, 2 * listSeat, nil},
		{"a seat booked after the deadline binds before it too",
			with(bundleBooking(), func(s *Seat) { s.Binding = s.ID == 21 }), []int64{21}, beforeDeadline, []int64{21}, []int64{21}, nil, 4 * bundleSeat, nil},
		{"a waiting place is free to leave, and its bundle twin goes to its own price",
			with(bundleBooking(), func(s *Seat) {
				if s.ID == 12 {
					s.Status = StatusWaitlisted
				}
			}), []int64{12}, afterFirst, []int64{12}, nil, []int64{11}, 2*bundleSeat + listSeat, nil},
		{"a seat of a course that has started", bundleBooking(), []int64{11}, started, nil, nil, nil, 0, ErrStarted},
		{"a seat cancelled already: nothing to do",
			with(bundleBooking(), func(s *Seat) {
				if s.ID == 11 {
					s.Status = StatusCancelled
				}
			}), []int64{11}, beforeDeadline, nil, nil, nil, 0, ErrNothingToCancel},
		{"a seat of another booking", bundleBooking(), []int64{99}, beforeDeadline, nil, nil, nil, 0, ErrNothingToCancel},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := PlanCancel(tt.r, tt.named, tt.now)
			if !errors.Is(err, tt.err) {
				t.Fatalf("err = %v, want %v", err, tt.err)
			}
			if err != nil {
				return
			}
			var charged []int64
			for _, c := range p.Seats {
				if c.Charged {
					charged = append(charged, c.ID)
				}
			}
			var repriced []int64
			for _, r := range p.Repriced {
				repriced = append(repriced, r.ID)
				if r.PriceOre != r.ListOre || r.VATOre != VAT(r.ListOre, 2500) {
					t.Errorf("seat %d repriced to %d + %d, want its list price %d", r.ID, r.PriceOre, r.VATOre, r.ListOre)
				}
			}
			if got := p.SeatIDs(); !slices.Equal(got, tt.cancel) || !slices.Equal(charged, tt.charged) || !slices.Equal(repriced, tt.repriced) {
				t.Fatalf("cancels %v, charged %v, repriced %v; want %v, %v, %v", got, charged, repriced, tt.cancel, tt.charged, tt.repriced)
			}
			if p.Before != Owed(tt.r.Seats) || p.After.InclOre != tt.after {
				t.Fatalf("before %d, after %d; want %d, %d", p.Before.InclOre, p.After.InclOre, Owed(tt.r.Seats).InclOre, tt.after)
			}
			for _, c := range p.Seats {
				if want := map[bool]int64{true: c.ListOre, false: c.PriceOre}[slices.Contains(tt.repriced, c.ID)]; c.Charged && p.ChargedPrice(c) != want {
					t.Errorf("seat %d is charged %d, want %d", c.ID, p.ChargedPrice(c), want)
				}
			}
			if c := p.Change(); c.Before != p.Before || c.After != p.After || lineSum(c) != c.Amount() {
				t.Fatalf("change lines add to %d, its totals to %d: %+v", lineSum(c), c.Amount(), c)
			}
		})
	}
}

// lineSum is what a change's lines add up to, incl. VAT.
func lineSum(c Change) int64 {
	var n int64
	for _, l := range c.Lines {
		n += l.NewPriceOre + l.NewVATOre - l.OldPriceOre - l.OldVATOre
	}
	return n
}

func TestCancelChangeLines(t *testing.T) {
	p, err := PlanCancel(bundleBooking(), []int64{11}, beforeDeadline)
	if err != nil {
		t.Fatal(err)
	}
	got := fmt.Sprint(p.Change().Lines)
	want := fmt.Sprint([]ChangeLine{
		{SeatID: 11, What: LineCancelled, OldPriceOre: 499750, OldVATOre: 124938},
		{SeatID: 12, What: LineRepriced, OldPriceOre: 499750, OldVATOre: 124938, NewPriceOre: 675000, NewVATOre: 168750},
	})
	if got != want {
		t.Fatalf("lines\n got %s\nwant %s", got, want)
	}
}

func TestStaffCancelAndLeave(t *testing.T) {
	after := time.Date(2027, 2, 1, 12, 0, 0, 0, catalog.Copenhagen)
	tests := []struct {
		name    string
		plan    func() (CancelPlan, error)
		charged bool
		err     error
	}{
		{"staff after the deadline: charged as the booker would be", func() (CancelPlan, error) { return PlanStaffCancel(bundleBooking(), 11, false, after) }, true, nil},
		{"staff waive the charge", func() (CancelPlan, error) { return PlanStaffCancel(bundleBooking(), 11, true, after) }, false, nil},
		{"staff after the start too", func() (CancelPlan, error) {
			return PlanStaffCancel(bundleBooking(), 11, false, time.Date(2027, 3, 4, 12, 0, 0, 0, catalog.Copenhagen))
		}, true, nil},
		{"staff cancel one cancelled", func() (CancelPlan, error) {
			return PlanStaffCancel(with(bundleBooking(), func(s *Seat) { s.Status = StatusCancelled }), 11, false, after)
		}, false, ErrCancelled},
		{"leaving the waiting list", func() (CancelPlan, error) {
			return PlanLeave(with(bundleBooking(), func(s *Seat) { s.Status = StatusWaitlisted }), 11)
		}, false, nil},
		{"leaving it when seated", func() (CancelPlan, error) { return PlanLeave(bundleBooking(), 11) }, false, ErrNotWaiting},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := tt.plan()
			if !errors.Is(err, tt.err) {
				t.Fatalf("err = %v, want %v", err, tt.err)
			}
			if err == nil && (len(p.Seats) != 1 || p.Seats[0].Charged != tt.charged) {
				t.Fatalf("plan %+v, want seat 11 charged=%v", p.Seats, tt.charged)
			}
		})
	}
}

// A binding seat cancelled and taken from the waiting list costs nothing,
// and its bundle twin goes to its own price, as had it been cancelled in
// time.
func TestRefill(t *testing.T) {
	charged := with(bundleBooking(), func(s *Seat) {
		if s.ID == 11 {
			s.Status, s.Charged = StatusCancelled, true
		}
	})
	c, repriced, ok := Refill(charged, 11)
	if !ok || len(repriced) != 1 || repriced[0].ID != 12 {
		t.Fatalf("Refill = %v, repriced %+v", ok, repriced)
	}
	if c.Before.InclOre != 4*bundleSeat || c.After.InclOre != 2*bundleSeat+listSeat || lineSum(c) != c.Amount() {
		t.Fatalf("refill %d → %d (lines %d)", c.Before.InclOre, c.After.InclOre, lineSum(c))
	}
	if c.Lines[0].What != LineRefilled || c.Lines[1].What != LineRepriced {
		t.Fatalf("lines %+v", c.Lines)
	}
	if _, _, ok := Refill(bundleBooking(), 11); ok {
		t.Fatal("a seat held refilled")
	}
}

func TestSeatTakenAndDateCancelled(t *testing.T) {
	waiting := with(bundleBooking(), func(s *Seat) {
		if s.ID == 22 {
			s.Status = StatusWaitlisted
		}
	})
	c, ok := SeatTaken(waiting, 22)
	if !ok || c.Amount() != bundleSeat || lineSum(c) != c.Amount() || c.Lines[0].What != LineSeated {
		t.Fatalf("seat taken: %v %+v", ok, c)
	}
	if _, ok := SeatTaken(waiting, 21); ok {
		t.Fatal("a seat held taken again")
	}
	c, ok = DateCancelled(waiting, 2)
	// Anna's seat on date 2 was paid; Bo's was a waiting place. The bundle
	// price of their seats on date 1 stays: COK cancelled, not they.
	if !ok || c.Amount() != -bundleSeat || len(c.Lines) != 2 || c.Lines[1].What != LineLeftWaitlist || lineSum(c) != c.Amount() {
		t.Fatalf("date cancelled: %v %+v", ok, c)
	}
}
