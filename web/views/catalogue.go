package views

import (
	"net/url"
	"strconv"
	"time"

	"github.com/a-h/templ"

	"kursuskatalog/internal/catalog"
)

// CatalogueProps feeds /kurser.
type CatalogueProps struct {
	Page   Page
	Filter catalog.Filter
	Result catalog.SearchResult
	Images map[int64]catalog.Image // the pictures of the cards' courses
	Now    time.Time
}

// filterURL is /kurser with the filter f.
func filterURL(f catalog.Filter) templ.SafeURL {
	v := url.Values{}
	for _, kv := range f.Values() {
		v.Add(kv[0], kv[1])
	}
	if len(v) == 0 {
		return "/kurser"
	}
	return templ.SafeURL("/kurser?" + v.Encode())
}

func pageURL(f catalog.Filter, page int) templ.SafeURL {
	f.Page = page
	return filterURL(f)
}

// activeFilter is a chosen filter with the link that removes it.
type activeFilter struct {
	Label  string
	Remove templ.SafeURL
}

func activeFilters(f catalog.Filter, fc catalog.Facets) []activeFilter {
	var out []activeFilter
	base := f
	base.Page = 1
	if f.Q != "" {
		g := base
		g.Q = ""
		out = append(out, activeFilter{"Søgning: “" + f.Q + "”", filterURL(g)})
	}
	if f.Topic != "" {
		g := base
		g.Topic = ""
		out = append(out, activeFilter{"Emne: " + facetLabel(fc.Topics, f.Topic), filterURL(g)})
	}
	if f.Region != "" {
		g := base
		g.Region = ""
		out = append(out, activeFilter{"Sted: " + catalog.RegionName(f.Region), filterURL(g)})
	}
	if f.Month != "" {
		g := base
		g.Month = ""
		out = append(out, activeFilter{"Måned: " + catalog.MonthLabel(f.Month), filterURL(g)})
	}
	if f.Type != "" {
		g := base
		g.Type = ""
		out = append(out, activeFilter{"Type: " + facetLabel(fc.Types, f.Type), filterURL(g)})
	}
	if f.FreeOnly {
		g := base
		g.FreeOnly = false
		out = append(out, activeFilter{"Kun med ledige pladser", filterURL(g)})
	}
	return out
}

func facetLabel(vs []catalog.FacetValue, value string) string {
	for _, v := range vs {
		if v.Value == value {
			return v.Label
		}
	}
	return value
}

func optionLabel(v catalog.FacetValue) string {
	return v.Label + " (" + strconv.Itoa(v.Count) + ")"
}

// resultCount says what the page lists: the courses found and, on the
// first page where they are shown, the programmes ("4 kurser og 1 forløb
// fundet"), so the count matches the cards.
func resultCount(r catalog.SearchResult, f catalog.Filter, withProgrammes bool) string {
	courses := countNoun(r.Total, "kursus", "kurser")
	if f.Type == catalog.TypeProgramme {
		courses = countNoun(r.Total, "forløb", "forløb")
	}
	progs := 0
	if withProgrammes {
		progs = len(r.Programmes)
	}
	switch {
	case r.Total == 0 && progs == 0:
		if f.Type == catalog.TypeProgramme {
			return "Ingen forløb fundet"
		}
		return "Ingen kurser fundet"
	case progs == 0:
		return courses + " fundet"
	case r.Total == 0:
		return countNoun(progs, "forløb", "forløb") + " fundet"
	}
	return courses + " og " + countNoun(progs, "forløb", "forløb") + " fundet"
}

func countNoun(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// chosenCount is " (2 valgt)" after the filters' summary, "" when none.
func chosenCount(f catalog.Filter) string {
	n := 0
	for _, v := range []bool{f.Topic != "", f.Region != "", f.Month != "", f.Type != "", f.FreeOnly} {
		if v {
			n++
		}
	}
	if n == 0 {
		return ""
	}
	return " (" + strconv.Itoa(n) + " valgt)"
}

// pageNumbers is the pagination window: first, last and two around current.
func pageNumbers(current, total int) []int {
	var out []int
	for p := 1; p <= total; p++ {
		if p == 1 || p == total || (p >= current-2 && p <= current+2) {
			out = append(out, p)
		} else if len(out) > 0 && out[len(out)-1] != 0 {
			out = append(out, 0) // a gap
		}
	}
	return out
}
