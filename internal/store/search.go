package store

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/catalog"
)

// The catalogue query is built from two CTEs shared by the result and the
// facet queries: m, the published courses that match the words (full text
// in Danish, or a title within trigram distance for typos), and d, their
// upcoming planned dates with the facts the filters ask about. Parameters:
// $1 words, $2 topic, $3 region, $4 month, $5 type, $6 free seats only, $7 now.
const searchCTE = `
WITH q AS (SELECT websearch_to_tsquery('danish', $1::text) AS tsq, lower($1::text) AS lq),
m AS (
	SELECT c.id, c.slug, c.title, c.teaser, c.price_ore,
	       c.id IN (SELECT pm.course_id FROM programme_modules pm JOIN programmes p ON p.id = pm.programme_id
	                WHERE p.status = 'published') AS is_module,
	       CASE WHEN $1 = '' THEN 0
	            ELSE ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', c.search, q.tsq) + word_similarity(q.lq, lower(c.title)) END AS rank
	FROM courses c, q
	WHERE c.status = 'published'
	  AND ($1 = '' OR c.search @@ q.tsq OR q.lq <% lower(c.title))
),
d AS (
	SELECT d.id, d.course_id, d.starts_at, d.ends_at, d.deadline, d.capacity, d.seats_taken, d.status,
	       v.id AS venue_id, v.name AS venue_name, v.street, v.postcode, v.city, v.region,
	       to_char(d.starts_at AT TIME ZONE 'Europe/Copenhagen', 'YYYY-MM') AS month,
	       d.seats_taken < d.capacity AS free
	FROM course_dates d JOIN venues v ON v.id = d.venue_id
	WHERE d.course_id IN (SELECT id FROM m) AND d.status = 'planned' AND d.starts_at > $7
)`

// customPlan has Postgres plan each catalogue query for its actual
// parameters. A cached generic plan cannot see that "$1 = ”" is false and
// so scans every course for every search (from the sixth execution on, when
// Postgres switches to the generic plan: 10 ms became 130 ms at 20,000
// courses).
const customPlan = pgx.QueryExecModeExec

const (
	topicOK    = `($2 = '' OR m.id IN (SELECT ct.course_id FROM course_topics ct JOIN topics t ON t.id = ct.topic_id WHERE t.slug = $2))`
	typeOK     = `($5 = '' OR ($5 = 'modul' AND m.is_module) OR ($5 = 'kursus' AND NOT m.is_module))`
	regionOK   = `($3 = '' OR d.region = $3)`
	monthOK    = `($4 = '' OR d.month = $4)`
	freeOK     = `(NOT $6 OR d.free)`
	dateFilter = `($3 <> '' OR $4 <> '' OR $6)`
)

// Search returns one page of the catalogue with the counts every filter
// choice would give, in three queries whatever the catalogue's size.
func (s *Store) Search(ctx context.Context, f catalog.Filter, now time.Time) (catalog.SearchResult, error) {
	var res catalog.SearchResult
	args := []any{f.Q, f.Topic, f.Region, f.Month, f.Type, f.FreeOnly, now}

	if f.Type != catalog.TypeProgramme {
		order := `m.title, m.id`
		switch f.Sort {
		case catalog.SortRelevance:
			order = `m.rank DESC, nd.starts_at NULLS LAST, m.title, m.id`
		case catalog.SortDate:
			order = `nd.starts_at NULLS LAST, m.title, m.id`
		case catalog.SortPrice:
			order = `m.price_ore, m.title, m.id`
		}
		// nd is each course's next date that passes the date filters, found
		// in one pass over d (a lateral subquery per course over the
		// materialised d grows with the square of the catalogue).
		rows, err := s.Pool.Query(ctx, searchCTE+`,
			nd AS (
				SELECT DISTINCT ON (d.course_id) * FROM d
				WHERE `+regionOK+` AND `+monthOK+` AND `+freeOK+`
				ORDER BY d.course_id, d.starts_at)
			SELECT m.id, m.slug, m.title, m.teaser, m.price_ore, m.is_module, count(*) OVER (),
			       nd.id, nd.starts_at, nd.ends_at, nd.deadline, nd.capacity, nd.seats_taken, nd.status,
			       nd.venue_id, nd.venue_name, nd.street, nd.postcode, nd.city, nd.region
			FROM m LEFT JOIN nd ON nd.course_id = m.id
			WHERE `+topicOK+` AND `+typeOK+` AND (NOT `+dateFilter+` OR nd.id IS NOT NULL)
			ORDER BY `+order+`
			LIMIT $8 OFFSET $9`, append([]any{customPlan}, append(args, catalog.PageSize, (f.Page-1)*catalog.PageSize)...)...)
		if err != nil {
			return res, err
		}
		for rows.Next() {
			var c catalog.CourseCard
			var d nullDate
			if err := rows.Scan(&c.ID, &c.Slug, &c.Title, &c.Teaser, &c.PriceOre, &c.IsModule, &res.Total,
				&d.ID, &d.Start, &d.End, &d.Deadline, &d.Capacity, &d.Taken, &d.Status,
				&d.VID, &d.VName, &d.VStreet, &d.VPost, &d.VCity, &d.VRegion); err != nil {
				rows.Close()
				return res, err
			}
			c.NextDate = d.date(c.ID)
			res.Cards = append(res.Cards, c)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return res, err
		}
	}

	// Programmes match on their own words; topic and date filters are about
	// courses, so they hide programmes.
	if f.Type == "" || f.Type == catalog.TypeProgramme {
		rows, err := s.Pool.Query(ctx, `
			SELECT p.id, p.slug, p.title, p.teaser FROM programmes p
			WHERE p.status = 'published' AND $2 = '' AND NOT ($3 <> '' OR $4 <> '' OR $5)
			  AND ($1 = '' OR p.search @@ websearch_to_tsquery('danish', $1) OR lower($1) <% lower(p.title))
			ORDER BY p.title`, customPlan, f.Q, f.Topic, f.Region, f.Month, f.FreeOnly)
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
		if f.Type == catalog.TypeProgramme {
			res.Total = len(res.Programmes)
		}
	}

	facets, err := s.facets(ctx, args, now, len(res.Programmes))
	if err != nil {
		return res, err
	}
	res.Facets = facets
	return res, nil
}

// facets counts, for each choice of each filter, the courses the catalogue
// would show with that choice and every other filter as it is.
func (s *Store) facets(ctx context.Context, args []any, now time.Time, programmes int) (catalog.Facets, error) {
	var fc catalog.Facets
	rows, err := s.Pool.Query(ctx, searchCTE+`,
		dm AS (SELECT DISTINCT d.course_id FROM d WHERE `+regionOK+` AND `+monthOK+` AND `+freeOK+`)
		SELECT 'emne', t.slug, t.name, count(m.id)
		FROM topics t
		LEFT JOIN course_topics ct ON ct.topic_id = t.id
		LEFT JOIN m ON m.id = ct.course_id AND `+typeOK+` AND (NOT `+dateFilter+` OR m.id IN (SELECT course_id FROM dm))
		GROUP BY t.slug, t.name
		UNION ALL
		SELECT 'sted', d.region, '', count(DISTINCT m.id)
		FROM m JOIN d ON d.course_id = m.id
		WHERE `+topicOK+` AND `+typeOK+` AND `+monthOK+` AND `+freeOK+`
		GROUP BY d.region
		UNION ALL
		SELECT 'maaned', d.month, '', count(DISTINCT m.id)
		FROM m JOIN d ON d.course_id = m.id
		WHERE `+topicOK+` AND `+typeOK+` AND `+regionOK+` AND `+freeOK+`
		GROUP BY d.month
		UNION ALL
		SELECT 'type', CASE WHEN m.is_module THEN 'modul' ELSE 'kursus' END, '', count(*)
		FROM m
		WHERE `+topicOK+` AND (NOT `+dateFilter+` OR m.id IN (SELECT course_id FROM dm))
		GROUP BY 2
		UNION ALL
		SELECT 'ledige', 'ja', '', count(DISTINCT m.id)
		FROM m JOIN d ON d.course_id = m.id
		WHERE `+topicOK+` AND `+typeOK+` AND `+regionOK+` AND `+monthOK+` AND d.free`, append([]any{customPlan}, args...)...)
	if err != nil {
		return fc, err
	}
	defer rows.Close()
	counts := map[string]map[string]int{"sted": {}, "maaned": {}, "type": {}}
	for rows.Next() {
		var kind, value, label string
		var n int
		if err := rows.Scan(&kind, &value, &label, &n); err != nil {
			return fc, err
		}
		switch kind {
		case "emne":
			fc.Topics = append(fc.Topics, catalog.FacetValue{Value: value, Label: label, Count: n})
		case "ledige":
			fc.Free = n
		default:
			counts[kind][value] = n
		}
	}
	if err := rows.Err(); err != nil {
		return fc, err
	}
	sortFacet(fc.Topics)
	for _, r := range catalog.Regions {
		fc.Regions = append(fc.Regions, catalog.FacetValue{Value: r.Slug, Label: r.Name, Count: counts["sted"][r.Slug]})
	}
	for _, m := range catalog.NextMonths(now, 12) {
		fc.Months = append(fc.Months, catalog.FacetValue{Value: m, Label: catalog.MonthLabel(m), Count: counts["maaned"][m]})
	}
	fc.Types = []catalog.FacetValue{
		{Value: catalog.TypeCourse, Label: "Kurser", Count: counts["type"]["kursus"]},
		{Value: catalog.TypeModule, Label: "Moduler i forløb", Count: counts["type"]["modul"]},
		{Value: catalog.TypeProgramme, Label: "Forløb", Count: programmes},
	}
	return fc, nil
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
