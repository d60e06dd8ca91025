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

func resultCount(r catalog.SearchResult, f catalog.Filter) string {
	noun := "kurser"
	if f.Type == catalog.TypeProgramme {
		noun = "forløb"
	}
	switch r.Total {
	case 0:
		return "Ingen " + noun + " fundet"
	case 1:
		if noun == "kurser" {
			return "1 kursus fundet"
		}
		return "1 forløb fundet"
	}
	return strconv.Itoa(r.Total) + " " + noun + " fundet"
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
