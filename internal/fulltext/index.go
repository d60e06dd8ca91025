package fulltext

import (
	"slices"
	"strings"
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

// NewIndex indexes texts.
func NewIndex(texts []Text) *Index {
	ix := &Index{texts: texts, postings: map[string][]posting{}, titles: map[uint32][]int32{}}
	for i, t := range texts {
		for e := range t.Doc.entries {
			w := t.Doc.word(e)
			ix.postings[w] = append(ix.postings[w], posting{text: int32(i), entry: int32(e), rank: rankOne(t.Doc.positions(e))})
		}
		for _, tg := range t.titleTrigrams {
			ix.titles[tg] = append(ix.titles[tg], int32(i))
		}
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

// Find returns the texts whose document matches q (doc @@ q in Postgres),
// with the rank ts_rank_cd gives it, and of the others those whose title
// is at least least similar to words (words <% title in pg_trgm), in the
// order they were indexed.
func (ix *Index) Find(q Query, words Words, least float32) []Hit {
	hits := ix.match(q)
	similar := ix.similar(words, least, hits)
	if len(similar) == 0 {
		return hits
	}
	all := append(hits, similar...)
	slices.SortFunc(all, func(a, b Hit) int { return a.Text - b.Text })
	return all
}

// match returns the texts whose document matches q, in order.
func (ix *Index) match(q Query) []Hit {
	if q.root == nil {
		return nil
	}
	n := len(q.lexemes)
	if n == 1 {
		postings := ix.postings[q.lexemes[0]]
		hits := make([]Hit, len(postings))
		for i, p := range postings {
			hits[i] = Hit{Text: int(p.text), Rank: p.rank}
		}
		return hits
	}
	m := q.Matcher()
	// Where each text holds each of the query's lexemes, -1 if not; the
	// texts that hold any, in order.
	entries := make([]int32, n*len(ix.texts))
	for i := range entries {
		entries[i] = -1
	}
	seen := make([]bool, len(ix.texts))
	var texts []int32
	for bit, lx := range q.lexemes {
		for _, p := range ix.postings[lx] {
			entries[int(p.text)*n+bit] = p.entry
			if !seen[p.text] {
				seen[p.text] = true
				texts = append(texts, p.text)
			}
		}
	}
	if n > 1 {
		slices.Sort(texts)
	}
	var hits []Hit
	for _, t := range texts {
		copy(m.entries, entries[int(t)*n:])
		if rank, ok := m.rank(ix.texts[t].Doc); ok {
			hits = append(hits, Hit{Text: int(t), Rank: rank})
		}
	}
	return hits
}

// similar returns the texts not in hits whose title is at least least
// similar to words. Only a title that shares enough of the words'
// trigrams can be: the similarity of a stretch of it is at most the share
// of the words' trigrams it holds.
func (ix *Index) similar(words Words, least float32, hits []Hit) []Hit {
	ulen1 := len(words.distinct)
	if ulen1 == 0 {
		return nil
	}
	shared := make([]uint16, len(ix.texts))
	var texts []int32
	for _, tg := range words.distinct {
		for _, t := range ix.titles[tg] {
			if shared[t] == 0 {
				texts = append(texts, t)
			}
			shared[t]++
		}
	}
	for _, h := range hits {
		shared[h.Text] = 0
	}
	var similar []Hit
	var scratch simScratch
	for _, t := range texts {
		if n := int(shared[t]); n == 0 || sml(n, ulen1, n) < least {
			continue
		}
		scratch.trigrams = appendTrigrams(scratch.trigrams[:0], ix.texts[t].title)
		if s := words.similarityIn(scratch.trigrams, &scratch); s >= least {
			similar = append(similar, Hit{Text: int(t), Similarity: s})
		}
	}
	return similar
}
