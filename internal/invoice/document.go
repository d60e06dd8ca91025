// Package invoice makes COK's invoices and credit notes (fakturaer og
// kreditnotaer) from plain values: the lines and totals, exact in øre, with
// VAT worked out per rate; OIOUBL 2.1 XML for customers with an EAN; a PDF
// for everyone (it is what a CVR customer gets by mail, and what people
// read); and the outbox folder an access point's file gateway takes the
// XML from. It does no database work.
package invoice

import (
	"crypto/rand"
	"fmt"
	"time"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/catalog"
)

// Kind is an invoice or a credit note, as stored.
type Kind string

const (
	KindInvoice    Kind = "invoice"
	KindCreditNote Kind = "credit_note"
)

// Label is the Danish name of the kind.
func (k Kind) Label() string {
	if k == KindCreditNote {
		return "Kreditnota"
	}
	return "Faktura"
}

// Supplier is COK as the documents name it.
type Supplier struct {
	Name        string
	CVR         string // 8 digits
	Address     Address
	Email       string
	Phone       string
	BankReg     string // the bank's registration number (4 digits)
	BankAccount string // the account number (up to 10 digits)
	PaymentDays int    // days from issue to payment
}

// Customer is who is billed, as the booking had it when the document was
// issued.
type Customer struct {
	Name       string // the organisation
	Department string
	EAN        string // GLN: the document goes to this endpoint
	CVR        string // without an EAN: a PDF by mail
	Address    string // as typed
	// Reference is what the booker gave for the invoice (the
	// municipality's order or person reference); the booking's number
	// stands in when none was given.
	Reference    string
	ContactName  string
	ContactEmail string
	ContactPhone string
}

// Line is one participant on one date.
type Line struct {
	No          int
	SeatID      int64
	Participant string
	CourseTitle string
	StartsAt    time.Time
	EndsAt      time.Time
	ListOre     int64 // the course's price excl. VAT
	PriceOre    int64 // what is billed excl. VAT: the list price less any bundle discount
	VATRateBP   int   // 2500 is 25 %
	VATOre      int64 // the line's share of its rate's VAT (see Sum)
	CreditsLine int   // on a credit note: the credited invoice's line
}

// DiscountOre is the bundle discount of the line.
func (l Line) DiscountOre() int64 { return l.ListOre - l.PriceOre }

// Dates is when the course runs, in Copenhagen: "03.03.2027" or
// "03.03.2027-04.03.2027".
func (l Line) Dates() string {
	if catalog.SameDay(l.StartsAt, l.EndsAt) || l.EndsAt.IsZero() {
		return catalog.FormatDate(l.StartsAt.In(catalog.Copenhagen))
	}
	return catalog.FormatDate(l.StartsAt.In(catalog.Copenhagen)) + "-" + catalog.FormatDate(l.EndsAt.In(catalog.Copenhagen))
}

// Subtotal is the lines of one VAT rate.
type Subtotal struct {
	RateBP     int
	TaxableOre int64
	VATOre     int64
}

// Ref names an issued invoice, as a credit note refers to it.
type Ref struct {
	Number   string
	UUID     string
	IssuedAt time.Time
}

// Document is an invoice or a credit note.
type Document struct {
	Kind       Kind
	Number     string // "2027-00042"
	UUID       string
	IssuedAt   time.Time
	DueDate    time.Time // invoices: when payment is due
	BookingRef string    // "COK-2027-00042"
	BookedAt   time.Time
	Supplier   Supplier
	Customer   Customer
	Lines      []Line
	Credits    Ref    // a credit note: the invoice it credits
	Reason     string // a credit note: why
	Subtotals  []Subtotal
	ListOre    int64
	ExclOre    int64
	VATOre     int64
	InclOre    int64
}

// Sum numbers the lines and works out VAT and totals. VAT is computed on
// each rate's sum, rounded half up to whole øre, as the law has it for an
// invoice; each line gets the difference its amount makes to that sum
// (booking.Price's rule), so the lines add up to the totals exactly.
func (d *Document) Sum() {
	d.Subtotals, d.ListOre, d.ExclOre, d.VATOre = nil, 0, 0, 0
	at := map[int]int{}
	for i := range d.Lines {
		l := &d.Lines[i]
		l.No = i + 1
		k, ok := at[l.VATRateBP]
		if !ok {
			k = len(d.Subtotals)
			at[l.VATRateBP] = k
			d.Subtotals = append(d.Subtotals, Subtotal{RateBP: l.VATRateBP})
		}
		st := &d.Subtotals[k]
		before := st.TaxableOre
		st.TaxableOre += l.PriceOre
		l.VATOre = booking.VAT(st.TaxableOre, l.VATRateBP) - booking.VAT(before, l.VATRateBP)
		st.VATOre += l.VATOre
		d.ListOre += l.ListOre
		d.ExclOre += l.PriceOre
		d.VATOre += l.VATOre
	}
	d.InclOre = d.ExclOre + d.VATOre
}

// Number is a document's number: the year and its place in the year's
// series, which invoices and credit notes share.
func Number(year, seq int) string { return fmt.Sprintf("%d-%05d", year, seq) }

// NewUUID is a random (version 4) UUID for a document.
func NewUUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}

// FileName is the name of the document's file of the given extension:
// "faktura-2027-00042.xml".
func (d Document) FileName(ext string) string {
	if d.Kind == KindCreditNote {
		return "kreditnota-" + d.Number + "." + ext
	}
	return "faktura-" + d.Number + "." + ext
}

// PaymentDue is the due date of an invoice issued at t for s.
func (s Supplier) PaymentDue(t time.Time) time.Time {
	y, m, d := t.In(catalog.Copenhagen).Date()
	return time.Date(y, m, d+s.PaymentDays, 0, 0, 0, 0, catalog.Copenhagen)
}

// DefaultSupplier is COK as the documents name it unless the
// configuration says otherwise (INVOICE_* in the README): the bank
// account and CVR number are placeholders to be set in production.
var DefaultSupplier = Supplier{
	Name:        "COK – Center for Offentlig Kompetenceudvikling",
	CVR:         "12345674",
	Address:     ParseAddress("Vester Farimagsgade 1, 1606 København V"),
	Email:       "kurser@cok.dk",
	Phone:       "+45 33 70 12 00",
	BankReg:     "1234",
	BankAccount: "1234567890",
	PaymentDays: 30,
}
