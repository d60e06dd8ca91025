package booking

import "testing"

func TestOwedAndPending(t *testing.T) {
	seat := func(status string, charged bool) Seat {
		return Seat{Status: status, Charged: charged, ListOre: 675000, PriceOre: 499750, VATOre: VAT(499750, 2500)}
	}
	one := Totals{ListOre: 675000, ExclOre: 499750, VATOre: 124938, InclOre: 624688}
	times := func(t Totals, n int64) Totals {
		return Totals{ListOre: t.ListOre * n, ExclOre: t.ExclOre * n, VATOre: t.VATOre * n, InclOre: t.InclOre * n}
	}
	tests := []struct {
		name          string
		seats         []Seat
		owed, pending Totals
	}{
		{"seats held are owed", []Seat{seat(StatusConfirmed, false), seat(StatusConfirmed, false)}, times(one, 2), Totals{}},
		{"a waiting place costs nothing until seated", []Seat{seat(StatusConfirmed, false), seat(StatusWaitlisted, false)}, one, one},
		{"a cancelled seat costs nothing", []Seat{seat(StatusCancelled, false), seat(StatusConfirmed, false)}, one, Totals{}},
		{"a cancelled seat still charged is owed", []Seat{seat(StatusCancelled, true), seat(StatusConfirmed, false)}, times(one, 2), Totals{}},
		{"only waiting: nothing owed", []Seat{seat(StatusWaitlisted, false)}, Totals{}, one},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Owed(tt.seats); got != tt.owed {
				t.Errorf("Owed = %+v, want %+v", got, tt.owed)
			}
			if got := Pending(tt.seats); got != tt.pending {
				t.Errorf("Pending = %+v, want %+v", got, tt.pending)
			}
		})
	}
}
