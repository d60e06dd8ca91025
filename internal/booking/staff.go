package booking

import (
	"time"

	"kursuskatalog/internal/catalog"
)

// What staff see of dates and bookings in the admin area. The store reads
// them and the admin pages show them as they are.

// DateOverview is one date in the staff lists: the date, its course and
// how many wait or have cancelled.
type DateOverview struct {
	catalog.CourseDate
	CourseTitle string
	CourseSlug  string
	Waiting     int
	Cancelled   int
	Minimum     int // the fewest participants the date needs; 0: no minimum
}

// When is the date's span as "03.03.2027 kl. 08:45 - 04.03.2027 kl. 15:00".
func (d DateOverview) When() string { return catalog.FormatSpan(d.StartsAt, d.EndsAt) }

// DateParticipant is a participant as staff see it on a date's list, with
// the booking it belongs to.
type DateParticipant struct {
	ID            int64
	BookingID     int64
	Ref           string
	Name          string
	Email         string
	JobTitle      string
	Diet          string
	Accessibility string
	Status        string
	WaitlistPos   int
	Binding       bool
	SubstituteFor string
	CancelReason  string
	OrgName       string
	Department    string
	BookerName    string
	BookerEmail   string
	BookerPhone   string
	EAN           string
	CVR           string
	Reference     string
	PriceOre      int64
	CreatedAt     time.Time
	CancelledAt   *time.Time
	Charged       bool      // cancelled, still to be paid
	OfferUntil    time.Time // an open offer of a seat runs out then; zero when none
}

// SearchHit is one participant of a booking that matched a staff search.
type SearchHit struct {
	BookingID   int64
	Ref         string
	BookerName  string
	BookerEmail string
	OrgName     string
	EAN         string
	Reference   string
	Name        string
	Email       string
	Status      string
	DateID      int64
	CourseTitle string
	StartsAt    time.Time
}

// InvoiceLine is one participant on one date to invoice.
type InvoiceLine struct {
	Name        string
	CourseTitle string
	StartsAt    time.Time
	PriceOre    int64 // excl. VAT, after any bundle discount
	VATOre      int64
}

// InvoiceItem is a booking to invoice with its lines and totals.
type InvoiceItem struct {
	BookingID      int64
	Ref            string
	OrgName        string
	Department     string
	BookerName     string
	BookerEmail    string
	EAN            string
	CVR            string
	InvoiceAddress string
	Reference      string
	FirstStart     time.Time
	DueAt          time.Time // when the invoice is due: InvoiceLead before FirstStart
	Lines          []InvoiceLine
	ExclOre        int64
	VATOre         int64
	InclOre        int64
	byRate         map[int]int64
}

// AddLine adds a line at a VAT rate, with VAT on each rate's sum as the
// invoice computes it.
func (it *InvoiceItem) AddLine(l InvoiceLine, rateBP int) {
	if it.byRate == nil {
		it.byRate = map[int]int64{}
	}
	before := it.byRate[rateBP]
	it.byRate[rateBP] += l.PriceOre
	vat := VAT(it.byRate[rateBP], rateBP) - VAT(before, rateBP)
	l.VATOre = vat
	it.Lines = append(it.Lines, l)
	it.ExclOre += l.PriceOre
	it.VATOre += vat
	it.InclOre = it.ExclOre + it.VATOre
}
