package store

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"kursuskatalog/internal/catalog"
)

// The catalogue is three queries built in Go for the filters that are set:
// a filter that is not set is left out of the SQL, rather than written as
// "($2 = '' OR …)". Postgres can then cache one generic plan per shape of
// filter (pgx prepares each statement once per connection), which is what
// makes a search cheap: planning the old all-filters query for its actual
// parameters took 5 ms of a 14 ms search at 20,000 courses, and a generic
// plan of it could not fold "$1 = ''" and scanned every course (130 ms).
//
// The courses that match the words are m; the words are a Danish full-text
// search, or a title within trigram distance for typos. A course's upcoming
// dates are summed up per course (one pass over the dates, no per-date rows
// kept): the date facets count courses, not dates.

// args numbers the parameters of a query as they are added.
type args []any

func (a *args) add(v any) string {
	*a = append(*a, v)
	return "$" + strconv.Itoa(len(*a))
}

// and joins the conditions that are set; "true" if none is.
func and(conds ...string) string {
	var set []string
	for _, c := range conds {
		if c != "" {
			set = append(set, c)
		}
	}
	if len(set) == 0 {
		return "true"
	}
	return strings.Join(set, " AND ")
}

// matching is the CTE m of the published courses that match the words and
// the conditions it is given. The cards need the course's columns and rank;
// the facets only its id and whether it is a module (ranking 20,000 courses
// that match "ledelse" cost 150 ms).
func matching(a *args, cards bool, q string, conds ...string) string {
	cols := `c.id, ` + isModule + ` AS is_module`
	if cards {
		cols = `c.id, c.slug, c.title, c.teaser, c.price_ore, ` + isModule + ` AS is_module, 0 AS rank`
	}
	if q == "" {
		return `m AS (
	SELECT ` + cols + `
	FROM courses c
	WHERE c.status = 'published' AND ` + and(conds...) + `)`
	}
	if cards {
		cols = `c.id, c.slug, c.title, c.teaser, c.price_ore, ` + isModule + ` AS is_module,
	       ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', c.search, q.tsq) + word_similarity(q.lq, lower(c.title)) AS rank`
	}
	p := a.add(q)
	return `q AS MATERIALIZED (SELECT websearch_to_tsquery('danish', ` + p + `::text) AS tsq, lower(` + p + `::text) AS lq),
m AS (
	SELECT ` + cols + `
	FROM courses c, q
	WHERE c.status = 'published' AND (c.search @@ q.tsq OR q.lq <% lower(c.title)) AND ` + and(conds...) + `)`
}

const isModule = `c.id IN (SELECT pm.course_id FROM programme_modules pm JOIN programmes p ON p.id = pm.programme_id
	                WHERE p.status = 'published')`

// topicCond is the condition that the course id is in the topic.
func topicCond(a *args, id, topic string) string {
	if topic == "" {
		return ""
	}
	return id + ` IN (SELECT ct.course_id FROM course_topics ct JOIN topics t ON t.id = ct.topic_id WHERE t.slug = ` + a.add(topic) + `)`
}

// typeCond is the condition on a course's is_module for the type filter.
// No course is a programme: with type forloeb the course facets count 0.
func typeCond(isModule, typ string) string {
	switch typ {
	case catalog.TypeModule:
		return isModule
	case catalog.TypeCourse:
		return "NOT " + isModule
	case catalog.TypeProgramme:
		return "false"
	}
	return ""
}

// dateConds are the conditions on a date d at venue v of the date filters
// that are set. The month is a range of start times (the month in
// Copenhagen), not to_char per date.
type dateConds struct{ region, month, free string }

func dateFilter(a *args, f catalog.Filter) (dateConds, error) {
	var c dateConds
	if f.Region != "" {
		c.region = "v.region = " + a.add(f.Region)
	}
	if f.Month != "" {
		start, err := catalog.MonthStart(f.Month)
		if err != nil {
			return c, fmt.Errorf("month %q: %w", f.Month, err)
		}
		c.month = "d.starts_at >= " + a.add(start) + " AND d.starts_at < " + a.add(start.AddDate(0, 1, 0))
	}
	if f.FreeOnly {
		c.free = "d.seats_taken < d.capacity"
	}
	return c, nil
}

// filter is an aggregate's FILTER clause for the conditions that are set.
func filter(conds ...string) string {
	set := and(conds...)
	if set == "true" {
		return ""
	}
	return " FILTER (WHERE " + set + ")"
}

// Search returns one page of the catalogue with the counts every filter
// choice would give, in three queries whatever the catalogue's size (two
// when programmes cannot show).
func (s *Store) Search(ctx context.Context, f catalog.Filter, now time.Time) (catalog.SearchResult, error) {
	var res catalog.SearchResult
	if f.Type != catalog.TypeProgramme {
		if err := s.searchCourses(ctx, f, now, &res); err != nil {
			return res, err
		}
	}

	// Programmes match on their own words; topic and date filters are about
	// courses, so they hide programmes.
	if (f.Type == "" || f.Type == catalog.TypeProgramme) && f.Topic == "" && !f.HasDateFilter() {
		var a args
		words := ""
		if f.Q != "" {
			p := a.add(f.Q)
			words = ` AND (p.search @@ websearch_to_tsquery('danish', ` + p + `::text) OR lower(` + p + `::text) <% lower(p.title))`
		}
		rows, err := s.Pool.Query(ctx, `
			SELECT p.id, p.slug, p.title, p.teaser FROM programmes p
			WHERE p.status = 'published'`+words+`
			ORDER BY p.title`, a...)
		if err != nil {
			return res, err
		}
		for rows.Next() {
			var p catalog.ProgrammeCard
			if err := rows.Scan(&p.Programme.ID, &p.Programme.Slug, &p.Programme.Title, &p.Programme.Teaser); err != nil {
				rows.Close()
				return res, err
			}
			res.Programmes = append(res.Programmes, p)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return res, err
		}
	}
	if f.Type == catalog.TypeProgramme {
		res.Total = len(res.Programmes)
	}

	facets, err := s.facets(ctx, f, now, len(res.Programmes))
	if err != nil {
		return res, err
	}
	res.Facets = facets
	return res, nil
}

// searchCourses fills in the page of course cards and their total.
func (s *Store) searchCourses(ctx context.Context, f catalog.Filter, now time.Time, res *catalog.SearchResult) error {
	var a args
	cte := matching(&a, true, f.Q, topicCond(&a, "c.id", f.Topic), typeCond("("+isModule+")", f.Type))
	dc, err := dateFilter(&a, f)
	if err != nil {
		return err
	}
	pNow := a.add(now)

	order := `title, id`
	switch f.Sort {
	case catalog.SortRelevance:
		order = `rank DESC, next_start NULLS LAST, title, id`
	case catalog.SortDate:
		order = `next_start NULLS LAST, title, id`
	case catalog.SortPrice:
		order = `price_ore, title, id`
	}
	// next_start is each course's first date that passes the date filters,
	// one index probe per course (at 20,000 courses 50 ms where a join of
	// the dates grouped by course took 80 ms; a CTE of the dates grouped by
	// course made Postgres guess one row and loop over m per course: 380 ms
	// for topic+region). Sorting by title or price without date filters
	// does not need it: only the cards on the page show a date.
	next, where := `NULL::timestamptz`, ``
	if f.HasDateFilter() || f.Sort == catalog.SortDate || f.Sort == catalog.SortRelevance {
		dates := `course_dates d`
		if dc.region != "" {
			dates = `course_dates d JOIN venues v ON v.id = d.venue_id`
		}
		next = `(SELECT min(d.starts_at) FROM ` + dates + `
	        WHERE d.course_id = m.id AND d.status = 'planned' AND d.starts_at > ` + pNow + `
	          AND ` + and(dc.region, dc.month, dc.free) + `)`
		// cards is MATERIALIZED so that the probe is not made twice, for
		// this filter and for the column (region+free: 330 -> 200 ms).
		if f.HasDateFilter() {
			where = `
	WHERE next_start IS NOT NULL`
		}
	}
	// The date on each card of the page, by index, with the venue.
	rows, err := s.Pool.Query(ctx, `WITH `+cte+`,
cards AS MATERIALIZED (
	SELECT m.id, m.slug, m.title, m.teaser, m.price_ore, m.is_module, m.rank, `+next+` AS next_start FROM m),
page AS (
	SELECT *, count(*) OVER () AS total
	FROM cards`+where+`
	ORDER BY `+order+`
	LIMIT `+a.add(catalog.PageSize)+` OFFSET `+a.add((f.Page-1)*catalog.PageSize)+`)
SELECT id, slug, title, teaser, price_ore, is_module, total,
       nd.date_id, nd.starts_at, nd.ends_at, nd.deadline, nd.capacity, nd.seats_taken, nd.status,
       nd.venue_id, nd.name, nd.street, nd.postcode, nd.city, nd.region
FROM page LEFT JOIN LATERAL (
	SELECT d.id AS date_id, d.starts_at, d.ends_at, d.deadline, d.capacity, d.seats_taken, d.status,
	       v.id AS venue_id, v.name, v.street, v.postcode, v.city, v.region
	FROM course_dates d JOIN venues v ON v.id = d.venue_id
	WHERE d.course_id = page.id AND d.status = 'planned' AND d.starts_at > `+pNow+`
	  AND `+and(dc.region, dc.month, dc.free)+`
	ORDER BY d.starts_at, d.id
	LIMIT 1) nd ON true
ORDER BY `+order, a...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var c catalog.CourseCard
		var d nullDate
		if err := rows.Scan(&c.ID, &c.Slug, &c.Title, &c.Teaser, &c.PriceOre, &c.IsModule, &res.Total,
			&d.ID, &d.Start, &d.End, &d.Deadline, &d.Capacity, &d.Taken, &d.Status,
			&d.VID, &d.VName, &d.VStreet, &d.VPost, &d.VCity, &d.VRegion); err != nil {
			return err
		}
		c.NextDate = d.date(c.ID)
		res.Cards = append(res.Cards, c)
	}
	return rows.Err()
}

// facets counts, for each choice of each filter, the courses the catalogue
// would show with that choice and every other filter as it is.
//
// cd sums up each matching course's upcoming dates in one pass: the regions
// and the months (bit masks: bit i is region i of catalog.Regions, or the
// i-th of the next twelve months) it has a date in that passes the other
// date filters, whether it has a date with free seats, and whether it has
// one that passes all of them.
func (s *Store) facets(ctx context.Context, f catalog.Filter, now time.Time, programmes int) (catalog.Facets, error) {
	var fc catalog.Facets
	var a args
	cte := matching(&a, false, f.Q)
	dc, err := dateFilter(&a, f)
	if err != nil {
		return fc, err
	}
	var regions []string
	for _, r := range catalog.Regions {
		regions = append(regions, r.Slug)
	}
	months := catalog.NextMonths(now, 12)
	// The start of each month and the end of the last: width_bucket gives
	// the month's number, 1 to 12 (13 for later), by binary search.
	var bounds []time.Time
	for _, m := range months {
		t, err := catalog.MonthStart(m)
		if err != nil {
			return fc, err
		}
		bounds = append(bounds, t)
	}
	bounds = append(bounds, bounds[len(bounds)-1].AddDate(0, 1, 0))
	// fits: whether a course has a date that passes all the date filters.
	fits, fitsCol, mcFits := "", "", ""
	if f.HasDateFilter() {
		fits = "mc.fits"
		fitsCol = `,
	       count(*)` + filter(dc.region, dc.month, dc.free) + ` > 0 AS fits`
		mcFits = `, coalesce(cd.fits, false) AS fits`
	}
	// With type forloeb and no date filter the course facets count 0 and
	// the type facet needs no dates: the dates are not summed up (100 ms).
	if f.Type == catalog.TypeProgramme && !f.HasDateFilter() {
		cte += `,
mc AS (SELECT m.id, m.is_module, 0 AS regions, 0 AS months, false AS free FROM m)`
	} else {
		cte += datesByCourse(&a, f, dc, regions, bounds, now, fitsCol, mcFits)
	}
	topic, typ := topicCond(&a, "mc.id", f.Topic), typeCond("mc.is_module", f.Type)
	rows, err := s.Pool.Query(ctx, `WITH `+cte+`
		SELECT 'emne', t.slug, t.name, count(mc.id)
		FROM topics t
		LEFT JOIN (mc JOIN course_topics ct ON ct.course_id = mc.id AND `+and(typ, fits)+`) ON ct.topic_id = t.id
		GROUP BY t.slug, t.name
		UNION ALL
		SELECT 'sted', mc.regions::text, '', count(*)
		FROM mc
		WHERE `+and(topic, typ)+`
		GROUP BY mc.regions
		UNION ALL
		SELECT 'maaned', mc.months::text, '', count(*)
		FROM mc
		WHERE `+and(topic, typ)+`
		GROUP BY mc.months
		UNION ALL
		SELECT 'type', CASE WHEN mc.is_module THEN 'modul' ELSE 'kursus' END, '', count(*)
		FROM mc
		WHERE `+and(topic, fits)+`
		GROUP BY 2
		UNION ALL
		SELECT 'ledige', 'ja', '', count(*)
		FROM mc
		WHERE `+and(topic, typ, "mc.free"), a...)
	if err != nil {
		return fc, err
	}
	defer rows.Close()
	// Regions and months come as bit masks with the number of courses that
	// have that mask: bit i is region i of catalog.Regions or month i of
	// months, counting from 1.
	regionCount, monthCount := make([]int, len(catalog.Regions)+1), make([]int, len(months)+1)
	types := map[string]int{}
	for rows.Next() {
		var kind, value, label string
		var n int
		if err := rows.Scan(&kind, &value, &label, &n); err != nil {
			return fc, err
		}
		switch kind {
		case "emne":
			fc.Topics = append(fc.Topics, catalog.FacetValue{Value: value, Label: label, Count: n})
		case "sted", "maaned":
			mask, err := strconv.Atoi(value)
			if err != nil {
				return fc, err
			}
			count := regionCount
			if kind == "maaned" {
				count = monthCount
			}
			for i := 1; i < len(count); i++ {
				if mask&(1<<i) != 0 {
					count[i] += n
				}
			}
		case "type":
			types[value] = n
		case "ledige":
			fc.Free = n
		}
	}
	if err := rows.Err(); err != nil {
		return fc, err
	}
	sortFacet(fc.Topics)
	for i, r := range catalog.Regions {
		fc.Regions = append(fc.Regions, catalog.FacetValue{Value: r.Slug, Label: r.Name, Count: regionCount[i+1]})
	}
	for i, m := range months {
		fc.Months = append(fc.Months, catalog.FacetValue{Value: m, Label: catalog.MonthLabel(m), Count: monthCount[i+1]})
	}
	fc.Types = []catalog.FacetValue{
		{Value: catalog.TypeCourse, Label: "Kurser", Count: types["kursus"]},
		{Value: catalog.TypeModule, Label: "Moduler i forløb", Count: types["modul"]},
		{Value: catalog.TypeProgramme, Label: "Forløb", Count: programmes},
	}
	return fc, nil
}

// datesByCourse is the CTEs cd, each matching course's upcoming dates
// summed up, and mc, the matching courses with them.
func datesByCourse(a *args, f catalog.Filter, dc dateConds, regions []string, bounds []time.Time, now time.Time, fitsCol, mcFits string) string {
	// Without words every published course matches: the dates are summed
	// up without joining m first (the courses left over are drafts, which
	// the LEFT JOIN from m drops).
	dates := `m JOIN course_dates d ON d.course_id = m.id`
	if f.Q == "" {
		dates = `course_dates d`
	}
	return `,
cd AS (
	SELECT d.course_id,
	       bit_or(1 << array_position(` + a.add(regions) + `::text[], v.region))` + filter(dc.month, dc.free) + ` AS regions,
	       bit_or(1 << width_bucket(d.starts_at, ` + a.add(bounds) + `::timestamptz[]))` + filter(dc.region, dc.free) + ` AS months,
	       bool_or(d.seats_taken < d.capacity)` + filter(dc.region, dc.month) + ` AS free` + fitsCol + `
	FROM ` + dates + ` JOIN venues v ON v.id = d.venue_id
	WHERE d.status = 'planned' AND d.starts_at > ` + a.add(now) + `
	GROUP BY d.course_id),
mc AS (
	SELECT m.id, m.is_module, coalesce(cd.regions, 0) AS regions, coalesce(cd.months, 0) AS months,
	       coalesce(cd.free, false) AS free` + mcFits + `
	FROM m LEFT JOIN cd ON cd.course_id = m.id)`
}

func sortFacet(v []catalog.FacetValue) {
	slices.SortFunc(v, func(a, b catalog.FacetValue) int { return strings.Compare(a.Label, b.Label) })
}

// nullDate scans the optional date of a LEFT JOIN.
type nullDate struct {
	ID                                    *int64
	Start, End, Deadline                  *time.Time
	Capacity, Taken                       *int
	Status                                *string
	VID                                   *int64
	VName, VStreet, VPost, VCity, VRegion *string
}

func (d nullDate) date(courseID int64) *catalog.CourseDate {
	if d.ID == nil {
		return nil
	}
	return &catalog.CourseDate{ID: *d.ID, CourseID: courseID, StartsAt: *d.Start, EndsAt: *d.End, Deadline: *d.Deadline,
		Capacity: *d.Capacity, SeatsTaken: *d.Taken, Status: *d.Status,
		Venue: catalog.Venue{ID: *d.VID, Name: *d.VName, Street: *d.VStreet, Postcode: *d.VPost, City: *d.VCity, Region: *d.VRegion}}
}
