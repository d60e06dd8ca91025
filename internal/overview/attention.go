// Package overview holds the staff overview's rules and figures: what
// needs attention now, and the statistics, computed from plain rows the
// store reads. Pure: no I/O, table-tested.
package overview

import (
	"math"
	"sort"
	"time"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/catalog"
)

// MinimumWarningDays is how many days before its deadline a date below its
// minimum is flagged: time enough to market it or to call it off before
// enrolments bind.
const MinimumWarningDays = 14

// Week is the Copenhagen week (Monday 00:00 to the next Monday) that holds t.
func Week(t time.Time) (start, end time.Time) {
	l := t.In(catalog.Copenhagen)
	back := (int(l.Weekday()) + 6) % 7 // days since Monday
	y, m, d := l.Date()
	start = time.Date(y, m, d-back, 0, 0, 0, 0, catalog.Copenhagen)
	return start, start.AddDate(0, 0, 7)
}

// Inquiry is an inquiry as the overview weighs it.
type Inquiry struct {
	ID          int64
	Kind        string
	Name        string
	CourseTitle string
	State       string // new or handled
	Replies     int
	CreatedAt   time.Time
}

// Unanswered says whether an inquiry waits for COK: new and not replied to.
func (q Inquiry) Unanswered() bool { return q.State != "handled" && q.Replies == 0 }

// WaitlistItem is a date with people waiting that staff should act on.
type WaitlistItem struct {
	Date      booking.DateOverview
	FreeSeats int
	// OfferExpires is when the soonest open offer of a seat on the date
	// runs out; zero while there is none. A date with an offer expiring
	// within a day is listed too (see Attend).
	OfferExpires time.Time
}

// Invoices sums up the bookings the invoice worklist has due by a day.
type Invoices struct {
	Count   int
	InclOre int64
	Until   time.Time // due: a date of the booking starts before this
}

// Attention is what needs doing, most urgent first within each list.
type Attention struct {
	Inquiries    []Inquiry
	Waitlists    []WaitlistItem
	BelowMinimum []booking.DateOverview
	Deadlines    []booking.DateOverview // deadline this week
	Invoices     Invoices
}

// Empty says whether nothing needs attention.
func (a Attention) Empty() bool {
	return len(a.Inquiries) == 0 && len(a.Waitlists) == 0 && len(a.BelowMinimum) == 0 &&
		len(a.Deadlines) == 0 && a.Invoices.Count == 0
}

// OfferSoon is how close to expiry an open offer is flagged.
const OfferSoon = 24 * time.Hour

// Attend picks from the upcoming dates and the inquiries what needs
// attention at now: unanswered inquiries (oldest first); dates with people
// waiting and a seat free, or an offer about to expire; dates below their
// minimum within MinimumWarningDays of the deadline (or past it, not started);
// and dates whose deadline falls in this week. Cancelled and started
// dates need nothing.
func Attend(now time.Time, dates []WaitlistItem, inquiries []Inquiry) Attention {
	var a Attention
	for _, q := range inquiries {
		if q.Unanswered() {
			a.Inquiries = append(a.Inquiries, q)
		}
	}
	sort.SliceStable(a.Inquiries, func(i, j int) bool { return a.Inquiries[i].CreatedAt.Before(a.Inquiries[j].CreatedAt) })
	weekStart, weekEnd := Week(now)
	for _, it := range dates {
		d := it.Date
		if d.Status != catalog.DatePlanned || !now.Before(d.StartsAt) {
			continue
		}
		it.FreeSeats = d.SeatsLeft()
		offerSoon := !it.OfferExpires.IsZero() && it.OfferExpires.Sub(now) <= OfferSoon
		if d.Waiting > 0 && (it.FreeSeats > 0 || offerSoon) {
			a.Waitlists = append(a.Waitlists, it)
		}
		if BelowMinimum(d, now) {
			a.BelowMinimum = append(a.BelowMinimum, d)
		}
		if day := localDay(d.Deadline); !day.Before(weekStart) && day.Before(weekEnd) {
			a.Deadlines = append(a.Deadlines, d)
		}
	}
	byStart := func(ds []booking.DateOverview) {
		sort.SliceStable(ds, func(i, j int) bool { return ds[i].StartsAt.Before(ds[j].StartsAt) })
	}
	byStart(a.BelowMinimum)
	sort.SliceStable(a.Deadlines, func(i, j int) bool { return a.Deadlines[i].Deadline.Before(a.Deadlines[j].Deadline) })
	sort.SliceStable(a.Waitlists, func(i, j int) bool { return a.Waitlists[i].Date.StartsAt.Before(a.Waitlists[j].Date.StartsAt) })
	return a
}

// BelowMinimum says whether a planned date that has not started has fewer
// confirmed participants than its minimum, with its deadline at most
// MinimumWarningDays away (or passed).
func BelowMinimum(d booking.DateOverview, now time.Time) bool {
	if d.Minimum == 0 || d.SeatsTaken >= d.Minimum || d.Status != catalog.DatePlanned || !now.Before(d.StartsAt) {
		return false
	}
	y, m, dd := now.In(catalog.Copenhagen).Date()
	today := time.Date(y, m, dd, 0, 0, 0, 0, catalog.Copenhagen)
	// Rounded: a span over a change to or from summer time is an hour off.
	return int(math.Round(localDay(d.Deadline).Sub(today).Hours()/24)) <= MinimumWarningDays
}

// localDay is a calendar day (stored as midnight UTC) as midnight in
// Copenhagen.
func localDay(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, catalog.Copenhagen)
}
