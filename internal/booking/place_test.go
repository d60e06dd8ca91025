package booking

import (
	"errors"
	"testing"
	"time"

	"kursuskatalog/internal/catalog"
)

// testDate is a planned date of course id with capacity seats, taken of
// them taken, starting 3 March 2027 with its deadline on 25 January.
func testDate(id, course int64, capacity, taken int) BookedDate {
	start := time.Date(2027, 3, 3, 8, 45, 0, 0, catalog.Copenhagen).Add(time.Duration(id) * time.Hour)
	return BookedDate{
		CourseDate: catalog.CourseDate{ID: id, CourseID: course, StartsAt: start, EndsAt: start.Add(30 * time.Hour),
			Deadline: time.Date(2027, 1, 25, 0, 0, 0, 0, time.UTC), Capacity: capacity, SeatsTaken: taken,
			Status: catalog.DatePlanned},
		CourseTitle: "Kursus", PriceOre: 675000, VATRateBP: 2500,
	}
}

var (
	beforeDeadline = time.Date(2027, 1, 10, 12, 0, 0, 0, catalog.Copenhagen)
	afterDeadline  = time.Date(2027, 2, 1, 12, 0, 0, 0, catalog.Copenhagen)
)

func people(emails ...string) []Person {
	var out []Person
	for _, e := range emails {
		out = append(out, Person{Name: "Deltager " + e, Email: e})
	}
	return out
}

type placed struct {
	date          int64
	seat, binding bool
}

func placesOf(p Plan) []placed {
	var out []placed
	for _, pl := range p.Places {
		out = append(out, placed{pl.DateID, pl.Seat, pl.Binding})
	}
	return out
}

func TestPlace(t *testing.T) {
	bundle := catalog.BundleOffer{ID: 9, PriceOre: 999500, LastDay: time.Date(2027, 1, 25, 0, 0, 0, 0, time.UTC),
		Courses: []catalog.BundleCourse{{CourseID: 1}, {CourseID: 2}}}
	tests := []struct {
		name    string
		dates   []BookedDate
		holders []Holder
		offers  []catalog.BundleOffer
		req     Request
		now     time.Time
		want    []placed
		exclOre int64
		err     string // the kind of error wanted (errKind), "" for none
	}{
		{
			name:  "seats while there are seats, then the waiting list",
			dates: []BookedDate{testDate(1, 1, 2, 1)},
			req:   Request{DateIDs: []int64{1}, People: people("a@x.dk", "b@x.dk")},
			now:   beforeDeadline,
			want:  []placed{{1, true, false}, {1, false, false}},
		},
		{
			name:  "person by person, dates in start order",
			dates: []BookedDate{testDate(2, 2, 10, 0), testDate(1, 1, 10, 0)},
			req:   Request{DateIDs: []int64{2, 1}, People: people("a@x.dk", "b@x.dk")},
			now:   beforeDeadline,
			want:  []placed{{1, true, false}, {2, true, false}, {1, true, false}, {2, true, false}},
		},
		{
			name:  "after the deadline a seat binds at once",
			dates: []BookedDate{testDate(1, 1, 10, 0)},
			req:   Request{DateIDs: []int64{1}, People: people("a@x.dk")},
			now:   afterDeadline,
			want:  []placed{{1, true, true}},
		},
		{
			name:  "after the deadline the last seat binds and the next waits, not bound",
			dates: []BookedDate{testDate(1, 1, 10, 9)},
			req:   Request{DateIDs: []int64{1}, People: people("a@x.dk", "b@x.dk")},
			now:   afterDeadline,
			want:  []placed{{1, true, true}, {1, false, false}},
		},
		{
			name:  "a full date after the deadline takes the waiting list",
			dates: []BookedDate{testDate(1, 1, 10, 10)},
			req:   Request{DateIDs: []int64{1}, People: people("a@x.dk")},
			now:   afterDeadline,
			want:  []placed{{1, false, false}},
		},
		{
			name:  "a started date takes nobody",
			dates: []BookedDate{testDate(1, 1, 10, 0)},
			req:   Request{DateIDs: []int64{1}, People: people("a@x.dk")},
			now:   time.Date(2027, 3, 4, 0, 0, 0, 0, catalog.Copenhagen),
			err:   "closed",
		},
		{
			name:    "someone already on the date, in other letter case",
			dates:   []BookedDate{testDate(1, 1, 10, 1)},
			holders: []Holder{{DateID: 1, Email: "a@x.dk"}},
			req:     Request{DateIDs: []int64{1}, People: people("A@X.dk")},
			now:     beforeDeadline,
			err:     "already",
		},
		{
			name:  "a date that is not there",
			dates: []BookedDate{testDate(1, 1, 10, 0)},
			req:   Request{DateIDs: []int64{1, 5}, People: people("a@x.dk")},
			now:   beforeDeadline,
			err:   "unknown date",
		},
		{
			name:    "a bundle prices both courses together",
			dates:   []BookedDate{testDate(1, 1, 10, 0), testDate(2, 2, 10, 0)},
			offers:  []catalog.BundleOffer{bundle},
			req:     Request{DateIDs: []int64{1, 2}, People: people("a@x.dk")},
			now:     beforeDeadline,
			want:    []placed{{1, true, false}, {2, true, false}},
			exclOre: 999500,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := NewLedger(tt.dates, tt.holders, tt.offers)
			plan, err := l.Place(tt.req, tt.now)
			if got := errKind(err); got != tt.err {
				t.Fatalf("error %v (%q), want %q", err, got, tt.err)
			}
			if err != nil {
				return
			}
			got := placesOf(plan)
			if len(got) != len(tt.want) {
				t.Fatalf("places = %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Fatalf("places = %v, want %v", got, tt.want)
				}
			}
			if tt.exclOre != 0 && plan.ExclOre != tt.exclOre {
				t.Fatalf("excl = %d, want %d", plan.ExclOre, tt.exclOre)
			}
		})
	}
}

// errKind names the kind of a placing error.
func errKind(err error) string {
	var closed *DateClosedError
	var already *AlreadyBookedError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &closed):
		return "closed"
	case errors.As(err, &already):
		return "already"
	case errors.Is(err, ErrUnknownDate):
		return "unknown date"
	}
	return err.Error()
}

// Requests placed one after another on one ledger see each other's seats
// and people, as bookings made one after another would.
func TestPlaceCountsEarlierRequests(t *testing.T) {
	l := NewLedger([]BookedDate{testDate(1, 1, 2, 0)}, nil, nil)
	first, err := l.Place(Request{DateIDs: []int64{1}, People: people("a@x.dk", "b@x.dk")}, beforeDeadline)
	if err != nil {
		t.Fatal(err)
	}
	second, err := l.Place(Request{DateIDs: []int64{1}, People: people("c@x.dk")}, beforeDeadline)
	if err != nil {
		t.Fatal(err)
	}
	if !first.Places[0].Seat || !first.Places[1].Seat || second.Places[0].Seat {
		t.Fatalf("seats: first %v, second %v; want two seats, then the waiting list", placesOf(first), placesOf(second))
	}
	var twice *AlreadyBookedError
	if _, err := l.Place(Request{DateIDs: []int64{1}, People: people("B@x.dk")}, beforeDeadline); !errors.As(err, &twice) || twice.Email != "b@x.dk" {
		t.Fatalf("same person again: %v, want AlreadyBookedError for b@x.dk", err)
	}
}
