package store

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/catalog"
)

// The catalogue's search is Postgres' own: the words are matched by the
// Danish full-text index of migration 000010 (stemming, phrases in quotes,
// words left out with a minus, "or", all from websearch_to_tsquery) and
// as the start or end of a title's words (compounds, migration 000135);
// ts_rank_cd ranks them. When the words find no course, the search takes
// them for typos and finds the titles they resemble (pg_trgm's word
// similarity) instead, and says so. One statement filters, counts every
// filter choice and picks the page; a second reads the page's cards. The
// README's "Search" section has the measurements this was chosen by.

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
// finds, then the page's cards. When the words as written find no course
// at all (whatever the filters) and no programme, it searches again for
// titles like them, so that a typo still finds its course, and marks the
// result Similar.
func (s *Store) Search(ctx context.Context, f catalog.Filter, now time.Time) (catalog.SearchResult, error) {
	res, words, err := s.search(ctx, f, now, false)
	if err != nil || f.Q == "" || words > 0 || len(res.Programmes) > 0 {
		return res, err
	}
	res, _, err = s.search(ctx, f, now, true)
	res.Similar = res.Total > 0 || len(res.Programmes) > 0
	return res, err
}

// search is one search: by the words (similar false), or by the titles
// like them. It also returns how many courses the words find before the
// filters.
func (s *Store) search(ctx context.Context, f catalog.Filter, now time.Time, similar bool) (catalog.SearchResult, int, error) {
	var res catalog.SearchResult
	sql, a, err := searchSQL(f, now, similar)
	if err != nil {
		return res, 0, err
	}
	b := &pgx.Batch{}
	b.Queue(sql, a...)
	// Programmes match on their own words; topic and date filters are about
	// courses, so they hide programmes.
	withProgrammes := (f.Type == "" || f.Type == catalog.TypeProgramme) && f.Topic == "" && !f.HasDateFilter()
	if withProgrammes {
		queueProgrammes(b, f.Q, similar)
	}
	br := s.Pool.SendBatch(ctx, b)
	ids, words, err := readSearch(br, &res, now)
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
		return res, 0, err
	}
	for i := range res.Facets.Types {
		if res.Facets.Types[i].Value == catalog.TypeProgramme {
			res.Facets.Types[i].Count = len(res.Programmes)
		}
	}
	if f.Type == catalog.TypeProgramme {
		res.Total = len(res.Programmes)
		return res, words, nil
	}
	if len(ids) > 0 {
		if res.Cards, err = s.courseCards(ctx, ids, f, now); err != nil {
			return res, 0, err
		}
	}
	return res, words, nil
}

// must passes a batch's rows on; their error comes with the first read.
func must(rows pgx.Rows, _ error) pgx.Rows { return rows }

// queueProgrammes queues the published programmes the words find, as
// courses are found: by their words or titles, or by titles like them.
func queueProgrammes(b *pgx.Batch, q string, similar bool) {
	var a args
	words := ""
	switch {
	case q != "" && similar:
		words = ` AND lower(` + a.add(q) + `::text) <% lower(p.title)`
	case q != "":
		words = ` AND (p.search @@ websearch_to_tsquery('danish', ` + a.add(q) + `::text) OR title_parts(p.title) @@ nullif(` + a.add(titleParts(q)) + `, '')::tsquery)`
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
// It reads one row per published course, its course_search row
// (migration 000121): a course's dates summed up per region, as the
// months it has a date in and its first date, with and without free
// seats. The row of a course changed since the last FoldSearch, or whose
// first date has started, is computed from the tables instead (live), so
// the search is never behind. Region, month and free seats apply to one
// and the same date; each filter's choices are counted with the other
// filters as they are, in one pass over the courses found (grouping sets,
// g), the counts per region and month read from the bits of the groups.
// A second pass picks the page: keeping the courses found between the
// passes cost more than finding them again.
func searchSQL(f catalog.Filter, now time.Time, similar bool) (string, []any, error) {
	var a args
	pNow := a.add(now)
	m, c, err := matchSQL(&a, f, pNow, similar)
	if err != nil {
		return "", nil, err
	}
	pThisMonth := a.add(copenhagenMonth(now))
	counted := and(c.inTopic, c.ofType)
	shown := and(counted, c.fits)
	sql := m + `,
g AS (
	SELECT t, r, mo0, mo, y, fr, tot, title_hit, GROUPING(t, r, mo0, y) = 15 AS every, count(*) AS n
	FROM (SELECT ` + caseWhen(and(c.ofType, c.fits), "m.topic_ids") + ` AS t,
	             ` + caseWhen(counted, "m.regions") + ` AS r,
	             ` + caseWhen(counted, "m.month0") + ` AS mo0,
	             ` + caseWhen(counted, "m.months") + ` AS mo,
	             ` + caseWhen(and(c.inTopic, c.fits), "m.is_module") + ` AS y,
	             ` + and(counted, "m.has_free") + ` AS fr,
	             ` + shown + ` AS tot, m.title_hit
	      FROM m) x
	GROUP BY GROUPING SETS ((t), (r), (mo0, mo), (y, fr, tot, title_hit), ()))
SELECT 'topic', tp.slug, tp.name, coalesce(sum(gt.n), 0)::bigint
FROM topics tp LEFT JOIN (SELECT unnest(g.t) AS id, g.n FROM g WHERE g.t IS NOT NULL) gt ON gt.id = tp.id
GROUP BY tp.id
UNION ALL
SELECT 'region', i::text, '', sum(g.n)::bigint FROM g, generate_series(1, 5) i
WHERE g.r & (1 << (i - 1)) <> 0 GROUP BY i
UNION ALL
SELECT 'month', (i + 1)::text, '', sum(g.n)::bigint FROM g, generate_series(0, 11) i
WHERE g.mo0 - ` + pThisMonth + ` BETWEEN 0 AND i AND g.mo & (1::bigint << (i - (g.mo0 - ` + pThisMonth + `))) <> 0
GROUP BY i
UNION ALL
SELECT 'free', '', '', coalesce(sum(g.n), 0)::bigint FROM g WHERE g.fr
UNION ALL
SELECT 'total', '', '', coalesce(sum(g.n), 0)::bigint FROM g WHERE g.tot
UNION ALL
SELECT 'words', '', '', coalesce(sum(g.n), 0)::bigint FROM g WHERE g.every
UNION ALL
SELECT 'type', CASE WHEN g.y THEN '` + catalog.TypeModule + `' ELSE '` + catalog.TypeCourse + `' END, '', sum(g.n)::bigint
FROM g WHERE g.y IS NOT NULL GROUP BY g.y
UNION ALL
SELECT 'page', p.id::text, '', p.n FROM unnest(ARRAY(` + pageSQL(f, shown, similar) + `)) WITH ORDINALITY AS p(id, n)`
	return sql, a, nil
}

// minPart is the fewest letters a word of a search must have to be found
// as the start or end of a title's word: "it" would find every word that
// starts or ends with those two letters.
const minPart = 4

// titleParts is the query (tsquery text) that finds titles holding each
// word of q as the start or the end of one of their words, as the
// title_parts column (migration 000135) holds them: forwards, and
// backwards for the end. "ledelse" becomes 'ledelse':* | 'esledel':*,
// which finds "Mødeledelse" and "Ledelsesudvikling". It is "" when q is
// not only plain words of minPart letters or more: quotes, a minus and
// "or" are for the words themselves, and a short word is better left to
// them.
func titleParts(q string) string {
	var parts []string
	for _, w := range strings.Fields(strings.ToLower(q)) {
		w = strings.Trim(w, "!?.,;:")
		if utf8.RuneCountInString(w) < minPart || strings.IndexFunc(w, notLetterOrDigit) >= 0 {
			return ""
		}
		r := []rune(w)
		slices.Reverse(r)
		parts = append(parts, "('"+w+"':* | '"+string(r)+"':*)")
	}
	return strings.Join(parts, " & ")
}

func notLetterOrDigit(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// caseWhen is expr where cond holds, else NULL; expr if cond is always.
func caseWhen(cond, expr string) string {
	if cond == "true" {
		return expr
	}
	return "CASE WHEN " + cond + " THEN " + expr + " END"
}

// copenhagenMonth is SQL's copenhagen_month (migration 000121): the months
// since year 0, in Copenhagen.
func copenhagenMonth(t time.Time) int {
	y, m, _ := t.In(catalog.Copenhagen).Date()
	return y*12 + int(m) - 1
}

// foundConds are the conditions on a course m found by the words that the
// filters set: its topic, its type and its dates; "" when not set.
type foundConds struct{ inTopic, ofType, fits string }

// matchSQL is the start of the search statement: the words as queries
// (q), the courses whose summary row is behind (live), every published
// course's row (c), and the courses the words find (m), all when there
// are no words, with what the filters, counts and order need of each.
// The words find a course by its text or its title's words (two exact
// index lookups, so Postgres reads no course twice), or, when similar, by
// a title like them. A kept row is current when its first date is after
// now or it has none; that is checked on each row read ("IS NOT FALSE"),
// as the planner would otherwise read next_at's index whole for every
// search.
func matchSQL(a *args, f catalog.Filter, pNow string, similar bool) (string, foundConds, error) {
	var fc foundConds
	words, titleHit := "", "false"
	if f.Q != "" {
		words = "\n\tWHERE c.search @@ (SELECT tsq FROM q) OR c.title_parts @@ (SELECT pq FROM q)"
		if similar {
			words = "\n\tWHERE (SELECT lq FROM q) <% c.title_lower"
		}
		if f.Sort == catalog.SortRelevance {
			titleHit = "strpos(c.title_lower, (SELECT lt FROM q)) > 0"
		}
	}
	var cols []string
	if f.Topic != "" {
		cols = append(cols, `(SELECT t.id FROM topics t WHERE t.slug = `+a.add(f.Topic)+`) = ANY (c.topic_ids) AS in_topic`)
		fc.inTopic = "m.in_topic"
	}
	if t := typeCondition(f.Type); t != "" {
		cols = append(cols, t+" AS of_type")
		fc.ofType = "m.of_type"
	}
	dates, join, err := dateFacts(a, f, pNow)
	if err != nil {
		return "", fc, err
	}
	if f.HasDateFilter() {
		fc.fits = "m.next IS NOT NULL"
	}
	pQ := a.add(f.Q)
	return `
WITH q AS MATERIALIZED (
	SELECT tsq, lq, lt, '%' || replace(replace(replace(lt, '\', '\\'), '%', '\%'), '_', '\_') || '%' AS lpat,
	       nullif(` + a.add(titleParts(f.Q)) + `, '')::tsquery AS pq
	FROM (SELECT websearch_to_tsquery('danish', ` + pQ + `::text) AS tsq, lower(` + pQ + `::text) AS lq,
	             lower(btrim(replace(` + pQ + `::text, '"', ''), ' !?.,;:')) AS lt) w),
live AS MATERIALIZED (
	SELECT course_id FROM course_search_changed
	UNION
	SELECT course_id FROM course_search WHERE next_at <= ` + pNow + `
	UNION
	SELECT course_id FROM course_search WHERE ` + pNow + ` < (SELECT made_for FROM course_search_state)),
c AS (
	SELECT s.* FROM course_search s
	WHERE s.course_id NOT IN (SELECT course_id FROM course_search_changed)
	  AND (s.next_at > ` + pNow + `) IS NOT FALSE AND ` + pNow + ` >= (SELECT made_for FROM course_search_state)
	UNION ALL
	SELECT * FROM course_search_rows(ARRAY(SELECT course_id FROM live), ` + pNow + `) WHERE EXISTS (SELECT FROM live)),
m AS NOT MATERIALIZED (
	SELECT c.course_id AS id, c.title, c.price_ore, c.is_module, c.topic_ids, c.month0, ` + dates +
		strings.Join(append([]string{""}, cols...), ", ") + `,
	       ` + titleHit + ` AS title_hit, c.search, c.title_lower
	FROM c` + join + words + `)`, fc, nil
}

// dateFacts are the columns of m that the date filters decide, for a
// course's row c: the first date that passes them (next; none: the course
// does not fit), the regions with a date that passes the other two
// (regions), the months likewise (months, bits from c.month0), and whether
// a date in the chosen region and month has free seats (has_free). The
// summary rows answer this alone without a month; with one, each course
// that has a date in that month (its month bits tell) reads its dates in
// that month (md).
func dateFacts(a *args, f catalog.Filter, pNow string) (cols, join string, err error) {
	k := 6 // any region
	if f.Region != "" {
		k = slices.IndexFunc(catalog.Regions, func(r struct{ Slug, Name string }) bool { return r.Slug == f.Region }) + 1
	}
	free := ""
	if f.FreeOnly {
		free = "free_"
	}
	// The months (and for the month filter, the courses that may have a
	// date in it) in the chosen region, with free seats if chosen.
	months := "c.months"
	if f.Region != "" || f.FreeOnly {
		months = fmt.Sprintf("c.%smonth_bits[%d]", free, k)
	}
	if f.Month == "" {
		if f.Region == "" && !f.FreeOnly {
			return "c.next_at AS next, c.regions, c.months, c.free_regions <> 0 AS has_free", "", nil
		}
		hasFree := "c.free_regions <> 0"
		if f.Region != "" {
			hasFree = fmt.Sprintf("c.free_nexts[%d] IS NOT NULL", k)
		}
		return fmt.Sprintf("c.%snexts[%d] AS next, c.%sregions AS regions, %s AS months, %s AS has_free",
			free, k, free, months, hasFree), "", nil
	}
	inMonth := "c.months"
	if f.FreeOnly {
		inMonth = "c.free_month_bits[6]"
	}
	start, err := catalog.MonthStart(f.Month)
	if err != nil {
		return "", "", fmt.Errorf("month %q: %w", f.Month, err)
	}
	inRegion, isFree := "true", "true"
	if f.Region != "" {
		inRegion = "v.region = " + a.add(f.Region)
	}
	if f.FreeOnly {
		isFree = "d.seats_taken < d.capacity"
	}
	pMonth := a.add(copenhagenMonth(start))
	join = `
	LEFT JOIN LATERAL (
		SELECT coalesce(bit_or(1 << (region_no(v.region) - 1)) FILTER (WHERE ` + isFree + `), 0) AS regions,
		       min(d.starts_at) FILTER (WHERE ` + inRegion + ` AND ` + isFree + `) AS next,
		       coalesce(bool_or(d.seats_taken < d.capacity) FILTER (WHERE ` + inRegion + `), false) AS has_free
		FROM course_dates d JOIN venues v ON v.id = d.venue_id
		WHERE d.course_id = c.course_id AND d.status = 'planned' AND d.starts_at > ` + pNow + `
		  AND d.starts_at >= ` + a.add(start) + ` AND d.starts_at < ` + a.add(start.AddDate(0, 1, 0)) + `
	) md ON c.month0 <= ` + pMonth + ` AND (` + pMonth + ` - c.month0 >= 63 OR (` + inMonth + ` >> (` + pMonth + ` - c.month0)) & 1 = 1)`
	return "md.next, coalesce(md.regions, 0) AS regions, " + months + " AS months, coalesce(md.has_free, false) AS has_free", join, nil
}

// typeCondition is the condition on a course's row c of the type filter.
func typeCondition(typ string) string {
	switch typ {
	case catalog.TypeCourse:
		return "NOT c.is_module"
	case catalog.TypeModule:
		return "c.is_module"
	case catalog.TypeProgramme:
		return "false"
	}
	return ""
}

// pageLimit is how many courses the page shows: none when only programmes
// are asked for.
func pageLimit(f catalog.Filter) int {
	if f.Type == catalog.TypeProgramme {
		return 0
	}
	return catalog.PageSize
}

func pageOffset(f catalog.Filter) int { return (max(f.Page, 1) - 1) * catalog.PageSize }

// pageSQL selects the ids of the page's courses, in order; courses
// without a date go last by date, and the title, then the id, break ties.
func pageSQL(f catalog.Filter, shown string, similar bool) string {
	limit := " LIMIT " + strconv.Itoa(pageLimit(f)) + " OFFSET " + strconv.Itoa(pageOffset(f))
	switch {
	case f.Sort == catalog.SortRelevance && f.Q != "":
		return relevancePageSQL(f, shown, similar) + limit
	case f.Sort == catalog.SortPrice:
		return "SELECT m.id FROM m WHERE " + shown + " ORDER BY m.price_ore, m.title, m.id" + limit
	case f.Sort == catalog.SortTitle:
		return "SELECT m.id FROM m WHERE " + shown + " ORDER BY m.title, m.id" + limit
	}
	return "SELECT m.id FROM m WHERE " + shown + " ORDER BY m.next NULLS LAST, m.title, m.id" + limit
}

// relevancePageSQL orders by relevance: the courses whose title holds the
// words come first (also as part of a compound: "Mødeledelse" for
// "ledelse"), then the others; within each, Postgres' ts_rank_cd orders
// them (the title weighted 1.0, the teaser 0.4, the rest 0.2), titles
// like the words by their similarity. ts_rank_cd reads a course's whole
// text, so only the part the page falls in is read and ranked: the
// courses with the words in their title (found by the title's trigram
// index), counted in g, or the others, or both.
func relevancePageSQL(f catalog.Filter, shown string, similar bool) string {
	off, end := strconv.Itoa(pageOffset(f)), strconv.Itoa(pageOffset(f)+catalog.PageSize)
	hits := "(SELECT coalesce(sum(g.n), 0) FROM g WHERE g.tot AND g.title_hit)"
	rank := "ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', m.search, (SELECT tsq FROM q))"
	if similar {
		rank = "word_similarity((SELECT lq FROM q), m.title_lower)"
	}
	ranked := `SELECT m.id, m.title_hit, m.next, m.title, ` + rank + ` AS rank
		FROM m WHERE ` + shown
	return `SELECT x.id FROM (
		` + ranked + ` AND m.title_lower LIKE (SELECT lpat FROM q) AND ` + off + ` < ` + hits + `
		UNION ALL
		` + ranked + ` AND NOT m.title_hit AND ` + end + ` > ` + hits + `) x
	ORDER BY x.title_hit DESC, x.rank DESC, x.next NULLS LAST, x.title, x.id`
}

// readSearch reads the rows of searchSQL into res and returns the page's
// course ids in order and how many courses the words found.
func readSearch(br pgx.BatchResults, res *catalog.SearchResult, now time.Time) ([]int64, int, error) {
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
		return nil, 0, err
	}
	fc := &res.Facets
	fc.Topics = topics
	slices.SortFunc(fc.Topics, func(a, b catalog.FacetValue) int { return strings.Compare(a.Label, b.Label) })
	for _, r := range catalog.Regions {
		fc.Regions = append(fc.Regions, catalog.FacetValue{Value: r.Slug, Label: r.Name, Count: counts["region"][strconv.Itoa(len(fc.Regions)+1)]})
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
	return ids, counts["words"][""], nil
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
