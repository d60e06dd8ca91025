package booking

import (
	"testing"
	"time"

	"kursuskatalog/internal/catalog"
)

func TestPrice(t *testing.T) {
	const forst, formidl, other = 1, 2, 3
	offer := catalog.BundleOffer{ID: 7, PriceOre: 999500, LastDay: time.Date(2027, 1, 25, 0, 0, 0, 0, time.UTC),
		Courses: []catalog.BundleCourse{{CourseID: forst}, {CourseID: formidl}}}
	lastDay := time.Date(2027, 1, 25, 23, 59, 0, 0, catalog.Copenhagen)
	dayAfter := time.Date(2027, 1, 26, 0, 0, 0, 0, catalog.Copenhagen)
	line := func(p int, course int64, vat int) LineInput {
		price := int64(675000)
		if course == other {
			price = 295000
		}
		return LineInput{Participant: p, CourseID: course, ListOre: price, VATRateBP: vat}
	}
	tests := []struct {
		name            string
		lines           []LineInput
		now             time.Time
		excl, vat, incl int64
		saving          int64
		discountedLines int
	}{
		{"one participant, both courses, last day 23:59", []LineInput{line(0, forst, 2500), line(0, formidl, 2500)}, lastDay, 999500, 249875, 1249375, 350500, 2},
		{"one participant, both courses, day after", []LineInput{line(0, forst, 2500), line(0, formidl, 2500)}, dayAfter, 1350000, 337500, 1687500, 0, 0},
		{"two participants on both, before", []LineInput{line(0, forst, 2500), line(0, formidl, 2500), line(1, forst, 2500), line(1, formidl, 2500)}, lastDay, 1999000, 499750, 2498750, 701000, 4},
		{"two participants on both, after", []LineInput{line(0, forst, 2500), line(0, formidl, 2500), line(1, forst, 2500), line(1, formidl, 2500)}, dayAfter, 2700000, 675000, 3375000, 0, 0},
		{"one on both, one on only one course", []LineInput{line(0, forst, 2500), line(0, formidl, 2500), line(1, forst, 2500)}, lastDay, 999500 + 675000, (999500 + 675000) / 4, (999500 + 675000) * 5 / 4, 350500, 2},
		{"three courses, bundle on two", []LineInput{line(0, forst, 2500), line(0, formidl, 2500), line(0, other, 2500)}, lastDay, 999500 + 295000, 323625, 1294500 + 323625, 350500, 2},
		{"VAT 0 on one course", []LineInput{line(0, forst, 2500), line(0, other, 0)}, lastDay, 970000, 168750, 1138750, 0, 0},
		{"VAT 0 on both, bundle", []LineInput{line(0, forst, 0), line(0, formidl, 0)}, lastDay, 999500, 0, 999500, 350500, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := Price(tt.lines, []catalog.BundleOffer{offer}, tt.now)
			if q.ExclOre != tt.excl || q.VATOre != tt.vat || q.InclOre != tt.incl || q.SavingOre() != tt.saving {
				t.Errorf("got excl %d vat %d incl %d saving %d; want %d %d %d %d", q.ExclOre, q.VATOre, q.InclOre, q.SavingOre(), tt.excl, tt.vat, tt.incl, tt.saving)
			}
			var sum int64
			n := 0
			for _, l := range q.Lines {
				sum += l.PriceOre
				if l.OfferID != 0 {
					n++
				}
			}
			if sum != q.ExclOre || n != tt.discountedLines {
				t.Errorf("lines add to %d (total %d), %d discounted (want %d)", sum, q.ExclOre, n, tt.discountedLines)
			}
		})
	}
}

// An odd offer price is split so that the lines still add up exactly.
func TestPriceSplitAddsUp(t *testing.T) {
	offer := catalog.BundleOffer{ID: 1, PriceOre: 100001, LastDay: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC),
		Courses: []catalog.BundleCourse{{CourseID: 1}, {CourseID: 2}, {CourseID: 3}}}
	q := Price([]LineInput{{0, 1, 70000, 2500}, {0, 2, 50000, 2500}, {0, 3, 30001, 2500}}, []catalog.BundleOffer{offer}, time.Date(2029, 1, 1, 0, 0, 0, 0, time.UTC))
	if q.ExclOre != 100001 || q.Lines[0].PriceOre+q.Lines[1].PriceOre+q.Lines[2].PriceOre != 100001 {
		t.Fatalf("%+v", q)
	}
}

// Money is rounded half up: 25 % of 14.992,50 kr. is 3.748,125 kr., which
// is 3.748,13 kr., never 3.748,12.
func TestVATRoundsHalfUp(t *testing.T) {
	q := Price([]LineInput{{Participant: 0, CourseID: 1, ListOre: 1499250, VATRateBP: 2500}}, nil, time.Now())
	if q.VATOre != 374813 || q.InclOre != 1874063 {
		t.Fatalf("VAT %d, incl %d; want 374813 and 1874063", q.VATOre, q.InclOre)
	}
	if got := catalog.FormatKroner(q.VATOre); got != "3.748,13 kr." {
		t.Fatalf("shown as %q", got)
	}
}
