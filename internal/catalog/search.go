package catalog

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Course types in the catalogue's filter.
const (
	TypeCourse    = "kursus"
	TypeModule    = "modul"
	TypeProgramme = "forloeb"
)

// Sort orders of the catalogue.
const (
	SortRelevance = "relevans"
	SortDate      = "dato"
	SortTitle     = "titel"
	SortPrice     = "pris"
)

// PageSize is the number of cards per catalogue page.
const PageSize = 20

// Filter is a catalogue query as it stands in the URL.
type Filter struct {
	Q        string // search words
	Topic    string // topic slug (emne)
	Region   string // region slug (sted)
	Month    string // "2027-03" (maaned)
	Type     string // kursus, modul or forloeb
	FreeOnly bool   // only courses with a date with free seats
	Sort     string
	Page     int // 1-based
}

// MaxQueryLength bounds the search words; longer input is cut.
const MaxQueryLength = 100

// CutWords trims search words and cuts them to at most n letters. It cuts
// by letters, not bytes: cut by bytes, "ø" could be split into bytes that
// are no text, which Postgres refuses.
func CutWords(q string, n int) string {
	q = strings.TrimSpace(q)
	if utf8.RuneCountInString(q) > n {
		q = string([]rune(q)[:n])
	}
	return q
}

// ParseFilter reads a filter from URL values (any getter), ignoring values
// it does not know so that an old or mangled link still shows something.
func ParseFilter(get func(string) string) Filter {
	f := Filter{Q: CutWords(get("q"), MaxQueryLength)}
	if s := get("emne"); isSlug(s) {
		f.Topic = s
	}
	if s := get("sted"); RegionName(s) != s {
		f.Region = s
	}
	if s := get("maaned"); len(s) == 7 {
		if _, err := time.Parse("2006-01", s); err == nil {
			f.Month = s
		}
	}
	switch s := get("type"); s {
	case TypeCourse, TypeModule, TypeProgramme:
		f.Type = s
	}
	f.FreeOnly = get("ledige") == "1"
	switch s := get("sort"); s {
	case SortRelevance, SortDate, SortTitle, SortPrice:
		f.Sort = s
	}
	if f.Sort == "" || (f.Sort == SortRelevance && f.Q == "") {
		f.Sort = SortDate
		if f.Q != "" {
			f.Sort = SortRelevance
		}
	}
	f.Page, _ = strconv.Atoi(get("side"))
	if f.Page < 1 || f.Page > 10000 {
		f.Page = 1
	}
	return f
}

func isSlug(s string) bool {
	if s == "" || len(s) > 80 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

// HasDateFilter says whether the filter narrows by a date's place, month or seats.
func (f Filter) HasDateFilter() bool { return f.Region != "" || f.Month != "" || f.FreeOnly }

// IsEmpty says whether nothing narrows the catalogue.
func (f Filter) IsEmpty() bool {
	return f.Q == "" && f.Topic == "" && !f.HasDateFilter() && f.Type == ""
}

// Values writes the filter back as URL parameters, leaving defaults out, so
// that links are short and shareable.
func (f Filter) Values() [][2]string {
	var v [][2]string
	add := func(k, val string) {
		if val != "" {
			v = append(v, [2]string{k, val})
		}
	}
	add("q", f.Q)
	add("emne", f.Topic)
	add("sted", f.Region)
	add("maaned", f.Month)
	add("type", f.Type)
	if f.FreeOnly {
		add("ledige", "1")
	}
	if (f.Q == "" && f.Sort != SortDate) || (f.Q != "" && f.Sort != SortRelevance) {
		add("sort", f.Sort)
	}
	if f.Page > 1 {
		add("side", strconv.Itoa(f.Page))
	}
	return v
}

// CourseCard is a course or module in the catalogue list.
type CourseCard struct {
	ID       int64
	Slug     string
	Title    string
	Teaser   string
	PriceOre int64
	IsModule bool
	// NextDate is the first upcoming date that fits the filter, nil if none.
	NextDate *CourseDate
}

// FacetValue is one choice in a filter with the number of results it gives.
type FacetValue struct {
	Value string
	Label string
	Count int
}

// Facets are the filter choices with their counts.
type Facets struct {
	Topics  []FacetValue
	Regions []FacetValue
	Months  []FacetValue
	Types   []FacetValue
	Free    int
}

// SearchResult is one page of the catalogue.
type SearchResult struct {
	Total      int
	Cards      []CourseCard
	Programmes []ProgrammeCard
	Facets     Facets
	// Similar: the words found no course as written, so these are the
	// courses and programmes whose titles are like them (a typo).
	Similar bool
}

// Pages is the number of pages the result fills.
func (r SearchResult) Pages() int {
	return (r.Total + PageSize - 1) / PageSize
}

// MonthLabel shows "2027-03" as "marts 2027".
func MonthLabel(ym string) string {
	t, err := time.Parse("2006-01", ym)
	if err != nil {
		return ym
	}
	return MonthName(t.Month()) + " " + strconv.Itoa(t.Year())
}

// MonthStart is the first moment of month ym ("2027-03") in Copenhagen.
func MonthStart(ym string) (time.Time, error) {
	return time.ParseInLocation("2006-01", ym, Copenhagen)
}

// NextMonths lists the n months from now's, as "2006-01".
func NextMonths(now time.Time, n int) []string {
	now = now.In(Copenhagen)
	y, m, _ := now.Date()
	out := make([]string, n)
	for i := range out {
		out[i] = time.Date(y, m+time.Month(i), 1, 0, 0, 0, 0, Copenhagen).Format("2006-01")
	}
	return out
}
