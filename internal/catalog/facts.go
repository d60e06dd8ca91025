package catalog

import (
	"cmp"
	"math/bits"
	"slices"
	"strings"
	"time"
)

// Facts are what the catalogue's filters, counts and sort orders need to
// know of every published course: its title, price, type and topics, and
// where and when its upcoming dates are and whether they have free seats.
// The store keeps them in memory and reads them again when the catalogue
// changes, so that a search counts its facets in Go over a few bytes per
// date instead of summing up every upcoming date in SQL (at 20,000 courses
// and 80,000 dates that took 200–400 ms per search).
type Facts struct {
	Topics  []Topic // every topic, for the topic facet
	Courses []CourseFacts
}

// CourseFacts are one published course's facts.
type CourseFacts struct {
	ID         int64
	Title      string
	LowerTitle string // for the title bonus of a search
	PriceOre   int64
	IsModule   bool
	Topics     []int       // indexes into Facts.Topics
	Dates      []DateFacts // planned dates, from some time before now on
}

// DateFacts are one planned date's facts.
type DateFacts struct {
	Start  int64 // Unix nanoseconds
	Month  int32 // the month it starts in, in Copenhagen: MonthNumber
	Region int8  // index into Regions, -1 if the venue has none
	Free   bool  // seats taken < capacity
}

// MonthNumber numbers the month t is in, in Copenhagen: a date's month in
// the facts is a subtraction away from the filter's and the facet's.
func MonthNumber(t time.Time) int32 {
	y, m, _ := t.In(Copenhagen).Date()
	return int32(y)*12 + int32(m) - 1
}

// Match is a course that matches the search words: its index in
// Facts.Courses, its full-text rank and, if it was found only by a title
// within typing distance of the words, that title's similarity to them.
type Match struct {
	Course          int32
	Rank            float32 // as Postgres' ts_rank_cd gives it
	TitleSimilarity float32 // as pg_trgm's word_similarity gives it
}

// Found is what Find gives: the ids of the courses on the filter's page in
// order, how many courses the filter finds, and the counts of every filter
// choice.
type Found struct {
	IDs    []int64
	Total  int
	Facets Facets
}

// Find applies filter f at now to the courses that match the search words
// (all, if matches is nil; none, if it is empty): the courses on f's page, their total and, for
// each choice of each filter, the courses that choice would give with the
// other filters as they are. The region, month and free-seats filters apply
// to one and the same date. programmes is the number of programmes found,
// for the type facet.
func (fs *Facts) Find(f Filter, now time.Time, matches []Match, programmes int) Found {
	nowNs := now.UnixNano()
	// The region filter: an index into Regions, or -2, which no date has,
	// for a region that does not exist.
	region := -2
	if f.Region != "" {
		if i := slices.IndexFunc(Regions, func(r struct{ Slug, Name string }) bool { return r.Slug == f.Region }); i >= 0 {
			region = i
		}
	}
	// The month filter, and the first of the twelve months the month
	// facet counts: month i of them is first+i.
	month := int32(-1)
	if f.Month != "" {
		if start, err := MonthStart(f.Month); err == nil {
			month = MonthNumber(start)
		}
	}
	months := NextMonths(now, 12)
	first := MonthNumber(now)

	topic := -2 // no topic filter; -1 if the filter's topic does not exist
	if f.Topic != "" {
		topic = slices.IndexFunc(fs.Topics, func(t Topic) bool { return t.Slug == f.Topic })
	}
	dateFilter := f.HasDateFilter()
	// The words as a title would hold them: without the quotes of a
	// phrase search.
	lowerQ := strings.TrimSpace(strings.ToLower(strings.ReplaceAll(f.Q, `"`, "")))

	topicCount := make([]int, len(fs.Topics))
	regionCount := make([]int, len(Regions))
	monthCount := make([]int, len(months))
	var courses, modules, free int
	type card struct {
		c    *CourseFacts
		rank float64
		next int64 // 0: none
	}
	// The sort orders; courses without a date go last by date.
	byNext := func(a, b card) int {
		switch {
		case a.next == b.next:
			return 0
		case a.next == 0:
			return 1
		case b.next == 0:
			return -1
		}
		return cmp.Compare(a.next, b.next)
	}
	byTitle := func(a, b card) int {
		if c := strings.Compare(a.c.Title, b.c.Title); c != 0 {
			return c
		}
		return cmp.Compare(a.c.ID, b.c.ID)
	}
	// Each order compares titles only on a tie: the heap compares every
	// course the words match with its worst, and cmp.Or, which takes all
	// comparisons worked out, made that a string comparison each time.
	order := byTitle
	switch f.Sort {
	case SortRelevance:
		order = func(a, b card) int {
			if c := cmp.Compare(b.rank, a.rank); c != 0 {
				return c
			}
			if c := byNext(a, b); c != 0 {
				return c
			}
			return byTitle(a, b)
		}
	case SortDate:
		order = func(a, b card) int {
			if c := byNext(a, b); c != 0 {
				return c
			}
			return byTitle(a, b)
		}
	case SortPrice:
		order = func(a, b card) int {
			if c := cmp.Compare(a.c.PriceOre, b.c.PriceOre); c != 0 {
				return c
			}
			return byTitle(a, b)
		}
	}
	page := max(f.Page, 1)
	shown := firstK[card]{k: page * PageSize, order: order}
	total := 0
	// Only the matches are looked at: a narrow word looks at a few
	// courses, not at all of them.
	visit := func(c *CourseFacts, m Match) {
		// Sum up the course's upcoming dates: the regions (bit i+1 for
		// Regions[i]) and months (bit i for month i) it has a date in that
		// passes the other date filters, whether it has a date with free
		// seats that does, and its first date that passes them all.
		var regions, monthBits uint32
		var hasFree bool
		var next int64
		for _, d := range c.Dates {
			if d.Start <= nowNs {
				continue
			}
			inRegion := f.Region == "" || int(d.Region) == region
			inMonth := f.Month == "" || d.Month == month
			isFree := !f.FreeOnly || d.Free
			if inMonth && isFree && d.Region >= 0 {
				regions |= 1 << (d.Region + 1)
			}
			if b := d.Month - first; inRegion && isFree && b >= 0 && b < int32(len(months)) {
				monthBits |= 1 << b
			}
			if inRegion && inMonth && d.Free {
				hasFree = true
			}
			if inRegion && inMonth && isFree && (next == 0 || d.Start < next) {
				next = d.Start
			}
		}
		fits := !dateFilter || next != 0
		inTopic := topic == -2 || (topic >= 0 && slices.Contains(c.Topics, topic))
		ofType := f.Type == "" || (f.Type == TypeModule && c.IsModule) || (f.Type == TypeCourse && !c.IsModule)

		if ofType && fits {
			for _, t := range c.Topics {
				topicCount[t]++
			}
		}
		if inTopic && ofType {
			for m := regions; m != 0; m &= m - 1 {
				regionCount[bits.TrailingZeros32(m)-1]++
			}
			for m := monthBits; m != 0; m &= m - 1 {
				monthCount[bits.TrailingZeros32(m)]++
			}
			if hasFree {
				free++
			}
		}
		if inTopic && fits {
			if c.IsModule {
				modules++
			} else {
				courses++
			}
		}
		if inTopic && ofType && fits {
			rank := float64(m.Rank)
			if matches != nil {
				// A title that holds the words gets the whole bonus, also
				// when they are part of a compound ("Mødeledelse" for
				// "ledelse"); a title found by a typo gets its similarity.
				if strings.Contains(c.LowerTitle, lowerQ) {
					rank += 1
				} else {
					rank += float64(m.TitleSimilarity)
				}
			}
			shown.push(card{c: c, rank: rank, next: next})
			total++
		}
	}
	if matches == nil {
		for i := range fs.Courses {
			visit(&fs.Courses[i], Match{})
		}
	} else {
		for _, m := range matches {
			visit(&fs.Courses[m.Course], m)
		}
	}

	found := Found{Total: total}
	firsts := shown.sorted()
	for i := (page - 1) * PageSize; i < len(firsts); i++ {
		found.IDs = append(found.IDs, firsts[i].c.ID)
	}

	fc := &found.Facets
	for i, t := range fs.Topics {
		fc.Topics = append(fc.Topics, FacetValue{Value: t.Slug, Label: t.Name, Count: topicCount[i]})
	}
	slices.SortFunc(fc.Topics, func(a, b FacetValue) int { return strings.Compare(a.Label, b.Label) })
	for i, r := range Regions {
		fc.Regions = append(fc.Regions, FacetValue{Value: r.Slug, Label: r.Name, Count: regionCount[i]})
	}
	for i, m := range months {
		fc.Months = append(fc.Months, FacetValue{Value: m, Label: MonthLabel(m), Count: monthCount[i]})
	}
	fc.Types = []FacetValue{
		{Value: TypeCourse, Label: "Kurser", Count: courses},
		{Value: TypeModule, Label: "Moduler i forløb", Count: modules},
		{Value: TypeProgramme, Label: "Forløb", Count: programmes},
	}
	fc.Free = free
	return found
}

// firstK keeps the k first in order of the values pushed to it. Only a
// page is shown: in a heap with the last of the k at its root, most of
// 20,000 courses cost one comparison and no copy, where collecting and
// sorting them all took 10 ms.
type firstK[T any] struct {
	k     int
	order func(a, b T) int
	h     []T
}

func (f *firstK[T]) push(v T) {
	if len(f.h) < f.k {
		f.h = append(f.h, v)
		for i := len(f.h) - 1; i > 0; {
			p := (i - 1) / 2
			if f.order(f.h[i], f.h[p]) <= 0 {
				break
			}
			f.h[i], f.h[p] = f.h[p], f.h[i]
			i = p
		}
		return
	}
	if f.k == 0 || f.order(v, f.h[0]) >= 0 {
		return
	}
	f.h[0] = v
	for i := 0; ; {
		l := 2*i + 1
		if l >= len(f.h) {
			return
		}
		if r := l + 1; r < len(f.h) && f.order(f.h[r], f.h[l]) > 0 {
			l = r
		}
		if f.order(f.h[l], f.h[i]) <= 0 {
			return
		}
		f.h[i], f.h[l] = f.h[l], f.h[i]
		i = l
	}
}

// sorted returns the k first, in order.
func (f *firstK[T]) sorted() []T {
	slices.SortFunc(f.h, f.order)
	return f.h
}
