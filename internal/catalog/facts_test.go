package catalog

import (
	"fmt"
	"slices"
	"testing"
	"time"
)

// factsFixture: now is 23 November 2026.
//
//	1 Politisk forståelse  politik   syddanmark March (free)
//	2 Mødeledelse          ledelse   midtjylland March (full), syddanmark May (free)
//	3 GDPR i praksis       jura      midtjylland April (free), and one in October 2026 (past)
//	4 Modul                jura      module, no dates
func factsFixture() (*Facts, time.Time) {
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, Copenhagen)
	at := func(y int, m time.Month) (int64, int32) {
		t := time.Date(y, m, 10, 9, 0, 0, 0, Copenhagen)
		return t.UnixNano(), MonthNumber(t)
	}
	date := func(y int, m time.Month, region int, free bool) DateFacts {
		start, month := at(y, m)
		return DateFacts{Start: start, Month: month, Region: int8(region), Free: free}
	}
	syd, midt := slices.IndexFunc(Regions, func(r struct{ Slug, Name string }) bool { return r.Slug == "syddanmark" }),
		slices.IndexFunc(Regions, func(r struct{ Slug, Name string }) bool { return r.Slug == "midtjylland" })
	return &Facts{
		Topics: []Topic{{Slug: "politik", Name: "Politik"}, {Slug: "ledelse", Name: "Ledelse"}, {Slug: "jura", Name: "Jura"}},
		Courses: []CourseFacts{
			{ID: 1, Title: "Politisk forståelse", LowerTitle: "politisk forståelse", PriceOre: 675000, Topics: []int{0},
				Dates: []DateFacts{date(2027, 3, syd, true)}},
			{ID: 2, Title: "Mødeledelse", LowerTitle: "mødeledelse", PriceOre: 350000, Topics: []int{1},
				Dates: []DateFacts{date(2027, 3, midt, false), date(2027, 5, syd, true)}},
			{ID: 3, Title: "GDPR i praksis", LowerTitle: "gdpr i praksis", PriceOre: 450000, Topics: []int{2},
				Dates: []DateFacts{date(2026, 10, syd, true), date(2027, 4, midt, true)}},
			{ID: 4, Title: "Modul", LowerTitle: "modul", PriceOre: 500000, IsModule: true, Topics: []int{2}},
		},
	}, now
}

func count(vs []FacetValue, v string) int {
	for _, x := range vs {
		if x.Value == v {
			return x.Count
		}
	}
	return -1
}

func TestFindFiltersOnOneDate(t *testing.T) {
	fs, now := factsFixture()
	tests := []struct {
		name string
		f    Filter
		want []int64
	}{
		{"everything by title", Filter{Sort: SortTitle}, []int64{3, 4, 2, 1}},
		{"region and month are one date", Filter{Region: "syddanmark", Month: "2027-03", Sort: SortTitle}, []int64{1}},
		{"free seats in March", Filter{Month: "2027-03", FreeOnly: true, Sort: SortTitle}, []int64{1}},
		{"a past date does not count", Filter{Region: "syddanmark", Sort: SortTitle}, []int64{2, 1}},
		{"modules", Filter{Type: TypeModule, Sort: SortTitle}, []int64{4}},
		{"courses", Filter{Type: TypeCourse, Sort: SortTitle}, []int64{3, 2, 1}},
		{"programmes hold no courses", Filter{Type: TypeProgramme}, nil},
		{"topic", Filter{Topic: "jura", Sort: SortTitle}, []int64{3, 4}},
		{"unknown topic", Filter{Topic: "astrofysik"}, nil},
		{"unknown region", Filter{Region: "atlantis"}, nil},
		{"impossible combination", Filter{Topic: "politik", Region: "midtjylland"}, nil},
		// The first date that passes the filters decides: Mødeledelse's
		// free date is in May.
		{"by date with free seats", Filter{FreeOnly: true, Sort: SortDate}, []int64{1, 3, 2}},
		{"by date, none last", Filter{Sort: SortDate}, []int64{2, 1, 3, 4}},
		{"by price", Filter{Sort: SortPrice}, []int64{2, 3, 4, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := fs.Find(tt.f, now, nil, 0)
			if !slices.Equal(got.IDs, tt.want) || got.Total != len(tt.want) {
				t.Errorf("found %v (total %d), want %v", got.IDs, got.Total, tt.want)
			}
		})
	}
}

func TestFindCountsEachChoiceWithTheOtherFilters(t *testing.T) {
	fs, now := factsFixture()
	tests := []struct {
		name  string
		f     Filter
		facet func(Facets) []FacetValue
		value string
		want  int
	}{
		{"courses in syddanmark", Filter{}, func(f Facets) []FacetValue { return f.Regions }, "syddanmark", 2},
		{"courses in March", Filter{}, func(f Facets) []FacetValue { return f.Months }, "2027-03", 2},
		{"no month for a past date", Filter{}, func(f Facets) []FacetValue { return f.Months }, "2026-10", -1},
		{"December counts nothing", Filter{}, func(f Facets) []FacetValue { return f.Months }, "2026-12", 0},
		{"jura", Filter{}, func(f Facets) []FacetValue { return f.Topics }, "jura", 2},
		{"topic chosen, other topics still count", Filter{Topic: "jura"}, func(f Facets) []FacetValue { return f.Topics }, "politik", 1},
		{"topic chosen, regions follow it", Filter{Topic: "jura"}, func(f Facets) []FacetValue { return f.Regions }, "midtjylland", 1},
		{"month chosen, topics follow it", Filter{Month: "2027-05"}, func(f Facets) []FacetValue { return f.Topics }, "politik", 0},
		{"region chosen, months follow it", Filter{Region: "syddanmark"}, func(f Facets) []FacetValue { return f.Months }, "2027-03", 1},
		{"free seats chosen, regions follow it", Filter{FreeOnly: true}, func(f Facets) []FacetValue { return f.Regions }, "midtjylland", 1},
		{"month chosen, types follow it", Filter{Month: "2027-05"}, func(f Facets) []FacetValue { return f.Types }, TypeCourse, 1},
		{"modules", Filter{}, func(f Facets) []FacetValue { return f.Types }, TypeModule, 1},
		{"type chosen, its facet does not follow it", Filter{Type: TypeModule}, func(f Facets) []FacetValue { return f.Types }, TypeCourse, 3},
		{"programmes are counted by the caller", Filter{}, func(f Facets) []FacetValue { return f.Types }, TypeProgramme, 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := fs.Find(tt.f, now, nil, 7)
			if n := count(tt.facet(got.Facets), tt.value); n != tt.want {
				t.Errorf("%s counts %d, want %d", tt.value, n, tt.want)
			}
		})
	}
	// Free seats: Mødeledelse's March date is full, so in March only
	// Politisk forståelse has free seats.
	if n := fs.Find(Filter{}, now, nil, 0).Facets.Free; n != 3 {
		t.Errorf("free count %d, want 3", n)
	}
	if n := fs.Find(Filter{Month: "2027-03"}, now, nil, 0).Facets.Free; n != 1 {
		t.Errorf("free count in March %d, want 1", n)
	}
}

func TestFindRanksTitlesThatHoldTheWords(t *testing.T) {
	fs, now := factsFixture()
	tests := []struct {
		name    string
		q       string
		matches map[int64]Match
		want    []int64
	}{
		// Full-text rank alone: teaser (B) over body (C).
		{"rank", "politikerne", map[int64]Match{1: {Rank: 0.4}, 3: {Rank: 0.2}}, []int64{1, 3}},
		// A compound in the title beats a higher full-text rank elsewhere.
		{"title compound", "ledelse", map[int64]Match{2: {Rank: 0.1}, 3: {Rank: 0.5}}, []int64{2, 3}},
		// A phrase in quotes: the title holds the words.
		{"phrase", `"mødeledelse"`, map[int64]Match{2: {Rank: 0.1}, 3: {Rank: 0.5}}, []int64{2, 3}},
		// A typo: the title's similarity is its bonus.
		{"typo", "mødeldelse", map[int64]Match{2: {TitleSimilarity: 0.7}, 1: {Rank: 0.5}}, []int64{2, 1}},
		// Equal ranks: the next date decides.
		{"tie", "x", map[int64]Match{3: {Rank: 0.1}, 1: {Rank: 0.1}}, []int64{1, 3}},
		{"no match", "astrofysik", map[int64]Match{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// The matches by the courses' places in the facts.
			matches := []Match{}
			for i, c := range fs.Courses {
				if m, ok := tt.matches[c.ID]; ok {
					m.Course = int32(i)
					matches = append(matches, m)
				}
			}
			got := fs.Find(Filter{Q: tt.q, Sort: SortRelevance}, now, matches, 0)
			if !slices.Equal(got.IDs, tt.want) {
				t.Errorf("found %v, want %v", got.IDs, tt.want)
			}
		})
	}
}

func TestFindPages(t *testing.T) {
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, Copenhagen)
	fs := &Facts{}
	for i := range 49 {
		fs.Courses = append(fs.Courses, CourseFacts{ID: int64(i + 1), Title: fmt.Sprintf("Kursus %02d", i+1)})
	}
	if got := fs.Find(Filter{Sort: SortTitle, Page: 2}, now, nil, 0); got.Total != 49 || len(got.IDs) != 20 || got.IDs[0] != 21 || got.IDs[19] != 40 {
		t.Errorf("page 2 of 49: total %d, ids %v", got.Total, got.IDs)
	}
	got := fs.Find(Filter{Sort: SortTitle, Page: 3}, now, nil, 0)
	if got.Total != 49 || len(got.IDs) != 9 || got.IDs[0] != 41 {
		t.Errorf("page 3 of 49: total %d, ids %v", got.Total, got.IDs)
	}
	if got := fs.Find(Filter{Sort: SortTitle, Page: 4}, now, nil, 0); got.Total != 49 || len(got.IDs) != 0 {
		t.Errorf("page 4 of 49: total %d, ids %v", got.Total, got.IDs)
	}
}

func TestFirstKKeepsTheFirstInOrder(t *testing.T) {
	// A fixed shuffle of 0..99 with repeats.
	var in []int
	for i := range 100 {
		in = append(in, (i*37)%100, (i*53)%50)
	}
	sorted := slices.Sorted(slices.Values(in))
	for _, k := range []int{0, 1, 2, 7, 20, 150, 200, 500} {
		f := firstK[int]{k: k, order: func(a, b int) int { return a - b }}
		for _, v := range in {
			f.push(v)
		}
		want := sorted[:min(k, len(sorted))]
		if got := f.sorted(); !slices.Equal(got, want) {
			t.Errorf("k=%d: %v, want %v", k, got, want)
		}
	}
}
