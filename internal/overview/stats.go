package overview

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"time"

	"kursuskatalog/internal/catalog"
)

// The statistics are computed here from rows the store sums up in SQL.

// Period is a span of whole months in Copenhagen: From's month to To's,
// both included.
type Period struct {
	From, To time.Time // the first day of each month, Copenhagen midnight
}

// DefaultPeriod is the last twelve months and the next six: what was sold
// and what is booked ahead.
func DefaultPeriod(now time.Time) Period {
	m := MonthOf(now)
	return Period{From: m.AddDate(0, -11, 0), To: m.AddDate(0, 6, 0)}
}

// MonthOf is the first moment of t's month in Copenhagen.
func MonthOf(t time.Time) time.Time {
	y, m, _ := t.In(catalog.Copenhagen).Date()
	return time.Date(y, m, 1, 0, 0, 0, 0, catalog.Copenhagen)
}

// End is the first moment after the period.
func (p Period) End() time.Time { return p.To.AddDate(0, 1, 0) }

// Months lists the period's months in order.
func (p Period) Months() []time.Time {
	var out []time.Time
	for m := p.From; !m.After(p.To); m = m.AddDate(0, 1, 0) {
		out = append(out, m)
	}
	return out
}

// MonthLabel is a month as "jan. 2027".
func MonthLabel(m time.Time) string {
	return catalog.MonthName(m.Month())[:3] + ". " + m.Format("2006")
}

// MonthValue is a figure for one month.
type MonthValue struct {
	Month time.Time
	Value int64
}

// FillMonths puts values on every month of the period, 0 where none.
func FillMonths(p Period, values []MonthValue) []MonthValue {
	by := map[string]int64{}
	for _, v := range values {
		by[MonthOf(v.Month).Format("2006-01")] += v.Value
	}
	out := make([]MonthValue, 0, 24)
	for _, m := range p.Months() {
		out = append(out, MonthValue{Month: m, Value: by[m.Format("2006-01")]})
	}
	return out
}

// DateFill is one date's seats and seats taken.
type DateFill struct {
	DateID      int64
	CourseID    int64
	CourseTitle string
	StartsAt    time.Time
	City        string
	Capacity    int
	Taken       int
}

// Rate is the share of seats taken, in per mille (0–1000).
func Rate(taken, capacity int) int {
	if capacity <= 0 {
		return 0
	}
	return (taken*1000 + capacity/2) / capacity
}

// CourseFill sums up a course's dates.
type CourseFill struct {
	CourseID    int64
	CourseTitle string
	Dates       int
	Capacity    int
	Taken       int
}

// Rate is the course's share of seats taken over its dates, per mille.
func (c CourseFill) Rate() int { return Rate(c.Taken, c.Capacity) }

// FillByCourse sums the dates up per course, most seats first.
func FillByCourse(dates []DateFill) []CourseFill {
	idx := map[int64]int{}
	var out []CourseFill
	for _, d := range dates {
		i, ok := idx[d.CourseID]
		if !ok {
			i = len(out)
			idx[d.CourseID] = i
			out = append(out, CourseFill{CourseID: d.CourseID, CourseTitle: d.CourseTitle})
		}
		out[i].Dates++
		out[i].Capacity += d.Capacity
		out[i].Taken += d.Taken
	}
	slices.SortStableFunc(out, func(a, b CourseFill) int { return mostFirst(a.Capacity, b.Capacity, a.CourseTitle, b.CourseTitle) })
	return out
}

// Count is a figure under a name.
type Count struct {
	Name  string
	Value int64
}

// OrgCount is how many participants an organisation had.
type OrgCount struct {
	Org          string
	Participants int64
}

// ByMunicipality sums participants per municipality and per region, most
// first; organisations that name no municipality are "Andre".
func ByMunicipality(orgs []OrgCount) (municipalities, regions []Count) {
	m, r := map[string]int64{}, map[string]int64{}
	for _, o := range orgs {
		name, region, ok := Municipality(o.Org)
		if !ok {
			name, region = "Andre", ""
		}
		m[name] += o.Participants
		if region == "" {
			r["Andre"] += o.Participants
		} else {
			r[catalog.RegionName(region)] += o.Participants
		}
	}
	return sorted(m), sorted(r)
}

// sorted lists counts most first, then by name; "Andre" last.
func sorted(by map[string]int64) []Count {
	out := make([]Count, 0, len(by))
	for n, v := range by {
		out = append(out, Count{n, v})
	}
	sort.Slice(out, func(i, j int) bool {
		if (out[i].Name == "Andre") != (out[j].Name == "Andre") {
			return out[j].Name == "Andre"
		}
		if out[i].Value != out[j].Value {
			return out[i].Value > out[j].Value
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// TopicRevenue is revenue excl. VAT of the courses under one topic.
type TopicRevenue struct {
	Topic   string
	ExclOre int64
}

// SortTopics lists topics by revenue, most first.
func SortTopics(rows []TopicRevenue) []TopicRevenue {
	out := append([]TopicRevenue(nil), rows...)
	slices.SortStableFunc(out, func(a, b TopicRevenue) int { return mostFirst(a.ExclOre, b.ExclOre, a.Topic, b.Topic) })
	return out
}

// Demand is a course's waiting list now: a signal for another date.
type Demand struct {
	CourseID    int64
	CourseTitle string
	Waiting     int // on the waiting lists of its upcoming dates
	FullDates   int // upcoming dates with no seat left
	Dates       int // upcoming planned dates
	FreeSeats   int // seats left on them
}

// NeedsDate says whether a course's waiting list is longer than its free
// seats: more want it than its planned dates can take.
func (d Demand) NeedsDate() bool { return d.Waiting > d.FreeSeats }

// SortDemand lists courses with people waiting, longest list first.
func SortDemand(rows []Demand) []Demand {
	var out []Demand
	for _, d := range rows {
		if d.Waiting > 0 {
			out = append(out, d)
		}
	}
	slices.SortStableFunc(out, func(a, b Demand) int { return mostFirst(a.Waiting, b.Waiting, a.CourseTitle, b.CourseTitle) })
	return out
}

// mostFirst orders by a figure, largest first, then by name.
func mostFirst[N cmp.Ordered](a, b N, aName, bName string) int {
	return cmp.Or(cmp.Compare(b, a), strings.Compare(aName, bName))
}
