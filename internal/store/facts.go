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
)

// factsCache holds the catalogue's facts as last read; a search reads
// them again when the catalogue's version (migration 000019) has moved on.
type factsCache struct {
	facts   atomic.Pointer[factsRead]
	loading sync.Mutex // one process reads the facts at a time

	mu    sync.Mutex
	words wordsCache
}

// wordsCache keeps the matches of the last searches' words for one
// catalogue version: choosing a filter, a sort order or a page after a
// search is a new page, but the same words. At 20,000 courses a word that
// matches all of them takes 50–80 ms to match and rank; counting and
// sorting the matches takes 2–4 ms.
type wordsCache struct {
	version int64
	keys    []wordsKey // oldest first
	matches map[wordsKey]map[int64]catalog.Match
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

func (w *wordsCache) get(version int64, k wordsKey) (map[int64]catalog.Match, bool) {
	if w.version != version {
		return nil, false
	}
	m, ok := w.matches[k]
	return m, ok
}

func (w *wordsCache) put(version int64, k wordsKey, m map[int64]catalog.Match) {
	if version < w.version {
		return // matched before the catalogue last changed
	}
	if version > w.version || w.matches == nil {
		*w = wordsCache{version: version, matches: map[wordsKey]map[int64]catalog.Match{}}
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
	f, err := loadFacts(ctx, s.Pool, now)
	if err != nil {
		return nil, err
	}
	// Facts read at a newer version than the one checked are kept too: they
	// are the newer.
	s.facts.facts.Store(f)
	return f, nil
}

// loadFacts reads the facts of every published course, with the planned
// dates that start after from, in one round trip. The version is read
// first, each of the other reads sees what was committed when it started: a
// change committed in between makes the facts newer than their version, so
// the next search reads them again, never the other way round.
func loadFacts(ctx context.Context, pool *pgxpool.Pool, from time.Time) (*factsRead, error) {
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
		SELECT c.id, c.title, c.price_ore, m.course_id IS NOT NULL
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
	if err := readFacts(br, f); err != nil {
		br.Close()
		return nil, fmt.Errorf("read the catalogue's facts: %w", err)
	}
	if err := br.Close(); err != nil {
		return nil, fmt.Errorf("read the catalogue's facts: %w", err)
	}
	return f, nil
}

// readFacts reads the results of loadFacts' batch into f.
func readFacts(br pgx.BatchResults, f *factsRead) error {
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
	rows, _ = br.Query()
	_, err = pgx.ForEachRow(rows, []any{&c.ID, &c.Title, &c.PriceOre, &c.IsModule}, func() error {
		byID[c.ID] = len(f.Courses)
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
