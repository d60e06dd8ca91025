package store

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"kursuskatalog/internal/catalog"
	"kursuskatalog/internal/fulltext"
)

// factsCache holds the catalogue's facts as last read; a search reads
// them again when the catalogue's version (migration 000019) has moved on.
type factsCache struct {
	facts   atomic.Pointer[factsRead]
	loading sync.Mutex // one process reads the facts at a time

	mu    sync.Mutex
	words wordsCache
}

// wordsCache keeps the matches of the last searches' words for one order
// of the courses in the facts (factsRead.order): choosing a filter, a sort
// order or a page after a search is a new page, but the same words. At
// 20,000 courses a word that matches all of them takes 4–8 ms to match and
// rank in memory.
type wordsCache struct {
	order   int64
	keys    []wordsKey // oldest first
	matches map[wordsKey][]catalog.Match
	held    int // matches held in all
}

type wordsKey struct {
	q    string
	rank bool
}

// The cache's bounds: a few megabytes at most.
const (
	maxCachedWords   = 32
	maxCachedMatches = 100_000
)

func (w *wordsCache) get(order int64, k wordsKey) ([]catalog.Match, bool) {
	if w.order != order {
		return nil, false
	}
	m, ok := w.matches[k]
	return m, ok
}

func (w *wordsCache) put(order int64, k wordsKey, m []catalog.Match) {
	if order < w.order {
		return // matched in facts older than the last
	}
	if order > w.order || w.matches == nil {
		*w = wordsCache{order: order, matches: map[wordsKey][]catalog.Match{}}
	}
	if _, ok := w.matches[k]; ok || len(m) > maxCachedMatches {
		return
	}
	for len(w.keys) > 0 && (len(w.keys) >= maxCachedWords || w.held+len(m) > maxCachedMatches) {
		w.held -= len(w.matches[w.keys[0]])
		delete(w.matches, w.keys[0])
		w.keys = w.keys[1:]
	}
	w.keys = append(w.keys, k)
	w.matches[k] = m
	w.held += len(m)
}

// factsRead are facts with what decides whether they are still fresh: the
// catalogue's versions they were read at, when, and from when on they hold
// the dates.
type factsRead struct {
	*catalog.Facts
	version, seats int64
	read, from     time.Time
	docs           []courseDoc // by the index of the course in Courses
	index          *fulltext.Index
	// order numbers the courses' order and their texts: matches, which
	// name courses by their index, hold for all facts of the same order.
	// It moves on when a course's row or the published courses change.
	order int64
}

// courseDoc is what words are matched against in a course: its search
// document (the tsvector of migration 000010) and its title, as they were
// in the row version xmin.
type courseDoc struct {
	xmin int64
	text fulltext.Text
}

// seatsLag is how long the facts' free seats may lag behind the dates.
// In a rush of bookings dates fill up many times a second (221 times in ten
// seconds of the booking benchmark), and reading the facts again each time
// made a catalogue search take 154 ms p50 beside it. The page caches show
// seats that old too (PublishSeatChanges).
const seatsLag = time.Second

// catalogFacts returns the facts of the current catalogue, which hold the
// dates that start after now. Checking the versions costs one round trip
// per search; every instance of the server sees every staff edit in its
// next search, whether or not it has heard the change notification yet,
// and dates filling up or freeing seats within seatsLag.
func (s *Store) catalogFacts(ctx context.Context, now time.Time) (*factsRead, error) {
	var version, seats int64
	if err := s.Pool.QueryRow(ctx, `SELECT version, seats FROM catalog_version`).Scan(&version, &seats); err != nil {
		return nil, err
	}
	fresh := func(f *factsRead) bool {
		return f != nil && f.version == version && !now.Before(f.from) && (f.seats == seats || time.Since(f.read) < seatsLag)
	}
	if f := s.facts.facts.Load(); fresh(f) {
		return f, nil
	}
	s.facts.loading.Lock()
	defer s.facts.loading.Unlock()
	if f := s.facts.facts.Load(); fresh(f) {
		return f, nil
	}
	f, err := loadFacts(ctx, s.Pool, now, s.facts.facts.Load())
	if err != nil {
		return nil, err
	}
	// Facts read at a newer version than the one checked are kept too: they
	// are the newer.
	s.facts.facts.Store(f)
	return f, nil
}

// loadFacts reads the facts of every published course, with the planned
// dates that start after from, in one round trip, and then the search
// documents of the courses changed since prev was read, if any. The version
// is read first, each of the other reads sees what was committed when it
// started: a change committed in between makes the facts newer than their
// version, so the next search reads them again, never the other way round.
func loadFacts(ctx context.Context, pool *pgxpool.Pool, from time.Time, prev *factsRead) (*factsRead, error) {
	// An hour's margin, so that searches made just before from (the
	// instant of another request) still find them fresh.
	from = from.Add(-time.Hour)
	f := &factsRead{Facts: &catalog.Facts{}, from: from, read: time.Now()}
	b := &pgx.Batch{}
	b.Queue(`SELECT version, seats FROM catalog_version`)
	b.Queue(`SELECT id, slug, name FROM topics ORDER BY id`)
	// Plain scans and joins: a subquery per course for its topics and
	// sorting the dates made the read take three times as long (psql at
	// 20,000 courses: 424 against 144 ms).
	b.Queue(`
		SELECT c.id, c.title, c.price_ore, m.course_id IS NOT NULL, c.xmin::text::bigint
		FROM courses c LEFT JOIN (
			SELECT DISTINCT pm.course_id FROM programme_modules pm JOIN programmes p ON p.id = pm.programme_id
			WHERE p.status = 'published') m ON m.course_id = c.id
		WHERE c.status = 'published'`)
	b.Queue(`SELECT course_id, topic_id FROM course_topics`)
	b.Queue(`
		SELECT d.course_id, d.starts_at, coalesce(v.region, ''), d.seats_taken < d.capacity
		FROM course_dates d JOIN venues v ON v.id = d.venue_id
		WHERE d.status = 'planned' AND d.starts_at > $1`, from)
	br := pool.SendBatch(ctx, b)
	var xmins []int64
	if err := readFacts(br, f, &xmins); err != nil {
		br.Close()
		return nil, fmt.Errorf("read the catalogue's facts: %w", err)
	}
	if err := br.Close(); err != nil {
		return nil, fmt.Errorf("read the catalogue's facts: %w", err)
	}
	if err := readDocs(ctx, pool, f, xmins, prev); err != nil {
		return nil, fmt.Errorf("read the catalogue's search documents: %w", err)
	}
	return f, nil
}

// readDocs gives every course of f its search document: the one prev holds
// if the course's row is the same version (xmin), else read from the
// database. Seats filling up do not change a course's row, and a staff edit
// changes a few; reading and parsing all of them took 80 ms at 20,000
// courses.
func readDocs(ctx context.Context, pool *pgxpool.Pool, f *factsRead, xmins []int64, prev *factsRead) error {
	f.docs = make([]courseDoc, len(f.Courses))
	held := map[int64]courseDoc{}
	if prev != nil {
		for i, c := range prev.Courses {
			held[c.ID] = prev.docs[i]
		}
	}
	byID := make(map[int64]int, len(f.Courses))
	var missing []int64
	same := prev != nil && len(prev.Courses) == len(f.Courses)
	for i, c := range f.Courses {
		byID[c.ID] = i
		if d, ok := held[c.ID]; ok && d.xmin == xmins[i] {
			f.docs[i] = d
		} else {
			missing = append(missing, c.ID)
		}
		same = same && prev.Courses[i].ID == c.ID
	}
	if same && len(missing) == 0 {
		f.index, f.order = prev.index, prev.order
		return nil
	}
	if prev != nil {
		f.order = prev.order + 1 // facts are read one at a time
	}
	if len(missing) > 0 {
		rows, _ := pool.Query(ctx, `SELECT id, xmin::text::bigint, title, search::text FROM courses WHERE id = ANY($1)`, missing)
		var id, xmin int64
		var title, search string
		_, err := pgx.ForEachRow(rows, []any{&id, &xmin, &title, &search}, func() error {
			doc, err := fulltext.ParseVector(search)
			if err != nil {
				return err
			}
			f.docs[byID[id]] = courseDoc{xmin: xmin, text: fulltext.NewText(doc, title)}
			return nil
		})
		if err != nil {
			return err
		}
	}
	texts := make([]fulltext.Text, len(f.docs))
	for i, d := range f.docs {
		texts[i] = d.text
	}
	f.index = fulltext.NewIndex(texts)
	return nil
}

// readFacts reads the results of loadFacts' batch into f, and the row
// version of each course into xmins.
func readFacts(br pgx.BatchResults, f *factsRead, xmins *[]int64) error {
	if err := br.QueryRow().Scan(&f.version, &f.seats); err != nil {
		return err
	}
	// A failed read's error comes with its rows too: ForEachRow returns it.
	rows, _ := br.Query()
	topics := map[int64]int{}
	var t catalog.Topic
	_, err := pgx.ForEachRow(rows, []any{&t.ID, &t.Slug, &t.Name}, func() error {
		topics[t.ID] = len(f.Topics)
		f.Topics = append(f.Topics, t)
		return nil
	})
	if err != nil {
		return err
	}

	byID := map[int64]int{}
	var c catalog.CourseFacts
	var xmin int64
	rows, _ = br.Query()
	_, err = pgx.ForEachRow(rows, []any{&c.ID, &c.Title, &c.PriceOre, &c.IsModule, &xmin}, func() error {
		byID[c.ID] = len(f.Courses)
		*xmins = append(*xmins, xmin)
		f.Courses = append(f.Courses, catalog.CourseFacts{ID: c.ID, Title: c.Title, LowerTitle: strings.ToLower(c.Title),
			PriceOre: c.PriceOre, IsModule: c.IsModule})
		return nil
	})
	if err != nil {
		return err
	}

	var courseID, topicID int64
	rows, _ = br.Query()
	_, err = pgx.ForEachRow(rows, []any{&courseID, &topicID}, func() error {
		i, ok := byID[courseID]
		t, known := topics[topicID]
		if ok && known {
			f.Courses[i].Topics = append(f.Courses[i].Topics, t)
		}
		return nil
	})
	if err != nil {
		return err
	}

	region := map[string]int{}
	for i, r := range catalog.Regions {
		region[r.Slug] = i
	}
	var start time.Time
	var regionSlug string
	var free bool
	rows, _ = br.Query()
	_, err = pgx.ForEachRow(rows, []any{&courseID, &start, &regionSlug, &free}, func() error {
		i, ok := byID[courseID]
		if !ok {
			return nil // a draft's date
		}
		r, ok := region[regionSlug]
		if !ok {
			r = -1
		}
		c := &f.Courses[i]
		c.Dates = append(c.Dates, catalog.DateFacts{Start: start.UnixNano(), Month: catalog.MonthNumber(start), Region: int8(r), Free: free})
		return nil
	})
	return err
}
