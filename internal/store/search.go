package store

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/catalog"
	"kursuskatalog/internal/fulltext"
)

// A search is split between Postgres and Go. Go filters, counts and sorts,
// over the facts of every published course that the store keeps in memory
// (catalog.Facts, read again when the catalogue's version moves), and
// matches the words against each course's search document, also kept in
// memory (package fulltext). Postgres turns the words into Danish lexemes,
// matches the queries Go does not (phrases in quotes, words left out with a
// minus), and reads the cards of the page that is shown. Summing up every
// upcoming date per search in SQL took 200–400 ms at 20,000 courses and
// 80,000 dates, and matching a word all of them hold 50–80 ms; in Go each
// takes a few milliseconds.

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

// Search returns one page of the catalogue with the counts every filter
// choice would give: the version check, the words' matches if there are
// words, the page's cards, and the programmes when they can show.
func (s *Store) Search(ctx context.Context, f catalog.Filter, now time.Time) (catalog.SearchResult, error) {
	var res catalog.SearchResult
	facts, err := s.catalogFacts(ctx, now)
	if err != nil {
		return res, err
	}
	var matches []catalog.Match
	// With type forloeb no course card shows, but the type facet still
	// counts the courses that match the words.
	if f.Q != "" {
		if matches, err = s.cachedMatches(ctx, facts, f.Q, f.Sort == catalog.SortRelevance); err != nil {
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

	found := facts.Find(f, now, matches, len(res.Programmes))
	res.Facets = found.Facets
	if f.Type == catalog.TypeProgramme {
		res.Total = len(res.Programmes)
		return res, nil
	}
	res.Total = found.Total
	if len(found.IDs) > 0 {
		if res.Cards, err = s.courseCards(ctx, found.IDs, f, now); err != nil {
			return res, err
		}
	}
	return res, nil
}

// cachedMatches are the matches of the words q, from the cache if a search
// made since the catalogue's version last moved had the same words.
func (s *Store) cachedMatches(ctx context.Context, facts *factsRead, q string, rank bool) ([]catalog.Match, error) {
	k := wordsKey{q: q, rank: rank}
	s.facts.mu.Lock()
	m, ok := s.facts.words.get(facts.order, k)
	s.facts.mu.Unlock()
	if ok {
		return m, nil
	}
	m, err := s.matchInMemory(ctx, facts, q)
	if errors.Is(err, fulltext.ErrUnsupported) {
		m, err = s.matchWords(ctx, facts, q, rank)
	}
	if err != nil {
		return nil, err
	}
	s.facts.mu.Lock()
	s.facts.words.put(facts.order, k, m)
	s.facts.mu.Unlock()
	return m, nil
}

// titleSimilarity is how close words must come to a title to match it as a
// typo: pg_trgm's word similarity. "politsk" is 0.62 from "Politisk
// forståelse"; pg_trgm's default of 0.6 is too strict for longer words with
// two slips.
const titleSimilarity = 0.5

var matchBuffers = sync.Pool{New: func() any { return new([]catalog.Match) }}

// matchInMemory finds the courses of facts that match the words q as
// matchWords does, over the documents in memory: Postgres only makes the
// words into a query of Danish lexemes. It returns
// fulltext.ErrUnsupported for the queries it leaves to Postgres.
func (s *Store) matchInMemory(ctx context.Context, facts *factsRead, q string) ([]catalog.Match, error) {
	var text string
	if err := s.Pool.QueryRow(ctx, `SELECT websearch_to_tsquery('danish', $1::text)::text`, q).Scan(&text); err != nil {
		return nil, err
	}
	query, err := fulltext.ParseQuery(text)
	if err != nil {
		return nil, err
	}
	// The matches are gathered in a buffer kept between searches and
	// copied out at their size: appending 20,000 matches to a growing slice
	// left five times their size for the collector.
	buf := matchBuffers.Get().(*[]catalog.Match)
	defer matchBuffers.Put(buf)
	*buf = (*buf)[:0]
	facts.index.Find(query, fulltext.NewWords(q), titleSimilarity, func(h fulltext.Hit) {
		*buf = append(*buf, catalog.Match{Course: int32(h.Text), Rank: h.Rank, TitleSimilarity: h.Similarity})
	})
	return append(make([]catalog.Match, 0, len(*buf)), *buf...), nil
}

// matchWords finds in Postgres the courses of facts that match the words q:
// by a Danish full-text search, or by a title within trigram distance for
// typos.
// Ranking is asked for only when the results are sorted by it (at 20,000
// matches it is half the query's time). The similarity of a title is worked
// out only for the courses the full-text search does not find, which are
// few: for all 20,000 titles that match "ledelse" it took 100 ms.
func (s *Store) matchWords(ctx context.Context, facts *factsRead, q string, rank bool) ([]catalog.Match, error) {
	cols := `c.id, 0::real, 0::real`
	if rank {
		cols = `c.id, ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', c.search, q.tsq),
		       CASE WHEN c.search @@ q.tsq THEN 0 ELSE word_similarity(q.lq, lower(c.title)) END`
	}
	rows, err := s.Pool.Query(ctx, `
		WITH q AS MATERIALIZED (SELECT websearch_to_tsquery('danish', $1::text) AS tsq, lower($1::text) AS lq)
		SELECT `+cols+`
		FROM courses c, q
		WHERE c.status = 'published' AND (c.search @@ q.tsq OR q.lq <% lower(c.title))`, q)
	if err != nil {
		return nil, err
	}
	index := make(map[int64]int, len(facts.Courses))
	for i, c := range facts.Courses {
		index[c.ID] = i
	}
	matches := []catalog.Match{}
	var id int64
	var r, sim float32
	_, err = pgx.ForEachRow(rows, []any{&id, &r, &sim}, func() error {
		if i, ok := index[id]; ok { // not a course published since the facts were read
			matches = append(matches, catalog.Match{Course: int32(i), Rank: r, TitleSimilarity: sim})
		}
		return nil
	})
	return matches, err
}

// courseCards reads the cards of the courses ids, in that order, each with
// its first upcoming date that passes the date filters. A course
// unpublished since the facts were read is left out.
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
