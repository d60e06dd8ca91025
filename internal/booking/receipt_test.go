package booking

import "testing"

func TestReceiptCurrent(t *testing.T) {
	// Two participants on two bundled courses: 9,995 kr. each instead of
	// 2 × 6,750, split over their two seats, VAT 25%.
	seat := func(status string, price int64) Seat {
		return Seat{Status: status, ListOre: 675000, PriceOre: price, VATOre: price / 4}
	}
	booked := Receipt{Totals: Totals{ListOre: 2700000, ExclOre: 1999000, VATOre: 499750, InclOre: 2498750}}
	tests := []struct {
		name      string
		seats     []Seat
		want      Totals
		cancelled int
	}{
		{"nothing cancelled: as booked", []Seat{
			seat(StatusConfirmed, 499750), seat(StatusConfirmed, 499750), seat(StatusWaitlisted, 499750), seat(StatusConfirmed, 499750)},
			Totals{ListOre: 2700000, ExclOre: 1999000, VATOre: 499750, InclOre: 2498750}, 0},
		{"one seat cancelled: the other three", []Seat{
			seat(StatusConfirmed, 499750), seat(StatusCancelled, 499750), seat(StatusWaitlisted, 499750), seat(StatusConfirmed, 499750)},
			Totals{ListOre: 2025000, ExclOre: 1499250, VATOre: 3 * (499750 / 4), InclOre: 1499250 + 3*(499750/4)}, 1},
		{"all cancelled: nothing to pay", []Seat{
			seat(StatusCancelled, 499750), seat(StatusCancelled, 499750), seat(StatusCancelled, 499750), seat(StatusCancelled, 499750)},
			Totals{}, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := booked
			r.Seats = tt.seats
			if got, cancelled := r.Current(); got != tt.want || cancelled != tt.cancelled {
				t.Fatalf("Current() = %+v, %d cancelled; want %+v, %d", got, cancelled, tt.want, tt.cancelled)
			}
		})
	}
}
