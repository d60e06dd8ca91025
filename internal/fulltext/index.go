package fulltext

import (
	"slices"
	"strings"
	"sync"
)

// Text is what is searched in one course: its document and its title.
type Text struct {
	Doc           Document
	title         string   // in lower case
	titleTrigrams []uint32 // distinct, sorted
}

// NewText returns the text of a document and a title.
func NewText(doc Document, title string) Text {
	title = strings.ToLower(title)
	return Text{Doc: doc, title: title, titleTrigrams: distinct(trigrams(title))}
}

// Index holds texts with, for each lexeme and each title trigram, the texts
// that hold it: a search looks at the texts that hold its words, not at all
// of them. Looking each word up in each of 20,000 documents took 5–7 ms,
// and comparing the trigrams of each title 3 ms.
type Index struct {
	texts    []Text
	postings map[string][]posting
	titles   map[uint32][]int32
}

// posting is a text whose document holds a lexeme, where in it, and the
// rank of the document for that lexeme alone: most searches are one word,
// and adding up its weights in every document that holds it was a third
// of such a search.
type posting struct {
	text, entry int32
	rank        float32
}

// NewIndex indexes texts. It numbers the lexemes and trigrams and counts
// them first, so that each list is made at its size in one block: growing
// them took a third of the time.
func NewIndex(texts []Text) *Index {
	var (
		words     = map[string]int32{}
		wordOf    []string
		wordCount []int
		wordIDs   []int32 // the word of each entry of each text, in order
		trigrams  = map[uint32][]int32{}
	)
	for _, t := range texts {
		for e := range t.Doc.entries {
			w := t.Doc.word(e)
			id, ok := words[w]
			if !ok {
				id = int32(len(wordOf))
				words[w] = id
				wordOf = append(wordOf, w)
				wordCount = append(wordCount, 0)
			}
			wordCount[id]++
			wordIDs = append(wordIDs, id)
		}
	}
	// Where each word's postings start in one block.
	start := make([]int, len(wordOf)+1)
	for id, n := range wordCount {
		start[id+1] = start[id] + n
	}
	block := make([]posting, len(wordIDs))
	next := start[:len(wordOf)]
	k := 0
	for i, t := range texts {
		for e := range t.Doc.entries {
			id := wordIDs[k]
			k++
			block[next[id]] = posting{text: int32(i), entry: int32(e), rank: rankOne(t.Doc.positions(e))}
			next[id]++
		}
		for _, tg := range t.titleTrigrams {
			trigrams[tg] = append(trigrams[tg], int32(i))
		}
	}
	ix := &Index{texts: texts, postings: make(map[string][]posting, len(wordOf)), titles: trigrams}
	for id, w := range wordOf {
		end := next[id]
		ix.postings[w] = block[end-wordCount[id] : end : end]
	}
	return ix
}

// Hit is a text that matches: its index among the indexed texts, and the
// rank of its document or, for a text found by its title alone, the
// title's similarity.
type Hit struct {
	Text             int
	Rank, Similarity float32
}

// scratch is the room a search works in, one per text for each use; kept
// for the next search, as a search for a word that all 20,000 courses hold
// would otherwise leave some 200 KB for the collector.
type scratch struct {
	hit     []bool   // the texts whose document matches
	shared  []uint16 // for each text, the trigrams its title shares with the words
	texts   []int32
	entries []int32
	sim     simScratch
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// Find calls found for every text whose document matches q (doc @@ q in
// Postgres), with the rank ts_rank_cd gives it, in the order the texts
// were indexed; then for each other text whose title is at least least
// similar to words (words <% title in pg_trgm).
func (ix *Index) Find(q Query, words Words, least float32, found func(Hit)) {
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	sc.hit = zeroed(sc.hit, len(ix.texts))
	ix.match(q, sc, func(h Hit) {
		sc.hit[h.Text] = true
		found(h)
	})
	ix.similar(words, least, sc, found)
}

// zeroed is s with n zero values, reusing its room.
func zeroed[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// match calls found for the texts whose document matches q, in order.
func (ix *Index) match(q Query, sc *scratch, found func(Hit)) {
	if q.root == nil {
		return
	}
	n := len(q.lexemes)
	if n == 1 {
		for _, p := range ix.postings[q.lexemes[0]] {
			found(Hit{Text: int(p.text), Rank: p.rank})
		}
		return
	}
	m := q.matcher()
	// Where each text holds each of the query's lexemes, -1 if not; the
	// texts that hold any, in order.
	entries := zeroed(sc.entries, n*len(ix.texts))
	sc.entries = entries
	for i := range entries {
		entries[i] = -1
	}
	texts := sc.texts[:0]
	for bit, lx := range q.lexemes {
		for _, p := range ix.postings[lx] {
			t := int(p.text)
			if !slices.ContainsFunc(entries[t*n:t*n+n], func(e int32) bool { return e >= 0 }) {
				texts = append(texts, p.text)
			}
			entries[t*n+bit] = p.entry
		}
	}
	sc.texts = texts
	slices.Sort(texts)
	for _, t := range texts {
		copy(m.entries, entries[int(t)*n:])
		if rank, ok := m.rank(ix.texts[t].Doc); ok {
			found(Hit{Text: int(t), Rank: rank})
		}
	}
}

// similar calls found for the texts not hit whose title is at least least
// similar to words. Only a title that shares enough of the words'
// trigrams can be: the similarity of a stretch of it is at most the share
// of the words' trigrams it holds.
func (ix *Index) similar(words Words, least float32, sc *scratch, found func(Hit)) {
	ulen1 := len(words.distinct)
	if ulen1 == 0 {
		return
	}
	shared := zeroed(sc.shared, len(ix.texts))
	sc.shared = shared
	texts := sc.texts[:0]
	for _, tg := range words.distinct {
		for _, t := range ix.titles[tg] {
			if sc.hit[t] {
				continue
			}
			if shared[t] == 0 {
				texts = append(texts, t)
			}
			shared[t]++
		}
	}
	sc.texts = texts
	for _, t := range texts {
		if n := int(shared[t]); sml(n, ulen1, n) < least {
			continue
		}
		sc.sim.trigrams = appendTrigrams(sc.sim.trigrams[:0], ix.texts[t].title)
		if s := words.similarityIn(sc.sim.trigrams, &sc.sim); s >= least {
			found(Hit{Text: int(t), Similarity: s})
		}
	}
}
