package booking

import (
	"sort"
	"time"

	"kursuskatalog/internal/catalog"
)

// LineInput is one participant on one date, as the pricing sees it.
type LineInput struct {
	Participant int   // index of the participant within the booking
	CourseID    int64 // the date's course
	ListOre     int64 // the course price excl. VAT
	VATRateBP   int   // basis points: 2500 is 25 %
}

// Line is a priced line: what the participant pays for this date.
type Line struct {
	LineInput
	PriceOre int64 // excl. VAT, after any bundle
	VATOre   int64
	OfferID  int64 // the bundle offer that priced it, 0 when none
}

// Totals are a booking's prices in øre.
type Totals struct {
	ListOre int64 // sum of list prices excl. VAT
	ExclOre int64 // sum of line prices excl. VAT
	VATOre  int64
	InclOre int64
}

// SavingOre is what bundle offers save on these totals.
func (t Totals) SavingOre() int64 { return t.ListOre - t.ExclOre }

// Quote is the price of a whole booking.
type Quote struct {
	Lines []Line // in the order of the input
	Totals
}

// Price computes the price of a booking made at now. A bundle offer applies
// to a participant who is booked on every course of the offer in this
// booking, when now is on or before the offer's last day (Copenhagen time).
// The offer's price is split over those lines in proportion to their list
// prices, with the rounding remainder on the last, so they add up exactly.
// Offers are tried by the largest saving first and a line takes at most one.
func Price(lines []LineInput, offers []catalog.BundleOffer, now time.Time) Quote {
	q := Quote{Lines: make([]Line, len(lines))}
	for i, in := range lines {
		q.Lines[i] = Line{LineInput: in, PriceOre: in.ListOre}
	}
	open := make([]catalog.BundleOffer, 0, len(offers))
	for _, o := range offers {
		if OfferOpen(o, now) && len(o.Courses) > 1 {
			open = append(open, o)
		}
	}
	sort.SliceStable(open, func(a, b int) bool { return saving(open[a], lines) > saving(open[b], lines) })

	participants := map[int]bool{}
	for _, in := range lines {
		participants[in.Participant] = true
	}
	order := make([]int, 0, len(participants))
	for p := range participants {
		order = append(order, p)
	}
	sort.Ints(order)
	for _, p := range order {
		for _, o := range open {
			idx := offerLines(q.Lines, p, o)
			if idx == nil {
				continue
			}
			var list int64
			for _, i := range idx {
				list += q.Lines[i].ListOre
			}
			if list <= o.PriceOre {
				continue // never charge more than the list prices
			}
			rest := o.PriceOre
			for k, i := range idx {
				share := rest
				if k < len(idx)-1 {
					share = o.PriceOre * q.Lines[i].ListOre / list
					rest -= share
				}
				q.Lines[i].PriceOre = share
				q.Lines[i].OfferID = o.ID
			}
		}
	}
	// VAT is computed on the sum per rate, as on the invoice; each line gets
	// the difference its amount makes to that sum, so the lines add up.
	running := map[int]int64{}
	for i := range q.Lines {
		l := &q.Lines[i]
		before := running[l.VATRateBP]
		running[l.VATRateBP] += l.PriceOre
		l.VATOre = VAT(running[l.VATRateBP], l.VATRateBP) - VAT(before, l.VATRateBP)
		q.ListOre += l.ListOre
		q.ExclOre += l.PriceOre
		q.VATOre += l.VATOre
	}
	q.InclOre = q.ExclOre + q.VATOre
	return q
}

// VAT is the VAT on amount at rate basis points, rounded half up to whole øre.
func VAT(amount int64, rateBP int) int64 {
	return (amount*int64(rateBP) + 5000) / 10000
}

// offerLines returns the indexes of one not yet discounted line per course
// of o for participant p, or nil when p lacks one of the courses.
func offerLines(lines []Line, p int, o catalog.BundleOffer) []int {
	var idx []int
	for _, c := range o.Courses {
		found := -1
		for i, l := range lines {
			if l.Participant == p && l.CourseID == c.CourseID && l.OfferID == 0 {
				found = i
				break
			}
		}
		if found < 0 {
			return nil
		}
		idx = append(idx, found)
	}
	return idx
}

// saving is what o saves on one participant, from the list prices in lines.
func saving(o catalog.BundleOffer, lines []LineInput) int64 {
	var list int64
	for _, c := range o.Courses {
		for _, l := range lines {
			if l.CourseID == c.CourseID {
				list += l.ListOre
				break
			}
		}
	}
	return list - o.PriceOre
}
