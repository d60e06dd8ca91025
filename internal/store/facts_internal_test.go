package store

import (
	"strconv"
	"testing"

	"kursuskatalog/internal/catalog"
)

func TestWordsCacheHoldsOneVersionWithinItsBounds(t *testing.T) {
	matches := func(n int) []catalog.Match {
		return make([]catalog.Match, n)
	}
	k := func(q string) wordsKey { return wordsKey{q: q, rank: true} }
	var w wordsCache
	w.put(5, k("ledelse"), matches(3))
	if m, ok := w.get(5, k("ledelse")); !ok || len(m) != 3 {
		t.Fatalf("same version: %v %v", m, ok)
	}
	if _, ok := w.get(5, wordsKey{q: "ledelse"}); ok {
		t.Errorf("matches without rank served for matches with rank")
	}
	if _, ok := w.get(6, k("ledelse")); ok {
		t.Errorf("matches of version 5 served for version 6")
	}
	w.put(4, k("jura"), matches(1))
	if _, ok := w.get(4, k("jura")); ok || w.order != 5 {
		t.Errorf("matches of an older version were kept")
	}
	w.put(6, k("jura"), matches(1))
	if _, ok := w.get(6, k("ledelse")); ok || w.held != 1 {
		t.Errorf("a new version kept the old matches: held %d", w.held)
	}

	for i := range maxCachedWords + 1 {
		w.put(6, k(strconv.Itoa(i)), matches(1))
	}
	if len(w.keys) != maxCachedWords || len(w.matches) != maxCachedWords {
		t.Errorf("%d words held, want %d", len(w.matches), maxCachedWords)
	}
	if _, ok := w.get(6, k("jura")); ok {
		t.Errorf("the oldest words were not dropped")
	}
	w.put(6, k("stor"), matches(maxCachedMatches-5))
	if w.held > maxCachedMatches {
		t.Errorf("%d matches held, bound %d", w.held, maxCachedMatches)
	}
	if _, ok := w.get(6, k("stor")); !ok {
		t.Errorf("the newest words were dropped")
	}
	w.put(6, k("for stor"), matches(maxCachedMatches+1))
	if _, ok := w.get(6, k("for stor")); ok {
		t.Errorf("matches beyond the bound were kept")
	}
}
