package store_test

import (
	"context"
	"testing"
	"time"

	"kursuskatalog/internal/catalog"
	"kursuskatalog/internal/store"
	"kursuskatalog/internal/testdb"
)

var searchNow = time.Date(2026, 11, 23, 10, 0, 0, 0, catalog.Copenhagen)

// searchFixture is a small catalogue made for the search tests:
//
//	politisk-forstaaelse   topic politik,  Odense (syddanmark) in March, free seats
//	moedeledelse           topic ledelse,  Aarhus (midtjylland) in March (full) and Odense in May
//	gdpr-i-praksis         topic jura,     Aarhus in April (and Odense last October); mentions politikerne only in its body
//	kladde                 draft: never found
//	modul                  a module of a programme, no dates
func searchFixture(t *testing.T) *store.Store {
	t.Helper()
	st, _ := testdb.Store(t)
	ctx := context.Background()
	db := st.Pool
	topic := func(slug, name string) int64 {
		id, err := store.UpsertTopic(ctx, db, catalog.Topic{Slug: slug, Name: name})
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	politik, ledelse, jura := topic("politik", "Politik"), topic("ledelse", "Ledelse"), topic("jura", "Jura")
	venue := func(name, pc, city, region string) catalog.Venue {
		v := catalog.Venue{Name: name, Postcode: pc, City: city, Region: region}
		id, err := store.UpsertVenue(ctx, db, v)
		if err != nil {
			t.Fatal(err)
		}
		v.ID = id
		return v
	}
	odense, aarhus := venue("Hotel Odense", "5000", "Odense C", "syddanmark"), venue("Hotel Aarhus", "8000", "Aarhus C", "midtjylland")
	course := func(slug, title, teaser, desc, status string, price int64, topics ...int64) int64 {
		id, _, err := store.InsertCourseIfNew(ctx, db, catalog.Course{Slug: slug, Title: title, Teaser: teaser, Description: desc,
			PriceOre: price, VATRateBP: 2500, Status: status})
		if err != nil {
			t.Fatal(err)
		}
		if err := store.SetCourseTopics(ctx, db, id, topics); err != nil {
			t.Fatal(err)
		}
		return id
	}
	date := func(course int64, v catalog.Venue, y int, m time.Month, capacity, taken int) {
		start := time.Date(y, m, 10, 9, 0, 0, 0, catalog.Copenhagen)
		if _, err := store.InsertDate(ctx, db, catalog.CourseDate{CourseID: course, Venue: v, StartsAt: start, EndsAt: start.Add(6 * time.Hour),
			Deadline: time.Date(y, m-1, 1, 0, 0, 0, 0, time.UTC), Capacity: capacity, SeatsTaken: taken}); err != nil {
			t.Fatal(err)
		}
	}
	pf := course("politisk-forstaaelse", "Politisk forståelse", "Forstår du politikernes arbejdsvilkår?", "Om politisk tæft.", "published", 675000, politik)
	mo := course("moedeledelse", "Mødeledelse", "Gode møder på kortere tid.", "Dagsorden og referat.", "published", 350000, ledelse)
	gd := course("gdpr-i-praksis", "GDPR i praksis", "Databeskyttelse i kommunen.", "Når politikerne spørger om persondata.", "published", 450000, jura)
	course("kladde", "Politisk kladde", "Ikke udgivet.", "", "draft", 100000, politik)
	md := course("modul", "Modul om forvaltning", "Et modul.", "", "published", 500000, jura)
	date(pf, odense, 2027, time.March, 30, 10)
	date(mo, aarhus, 2027, time.March, 20, 20)
	date(mo, odense, 2027, time.May, 20, 5)
	date(gd, aarhus, 2027, time.April, 20, 0)
	date(gd, odense, 2026, time.October, 20, 0) // past: counts nowhere
	pid, _, err := store.InsertProgrammeIfNew(ctx, db, catalog.Programme{Slug: "forloeb", Title: "Forvaltningsforløb", Status: "published"})
	if err != nil {
		t.Fatal(err)
	}
	if err := store.AddModule(ctx, db, catalog.Module{ProgrammeID: pid, CourseID: md, Position: 1, Role: catalog.RoleBase}); err != nil {
		t.Fatal(err)
	}
	return st
}

func slugs(r catalog.SearchResult) []string {
	var out []string
	for _, c := range r.Cards {
		out = append(out, c.Slug)
	}
	return out
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestSearchWordsStemsTyposAndRanking(t *testing.T) {
	st := searchFixture(t)
	ctx := context.Background()
	tests := []struct {
		name    string
		q       string
		want    []string // in rank order
		similar bool     // found as titles like the words
	}{
		// "politikerne" stems to "politik": the teaser of Politisk forståelse
		// (weight B) outranks the body of GDPR i praksis (weight C).
		{"danish stemming and weights", "politikerne", []string{"politisk-forstaaelse", "gdpr-i-praksis"}, false},
		{"typo in the title", "politsk", []string{"politisk-forstaaelse"}, true},
		{"typo with a missing letter", "mødeldelse", []string{"moedeledelse"}, true},
		{"title word", "GDPR", []string{"gdpr-i-praksis"}, false},
		// Mødeledelse's text has no form of "ledelse": its title's last
		// part finds it, as written, not as a typo.
		{"the end of a compound title", "ledelse", []string{"moedeledelse"}, false},
		{"phrase in quotes", `"politisk tæft"`, []string{"politisk-forstaaelse"}, false},
		{"a word left out", "politikerne -persondata", []string{"politisk-forstaaelse"}, false},
		{"either word", "dagsorden or databeskyttelse", []string{"gdpr-i-praksis", "moedeledelse"}, false},
		{"stop words alone", "og i", nil, false},
		{"no match", "astrofysik", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := catalog.ParseFilter(func(k string) string {
				if k == "q" {
					return tt.q
				}
				return ""
			})
			res, err := st.Search(ctx, f, searchNow)
			if err != nil {
				t.Fatal(err)
			}
			if got := slugs(res); !equal(got, tt.want) {
				t.Fatalf("q=%q found %v, want %v", tt.q, got, tt.want)
			}
			if res.Similar != tt.similar {
				t.Fatalf("q=%q: similar %v, want %v", tt.q, res.Similar, tt.similar)
			}
		})
	}
}

// "forvaltning" starts the programme's one-word title
// "Forvaltningsforløb", which the Danish stemmer keeps whole.
func TestSearchFindsTheStartOfACompoundTitle(t *testing.T) {
	st := searchFixture(t)
	f := catalog.ParseFilter(func(k string) string {
		if k == "q" {
			return "Forvaltning"
		}
		return ""
	})
	res, err := st.Search(context.Background(), f, searchNow)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Programmes) != 1 || res.Programmes[0].Programme.Slug != "forloeb" || res.Similar {
		t.Fatalf("programmes %+v, similar %v; want the programme forloeb, found as written", res.Programmes, res.Similar)
	}
	if got := slugs(res); !equal(got, []string{"modul"}) {
		t.Fatalf("courses %v, want modul", got)
	}
	// Words that find a programme and no course are no typo either.
	f.Q = "forvaltningsforløbet"
	if res, err = st.Search(context.Background(), f, searchNow); err != nil {
		t.Fatal(err)
	}
	if len(res.Programmes) != 1 || res.Total != 0 || res.Similar {
		t.Fatalf("%q: programmes %+v, %d courses, similar %v; want the programme alone, as written", f.Q, res.Programmes, res.Total, res.Similar)
	}
}

// Words that find courses, only not with the filters chosen, are not
// taken for a typo: the counts still show where the courses are.
func TestSearchWordsFoundElsewhereAreNoTypo(t *testing.T) {
	st := searchFixture(t)
	f := catalog.Filter{Q: "ledelse", Region: "hovedstaden", Sort: catalog.SortRelevance, Page: 1}
	res, err := st.Search(context.Background(), f, searchNow)
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 0 || res.Similar {
		t.Fatalf("total %d, similar %v; want none found, as written", res.Total, res.Similar)
	}
	for _, r := range res.Facets.Regions {
		if r.Value == "syddanmark" && r.Count != 1 {
			t.Fatalf("syddanmark count %d, want 1 (Mødeledelse in Odense)", r.Count)
		}
	}
}

func TestSearchFiltersAndCounts(t *testing.T) {
	st := searchFixture(t)
	ctx := context.Background()
	search := func(f catalog.Filter) catalog.SearchResult {
		t.Helper()
		if f.Sort == "" {
			f.Sort = catalog.SortTitle
		}
		if f.Page == 0 {
			f.Page = 1
		}
		res, err := st.Search(ctx, f, searchNow)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}

	all := search(catalog.Filter{})
	if got := slugs(all); !equal(got, []string{"gdpr-i-praksis", "modul", "moedeledelse", "politisk-forstaaelse"}) {
		t.Fatalf("all published: %v (drafts must not show)", got)
	}
	count := func(vs []catalog.FacetValue, v string) int {
		for _, x := range vs {
			if x.Value == v {
				return x.Count
			}
		}
		return -1
	}
	if n := count(all.Facets.Regions, "syddanmark"); n != 2 {
		t.Errorf("syddanmark count %d, want 2", n)
	}
	if n := count(all.Facets.Months, "2027-03"); n != 2 {
		t.Errorf("March count %d, want 2", n)
	}
	if n := count(all.Facets.Topics, "jura"); n != 2 {
		t.Errorf("jura count %d, want 2", n)
	}
	if n := count(all.Facets.Types, catalog.TypeModule); n != 1 {
		t.Errorf("module count %d, want 1", n)
	}
	if all.Facets.Free != 3 {
		t.Errorf("free-seat count %d, want 3", all.Facets.Free)
	}

	// Region and month apply to the same date: Mødeledelse is in Aarhus in
	// March and in Odense in May, so "Odense in March" does not find it.
	if got := slugs(search(catalog.Filter{Region: "syddanmark", Month: "2027-03"})); !equal(got, []string{"politisk-forstaaelse"}) {
		t.Errorf("syddanmark+March: %v", got)
	}
	// Free seats: Mødeledelse's March date is full, its May date is not.
	res := search(catalog.Filter{Month: "2027-03", FreeOnly: true})
	if got := slugs(res); !equal(got, []string{"politisk-forstaaelse"}) {
		t.Errorf("March with free seats: %v", got)
	}
	res = search(catalog.Filter{Topic: "ledelse", FreeOnly: true})
	if got := slugs(res); !equal(got, []string{"moedeledelse"}) || res.Cards[0].NextDate.Venue.City != "Odense C" {
		t.Errorf("ledelse with free seats should show the May date in Odense: %v", got)
	}
	// A facet counts with the other filters applied, not its own.
	res = search(catalog.Filter{Topic: "jura"})
	if n := count(res.Facets.Topics, "politik"); n != 1 {
		t.Errorf("with topic jura chosen, politik still counts %d, want 1", n)
	}
	if n := count(res.Facets.Regions, "midtjylland"); n != 1 {
		t.Errorf("jura in midtjylland: %d, want 1", n)
	}
	if got := slugs(search(catalog.Filter{Type: catalog.TypeModule})); !equal(got, []string{"modul"}) {
		t.Errorf("modules: %v", got)
	}
	if got := slugs(search(catalog.Filter{Type: catalog.TypeCourse, Q: "forvaltning"})); len(got) != 0 {
		t.Errorf("courses matching forvaltning: %v", got)
	}
	// Programmes chosen, words given: the type facet counts the courses
	// that match the words, not all of them.
	res = search(catalog.Filter{Type: catalog.TypeProgramme, Q: "politikerne"})
	if n := count(res.Facets.Types, catalog.TypeCourse); n != 2 || len(res.Cards) != 0 {
		t.Errorf("programmes chosen, politikerne: %d courses counted, %d cards; want 2 and none", n, len(res.Cards))
	}
	res = search(catalog.Filter{Type: catalog.TypeProgramme})
	if res.Total != 1 || res.Programmes[0].Programme.Slug != "forloeb" {
		t.Errorf("programmes: %+v", res.Programmes)
	}
	if res := search(catalog.Filter{Topic: "politik", Region: "midtjylland"}); res.Total != 0 || len(res.Cards) != 0 {
		t.Errorf("impossible combination found %v", slugs(res))
	}
}

func TestSearchSortsAndPages(t *testing.T) {
	st := searchFixture(t)
	ctx := context.Background()
	res, err := st.Search(ctx, catalog.Filter{Sort: catalog.SortPrice, Page: 1}, searchNow)
	if err != nil {
		t.Fatal(err)
	}
	if got := slugs(res); !equal(got, []string{"moedeledelse", "gdpr-i-praksis", "modul", "politisk-forstaaelse"}) {
		t.Errorf("by price: %v", got)
	}
	res, _ = st.Search(ctx, catalog.Filter{Sort: catalog.SortDate, Page: 1}, searchNow)
	// Both March dates start at the same time: the title breaks the tie.
	if got := slugs(res); !equal(got, []string{"moedeledelse", "politisk-forstaaelse", "gdpr-i-praksis", "modul"}) {
		t.Errorf("by next date (none last): %v", got)
	}
	if _, err := store.GenerateCourses(ctx, st.Pool, 45, searchNow); err != nil {
		t.Fatal(err)
	}
	res, _ = st.Search(ctx, catalog.Filter{Sort: catalog.SortTitle, Page: 3}, searchNow)
	if res.Total != 49 || len(res.Cards) != 9 || res.Pages() != 3 {
		t.Errorf("page 3 of 49: total %d, %d cards, %d pages", res.Total, len(res.Cards), res.Pages())
	}
}

// Postgres answers every search from the rows as they are: every edit the
// filters and counts depend on shows in the next search, a date filling up
// too, and a date that has started counts no more.
func TestSearchSeesEveryChange(t *testing.T) {
	st := searchFixture(t)
	ctx := context.Background()
	search := func(f catalog.Filter) catalog.SearchResult {
		t.Helper()
		f.Sort, f.Page = catalog.SortTitle, 1
		res, err := st.Search(ctx, f, searchNow)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	exec := func(sql string) {
		t.Helper()
		if _, err := st.Pool.Exec(ctx, sql); err != nil {
			t.Fatal(err)
		}
	}
	if res := search(catalog.Filter{}); res.Facets.Free != 3 {
		t.Fatalf("free-seat count %d, want 3", res.Facets.Free)
	}

	exec(`UPDATE course_dates SET seats_taken = capacity
	      WHERE course_id = (SELECT id FROM courses WHERE slug = 'politisk-forstaaelse')`)
	if res := search(catalog.Filter{FreeOnly: true}); res.Facets.Free != 2 || res.Total != 2 {
		t.Errorf("after the last seat was taken: free count %d, %d found, want 2 and 2", res.Facets.Free, res.Total)
	}
	// Once Politisk forståelse's only date has started, it has no date to
	// count: March has one course left.
	later := time.Date(2027, 3, 10, 9, 30, 0, 0, catalog.Copenhagen)
	res, err := st.Search(ctx, catalog.Filter{Sort: catalog.SortTitle, Page: 1}, later)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range res.Facets.Months {
		if m.Value == "2027-03" && m.Count != 0 {
			t.Errorf("March after its dates started: %d, want 0", m.Count)
		}
	}

	words := catalog.Filter{Q: "dagsorden", Sort: catalog.SortRelevance, Page: 1}
	if res, err := st.Search(ctx, words, searchNow); err != nil || !equal(slugs(res), []string{"moedeledelse"}) {
		t.Fatalf("dagsorden: %v, %v", slugs(res), err)
	}
	exec(`UPDATE courses SET description = 'Referat.' WHERE slug = 'moedeledelse'`)
	if res, err := st.Search(ctx, words, searchNow); err != nil || len(res.Cards) != 0 {
		t.Errorf("dagsorden after the words left the course: %v, %v", slugs(res), err)
	}

	exec(`UPDATE courses SET title = 'Aaa mødeledelse' WHERE slug = 'moedeledelse'`)
	if got := slugs(search(catalog.Filter{})); len(got) == 0 || got[0] != "moedeledelse" {
		t.Errorf("after a new title: %v", got)
	}
	exec(`UPDATE courses SET status = 'draft' WHERE slug = 'gdpr-i-praksis'`)
	exec(`UPDATE venues SET region = 'nordjylland' WHERE name = 'Hotel Aarhus'`)
	res = search(catalog.Filter{})
	if got := slugs(res); !equal(got, []string{"moedeledelse", "modul", "politisk-forstaaelse"}) {
		t.Errorf("after unpublishing: %v", got)
	}
	if n := res.Facets.Regions[4].Count; res.Facets.Regions[4].Value != "nordjylland" || n != 1 {
		t.Errorf("after a venue moved: %+v", res.Facets.Regions)
	}
}
