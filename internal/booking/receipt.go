package booking

import (
	"time"

	"kursuskatalog/internal/catalog"
)

// Participant statuses as stored.
const (
	StatusConfirmed  = "confirmed"
	StatusWaitlisted = "waitlisted"
	StatusCancelled  = "cancelled"
)

// StatusLabel is the Danish status of a participant on a date.
func StatusLabel(status string, waitlistPos int) string {
	switch status {
	case StatusConfirmed:
		return "Bekræftet"
	case StatusWaitlisted:
		if waitlistPos > 0 {
			return "Venteliste nr. " + itoa(waitlistPos)
		}
		return "Venteliste"
	case StatusCancelled:
		return "Afmeldt"
	}
	return status
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

// BookedDate is a date as a booking sees it: with its course.
type BookedDate struct {
	catalog.CourseDate
	CourseTitle string
	CourseSlug  string
	PriceOre    int64 // the course's current list price excl. VAT
	VATRateBP   int
	// Residential: the course includes an overnight stay.
	Residential bool
	// ReminderDays: the practical information goes this many days before
	// the start (0: none).
	ReminderDays int
}

// Seat is one participant on one date of a booking.
type Seat struct {
	ID            int64
	DateID        int64
	Name          string
	Email         string
	JobTitle      string
	Diet          string
	Accessibility string
	Status        string
	WaitlistPos   int // 1-based place on the date's waiting list; 0 when not waiting
	Binding       bool
	ListOre       int64
	PriceOre      int64
	VATRateBP     int
	VATOre        int64
	OfferID       int64
	SubstituteFor string
	CancelReason  string
	// Charged: cancelled but still to be paid (binding, and nobody from
	// the waiting list has taken the seat).
	Charged bool
	// Person numbers the people of a booking as typed (1, 2, …), so that
	// a person's seats are known together after a substitute took one; 0
	// for rows made without it, which go by e-mail.
	Person int
	// OfferUntil is when an open offer of a seat to this waiting
	// participant runs out; zero when they have none.
	OfferUntil time.Time
}

// Receipt is a whole booking as the receipt, the manage page and the mails
// show it.
type Receipt struct {
	ID               int64
	Ref              string
	CreatedAt        time.Time
	BookerName       string
	BookerEmail      string
	BookerPhone      string
	OrgName          string
	Department       string
	EAN              string
	CVR              string
	InvoiceAddress   string
	InvoiceReference string
	Comment          string
	Totals                        // as booked; Owed(Seats) is what it costs now
	Dates            []BookedDate // in start order
	Seats            []Seat       // by date, then in the order they were typed
}

// Date returns the booked date with id.
func (r Receipt) Date(id int64) BookedDate {
	for _, d := range r.Dates {
		if d.ID == id {
			return d
		}
	}
	return BookedDate{}
}

// SeatsOn returns the seats on one date.
func (r Receipt) SeatsOn(dateID int64) []Seat {
	var out []Seat
	for _, s := range r.Seats {
		if s.DateID == dateID {
			out = append(out, s)
		}
	}
	return out
}

// People returns the distinct participant e-mails in first-seen order, with
// the name last used for each.
func (r Receipt) People() []Seat {
	var out []Seat
	idx := map[string]int{}
	for _, s := range r.Seats {
		if i, ok := idx[s.Email]; ok {
			out[i].Name = s.Name
			continue
		}
		idx[s.Email] = len(out)
		out = append(out, s)
	}
	return out
}

// CanSubstitute says whether a substitute may still be named: until the
// course starts.
func CanSubstitute(d catalog.CourseDate, now time.Time) bool {
	return now.Before(d.StartsAt) && d.Status != catalog.DateCancelled
}
