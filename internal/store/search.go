package store

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/catalog"
)

// The catalogue's search is Postgres' own: the words are matched by the
// Danish full-text index of migration 000010 (stemming, phrases in quotes,
// words left out with a minus, "or", all from websearch_to_tsquery) or, for
// typos, by pg_trgm's similarity to the title; ts_rank_cd ranks them. One
// statement then filters, counts every filter choice and picks the page;
// a second reads the page's cards. The README's "Search" section has the
// measurements this was chosen by.

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

// titleSimilarity is how close words must come to a title to match it as a
// typo: pg_trgm's word similarity (set per connection in openPool).
// "politsk" is 0.62 from "Politisk forståelse"; pg_trgm's default of 0.6
// is too strict for longer words with two slips.
const titleSimilarity = 0.5

// Search returns one page of the catalogue with the counts every filter
// choice would give, in two round trips: the search with the programmes it
// finds, then the page's cards.
func (s *Store) Search(ctx context.Context, f catalog.Filter, now time.Time) (catalog.SearchResult, error) {
	var res catalog.SearchResult
	sql, a, err := searchSQL(f, now)
	if err != nil {
		return res, err
	}
	b := &pgx.Batch{}
	b.Queue(sql, a...)
	// Programmes match on their own words; topic and date filters are about
	// courses, so they hide programmes.
	withProgrammes := (f.Type == "" || f.Type == catalog.TypeProgramme) && f.Topic == "" && !f.HasDateFilter()
	if withProgrammes {
		queueProgrammes(b, f.Q)
	}
	br := s.Pool.SendBatch(ctx, b)
	ids, err := readSearch(br, &res, now)
	if err == nil && withProgrammes {
		res.Programmes, err = pgx.CollectRows(must(br.Query()), func(row pgx.CollectableRow) (catalog.ProgrammeCard, error) {
			var p catalog.ProgrammeCard
			err := row.Scan(&p.Programme.ID, &p.Programme.Slug, &p.Programme.Title, &p.Programme.Teaser)
			return p, err
		})
	}
	if cerr := br.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return res, err
	}
	for i := range res.Facets.Types {
		if res.Facets.Types[i].Value == catalog.TypeProgramme {
			res.Facets.Types[i].Count = len(res.Programmes)
		}
	}
	if f.Type == catalog.TypeProgramme {
		res.Total = len(res.Programmes)
		return res, nil
	}
	if len(ids) > 0 {
		if res.Cards, err = s.courseCards(ctx, ids, f, now); err != nil {
			return res, err
		}
	}
	return res, nil
}

// must passes a batch's rows on; their error comes with the first read.
func must(rows pgx.Rows, _ error) pgx.Rows { return rows }

func queueProgrammes(b *pgx.Batch, q string) {
	var a args
	words := ""
	if q != "" {
		p := a.add(q)
		words = ` AND (p.search @@ websearch_to_tsquery('danish', ` + p + `::text) OR lower(` + p + `::text) <% lower(p.title))`
	}
	b.Queue(`SELECT p.id, p.slug, p.title, p.teaser FROM programmes p
		WHERE p.status = 'published'`+words+`
		ORDER BY p.title`, a...)
}

// searchSQL builds the search statement for the shape of filter f (its
// parameters vary, its text only with the filters that are set, so a
// prepared plan fits every search of that shape). It returns rows (kind,
// key, label, n): one per choice of each filter with its count, the total,
// and the ids of the page's courses in order (kind "page", n the place).
//
// The region, month and free-seats filters apply to one and the same
// date; each filter's choices are counted with the other filters as they
// are. The dates are summed up once per course (x): the regions and months
// a course has a date in as bits, so that every count is one pass over
// the courses found, not over their dates.
func searchSQL(f catalog.Filter, now time.Time) (string, []any, error) {
	var a args
	dc, err := dateFilter(&a, f)
	if err != nil {
		return "", nil, err
	}
	inRegion, inMonth, isFree := and(dc.region), and(dc.month), and(dc.free)
	m := matchSQL(&a, f)
	// The regions by their bit, and the twelve months of the month facet
	// as the bounds of width_bucket: month i of them is bit i.
	regions := make([]string, len(catalog.Regions))
	for i, r := range catalog.Regions {
		regions[i] = r.Slug
	}
	months := catalog.NextMonths(now, 12)
	bounds := make([]time.Time, 0, len(months)+1)
	for _, m := range months {
		start, _ := catalog.MonthStart(m)
		bounds = append(bounds, start)
	}
	bounds = append(bounds, bounds[len(bounds)-1].AddDate(0, 1, 0))
	ofType := typeCondition(f.Type)
	fits := "true"
	if f.HasDateFilter() {
		fits = "s.next IS NOT NULL"
	}
	sql := m + `,
s AS MATERIALIZED (
	SELECT m.*, ` + ofType + ` AS of_type, x.next, coalesce(x.has_free, false) AS has_free,
	       coalesce(x.regions, 0) AS regions, coalesce(x.months, 0) AS months
	FROM m LEFT JOIN (
		SELECT d.course_id,
		       min(d.starts_at) FILTER (WHERE ` + inRegion + ` AND ` + inMonth + ` AND ` + isFree + `) AS next,
		       bool_or(d.seats_taken < d.capacity) FILTER (WHERE ` + inRegion + ` AND ` + inMonth + `) AS has_free,
		       bit_or(1 << array_position(` + a.add(regions) + `::text[], v.region)) FILTER (WHERE ` + inMonth + ` AND ` + isFree + `) AS regions,
		       bit_or(1 << width_bucket(d.starts_at, ` + a.add(bounds) + `::timestamptz[])) FILTER (WHERE ` + inRegion + ` AND ` + isFree + `) AS months
		FROM course_dates d JOIN venues v ON v.id = d.venue_id
		WHERE d.course_id IN (SELECT id FROM m) AND d.status = 'planned' AND d.starts_at > ` + a.add(now) + `
		GROUP BY d.course_id) x ON x.course_id = m.id)
SELECT 'topic', t.slug, t.name, coalesce(n.n, 0)
FROM topics t LEFT JOIN (
	SELECT ct.topic_id, count(*) AS n FROM s JOIN course_topics ct ON ct.course_id = s.id
	WHERE s.of_type AND ` + fits + ` GROUP BY ct.topic_id) n ON n.topic_id = t.id
UNION ALL
SELECT k.kind, k.key, '', k.n FROM (SELECT ` + countsSQL(len(regions), len(months), fits) + ` FROM s) c,
LATERAL (VALUES ` + unpivotSQL(regions, len(months)) + `) k(kind, key, n)
UNION ALL
SELECT 'page', p.id::text, '', p.n FROM (
	SELECT s.id, row_number() OVER (ORDER BY ` + searchOrder(f.Sort) + `) AS n
	FROM s WHERE s.in_topic AND s.of_type AND ` + fits + `
	ORDER BY ` + searchOrder(f.Sort) + `
	LIMIT ` + strconv.Itoa(pageLimit(f)) + ` OFFSET ` + strconv.Itoa((max(f.Page, 1)-1)*catalog.PageSize) + `) p`
	return sql, a, nil
}

// matchSQL is the start of the search statement: the words as a query
// (q), and the published courses they match (m), all when there are no
// words, with what the filters and the order need to know of each.
func matchSQL(a *args, f catalog.Filter) string {
	words, rank := "", "0::real"
	if f.Q != "" {
		words = " AND (c.search @@ q.tsq OR q.lq <% lower(c.title))"
		if f.Sort == catalog.SortRelevance {
			// A title that holds the words gets a whole point more, also
			// when they are part of a compound ("Mødeledelse" for
			// "ledelse"); a title found by a typo gets its similarity.
			rank = `ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', c.search, q.tsq)
				+ CASE WHEN strpos(lower(c.title), q.lt) > 0 THEN 1
				       WHEN c.search @@ q.tsq THEN 0
				       ELSE word_similarity(q.lq, lower(c.title)) END`
		}
	}
	inTopic := "true"
	if f.Topic != "" {
		inTopic = `c.id IN (SELECT ct.course_id FROM course_topics ct JOIN topics t ON t.id = ct.topic_id WHERE t.slug = ` + a.add(f.Topic) + `)`
	}
	pQ := a.add(f.Q)
	return `
WITH q AS MATERIALIZED (
	SELECT websearch_to_tsquery('danish', ` + pQ + `::text) AS tsq, lower(` + pQ + `::text) AS lq,
	       lower(btrim(replace(` + pQ + `::text, '"', ''))) AS lt),
m AS MATERIALIZED (
	SELECT c.id, c.title COLLATE "C" AS title, c.price_ore,
	       c.id IN (SELECT pm.course_id FROM programme_modules pm JOIN programmes p ON p.id = pm.programme_id
	                WHERE p.status = 'published') AS is_module,
	       ` + inTopic + ` AS in_topic, ` + rank + ` AS rank
	FROM courses c, q
	WHERE c.status = 'published'` + words + `)`
}

// countsSQL counts, in one pass over the courses found (s), the courses of
// each region (c.r1 …) and month (c.m1 …), with free seats, in all, and
// per type: the columns unpivotSQL turns into rows.
func countsSQL(regions, months int, fits string) string {
	counted := "s.in_topic AND s.of_type"
	var cols []string
	for i := 1; i <= regions; i++ {
		cols = append(cols, fmt.Sprintf("count(*) FILTER (WHERE %s AND s.regions & %d <> 0) AS r%d", counted, 1<<i, i))
	}
	for i := 1; i <= months; i++ {
		cols = append(cols, fmt.Sprintf("count(*) FILTER (WHERE %s AND s.months & %d <> 0) AS m%d", counted, 1<<i, i))
	}
	cols = append(cols,
		"count(*) FILTER (WHERE "+counted+" AND s.has_free) AS free",
		"count(*) FILTER (WHERE "+counted+" AND "+fits+") AS total",
		"count(*) FILTER (WHERE s.in_topic AND "+fits+" AND NOT s.is_module) AS courses",
		"count(*) FILTER (WHERE s.in_topic AND "+fits+" AND s.is_module) AS modules")
	return strings.Join(cols, ",\n\t")
}

// unpivotSQL turns the columns of countsSQL into rows (kind, key, n).
func unpivotSQL(regions []string, months int) string {
	var rows []string
	for i, r := range regions {
		rows = append(rows, fmt.Sprintf("('region', '%s', c.r%d)", r, i+1))
	}
	for i := 1; i <= months; i++ {
		rows = append(rows, fmt.Sprintf("('month', '%d', c.m%d)", i, i))
	}
	rows = append(rows, "('free', '', c.free)", "('total', '', c.total)",
		"('type', '"+catalog.TypeCourse+"', c.courses)", "('type', '"+catalog.TypeModule+"', c.modules)")
	return strings.Join(rows, ", ")
}

// typeCondition is the condition on a found course m of the type filter.
func typeCondition(typ string) string {
	switch typ {
	case catalog.TypeCourse:
		return "NOT m.is_module"
	case catalog.TypeModule:
		return "m.is_module"
	case catalog.TypeProgramme:
		return "false"
	}
	return "true"
}

// pageLimit is how many courses the page shows: none when only programmes
// are asked for.
func pageLimit(f catalog.Filter) int {
	if f.Type == catalog.TypeProgramme {
		return 0
	}
	return catalog.PageSize
}

// searchOrder is the ORDER BY of a sort order; courses without a date go
// last by date, and the title, then the id, break ties.
func searchOrder(sort string) string {
	switch sort {
	case catalog.SortRelevance:
		return "s.rank DESC, s.next NULLS LAST, s.title, s.id"
	case catalog.SortPrice:
		return "s.price_ore, s.title, s.id"
	case catalog.SortTitle:
		return "s.title, s.id"
	}
	return "s.next NULLS LAST, s.title, s.id"
}

// readSearch reads the rows of searchSQL into res and returns the page's
// course ids in order.
func readSearch(br pgx.BatchResults, res *catalog.SearchResult, now time.Time) ([]int64, error) {
	rows, _ := br.Query()
	counts := map[string]map[string]int{}
	var topics []catalog.FacetValue
	var ids []int64
	var kind, key, label string
	var n int64
	_, err := pgx.ForEachRow(rows, []any{&kind, &key, &label, &n}, func() error {
		switch kind {
		case "topic":
			topics = append(topics, catalog.FacetValue{Value: key, Label: label, Count: int(n)})
		case "page":
			id, err := strconv.ParseInt(key, 10, 64)
			if err != nil {
				return err
			}
			ids = append(ids, id)
		default:
			if counts[kind] == nil {
				counts[kind] = map[string]int{}
			}
			counts[kind][key] = int(n)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	fc := &res.Facets
	fc.Topics = topics
	slices.SortFunc(fc.Topics, func(a, b catalog.FacetValue) int { return strings.Compare(a.Label, b.Label) })
	for _, r := range catalog.Regions {
		fc.Regions = append(fc.Regions, catalog.FacetValue{Value: r.Slug, Label: r.Name, Count: counts["region"][r.Slug]})
	}
	for i, m := range catalog.NextMonths(now, 12) {
		fc.Months = append(fc.Months, catalog.FacetValue{Value: m, Label: catalog.MonthLabel(m), Count: counts["month"][strconv.Itoa(i+1)]})
	}
	fc.Types = []catalog.FacetValue{
		{Value: catalog.TypeCourse, Label: "Kurser", Count: counts["type"][catalog.TypeCourse]},
		{Value: catalog.TypeModule, Label: "Moduler i forløb", Count: counts["type"][catalog.TypeModule]},
		{Value: catalog.TypeProgramme, Label: "Forløb"},
	}
	fc.Free = counts["free"][""]
	res.Total = counts["total"][""]
	return ids, nil
}

// courseCards reads the cards of the courses ids, in that order, each with
// its first upcoming date that passes the date filters. A course
// unpublished since the search is left out.
func (s *Store) courseCards(ctx context.Context, ids []int64, f catalog.Filter, now time.Time) ([]catalog.CourseCard, error) {
	var a args
	pIDs := a.add(ids)
	dc, err := dateFilter(&a, f)
	if err != nil {
		return nil, err
	}
	rows, err := s.Pool.Query(ctx, `
SELECT c.id, c.slug, c.title, c.teaser, c.price_ore,
       c.id IN (SELECT pm.course_id FROM programme_modules pm JOIN programmes p ON p.id = pm.programme_id
                WHERE p.status = 'published'),
       nd.date_id, nd.starts_at, nd.ends_at, nd.deadline, nd.capacity, nd.seats_taken, nd.status,
       nd.venue_id, nd.name, nd.street, nd.postcode, nd.city, nd.region
FROM unnest(`+pIDs+`::bigint[]) WITH ORDINALITY AS page(id, n)
JOIN courses c ON c.id = page.id AND c.status = 'published'
LEFT JOIN LATERAL (
	SELECT d.id AS date_id, d.starts_at, d.ends_at, d.deadline, d.capacity, d.seats_taken, d.status,
	       v.id AS venue_id, v.name, v.street, v.postcode, v.city, v.region
	FROM course_dates d JOIN venues v ON v.id = d.venue_id
	WHERE d.course_id = c.id AND d.status = 'planned' AND d.starts_at > `+a.add(now)+`
	  AND `+and(dc.region, dc.month, dc.free)+`
	ORDER BY d.starts_at, d.id
	LIMIT 1) nd ON true
ORDER BY page.n`, a...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var cards []catalog.CourseCard
	for rows.Next() {
		var c catalog.CourseCard
		var d nullDate
		if err := rows.Scan(&c.ID, &c.Slug, &c.Title, &c.Teaser, &c.PriceOre, &c.IsModule,
			&d.ID, &d.Start, &d.End, &d.Deadline, &d.Capacity, &d.Taken, &d.Status,
			&d.VID, &d.VName, &d.VStreet, &d.VPost, &d.VCity, &d.VRegion); err != nil {
			return nil, err
		}
		c.NextDate = d.date(c.ID)
		cards = append(cards, c)
	}
	return cards, rows.Err()
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
