package booking

import (
	"slices"
	"strings"
	"time"

	"kursuskatalog/internal/catalog"
)

// Person is one participant as the booker typed them.
type Person struct {
	Name, Email, JobTitle, Diet, Accessibility string
	Stay                                       Stay // kept on dates of residential courses only
}

// Booker is who books and how the booking is invoiced.
type Booker struct {
	Name, Email, Phone               string
	OrgName, Department              string
	EAN, CVR                         string // digits; one of them
	InvoiceAddress, InvoiceReference string
	Comment                          string
}

// Request is a checked enrolment: every person on every date.
type Request struct {
	DateIDs []int64
	People  []Person
}

// Place is where one person of a request goes on one date, and its price.
type Place struct {
	Person  int // index into Request.People
	DateID  int64
	Seat    bool // a seat; false: the end of the waiting list
	Binding bool // a seat taken after the deadline: binding at once
	// Residential: the date's course has an overnight stay, so the
	// person's Stay is kept with the place.
	Residential bool
	Line        // the price of this person on this date
}

// Plan is what a request becomes: its places, person by person and date
// by date in start order, and its totals.
type Plan struct {
	Places []Place
	Totals
}

// Ledger is what placing requests must know, as read (and locked) in the
// transaction that books them: the dates with their seats taken, who is
// on them already, and the bundle offers of their courses. Placing a
// request counts its seats and people in, so requests placed one after
// another see each other, as bookings made one after another would.
type Ledger struct {
	dates  []BookedDate // in start order
	people map[onDate]string
	offers []catalog.BundleOffer
}

type onDate struct {
	date  int64
	email string // lower case
}

// Holder is a participant already on a date (waiting or seated).
type Holder struct {
	DateID int64
	Email  string
}

// NewLedger starts a ledger from the locked dates (any order), the people
// already on them and the bundle offers of their courses.
func NewLedger(dates []BookedDate, holders []Holder, offers []catalog.BundleOffer) *Ledger {
	l := &Ledger{dates: slices.Clone(dates), people: make(map[onDate]string, len(holders)), offers: offers}
	slices.SortStableFunc(l.dates, func(a, b BookedDate) int { return a.StartsAt.Compare(b.StartsAt) })
	for _, h := range holders {
		l.people[onDate{h.DateID, strings.ToLower(h.Email)}] = h.Email
	}
	return l
}

// Place plans req at now. A date must take enrolments (PhaseOf). Nobody
// may be on a date twice (e-mail, any letter case). Each person gets a
// seat while the date has one, else a place at the end of its waiting
// list, before the deadline and after it. A seat taken after the deadline
// binds at once; a waiting place never does. The price is Price's for
// these people and dates at now.
func (l *Ledger) Place(req Request, now time.Time) (Plan, error) {
	mine, err := l.datesOf(req.DateIDs)
	if err != nil {
		return Plan{}, err
	}
	if err := l.check(req, mine, now); err != nil {
		return Plan{}, err
	}
	q := Price(lineInputs(mine, len(req.People)), l.offers, now)
	plan := Plan{Places: make([]Place, len(q.Lines)), Totals: q.Totals}
	for i, line := range q.Lines {
		d := mine[i%len(mine)]
		p := req.People[line.Participant]
		seat := d.SeatsTaken < d.Capacity
		if seat {
			d.SeatsTaken++
		}
		l.people[onDate{d.ID, strings.ToLower(p.Email)}] = p.Email
		plan.Places[i] = Place{Person: line.Participant, DateID: d.ID, Seat: seat,
			Binding: seat && !now.Before(DeadlineEnd(d.Deadline)), Residential: d.Residential, Line: line}
	}
	return plan, nil
}

// datesOf returns the ledger's dates with these ids, in start order.
func (l *Ledger) datesOf(ids []int64) ([]*BookedDate, error) {
	var mine []*BookedDate
	for k := range l.dates {
		if slices.Contains(ids, l.dates[k].ID) {
			mine = append(mine, &l.dates[k])
		}
	}
	if len(mine) != len(ids) || len(ids) == 0 {
		return nil, ErrUnknownDate
	}
	return mine, nil
}

// check refuses a request that a date cannot take or whose people are on
// a date already.
func (l *Ledger) check(req Request, mine []*BookedDate, now time.Time) error {
	for _, d := range mine {
		if p := PhaseOf(d.CourseDate, now); !p.CanEnrol() {
			return &DateClosedError{Date: *d, Phase: p}
		}
	}
	for _, d := range mine {
		for _, p := range req.People {
			if email, ok := l.people[onDate{d.ID, strings.ToLower(p.Email)}]; ok {
				return &AlreadyBookedError{Email: email, Date: *d}
			}
		}
	}
	return nil
}

// PriceDates prices people × dates as a booking made at now would be.
func PriceDates(dates []BookedDate, people int, offers []catalog.BundleOffer, now time.Time) Quote {
	ptrs := make([]*BookedDate, len(dates))
	for i := range dates {
		ptrs[i] = &dates[i]
	}
	return Price(lineInputs(ptrs, people), offers, now)
}

// lineInputs lists the lines person by person: person 0 on every date,
// then person 1, …
func lineInputs(dates []*BookedDate, people int) []LineInput {
	lines := make([]LineInput, 0, len(dates)*people)
	for p := 0; p < people; p++ {
		for _, d := range dates {
			lines = append(lines, LineInput{Participant: p, CourseID: d.CourseID, ListOre: d.PriceOre, VATRateBP: d.VATRateBP})
		}
	}
	return lines
}
