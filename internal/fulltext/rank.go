package fulltext

import (
	"cmp"
	"math/bits"
	"slices"
)

// weights are those of ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', …), by weight
// D, C, B, A. Postgres keeps them as float4 and divides in float8; so do we,
// to give the very same rank.
var invWeights = func() (w [4]float64) {
	for i, v := range [4]float32{0.1, 0.2, 0.4, 1.0} {
		w[i] = 1.0 / float64(v)
	}
	return w
}()

// matcher matches and ranks documents against one query. It keeps scratch
// space between documents, so each goroutine needs its own.
type matcher struct {
	q       Query
	entries []int32 // the index in the document of each of the query's lexemes, or -1
	hits    []hit
	// holds[mask] is whether lexemes mask match, for queries of up to
	// tableLexemes lexemes: the covers ask it at every hit.
	holds []bool
}

const tableLexemes = 8

// hit is one position of one of the query's lexemes in a document.
type hit struct {
	order uint64 // the hit's place: position, then weight, then entry
	pos   uint16 // with its weight, as in Document.pos
	bit   uint8  // the lexeme's bit in the query
}

// matcher returns a matcher for q.
func (q Query) matcher() *matcher {
	m := &matcher{q: q, entries: make([]int32, len(q.lexemes))}
	if q.root != nil && len(q.lexemes) <= tableLexemes {
		m.holds = make([]bool, 1<<len(q.lexemes))
		for mask := range m.holds {
			m.holds[mask] = q.root.holds(uint64(mask))
		}
	}
	return m
}

func (m *matcher) match(mask uint64) bool {
	if m.holds != nil {
		return m.holds[mask]
	}
	return m.q.root.holds(mask)
}

// rankOne is the rank of a document that holds one of the query's lexemes
// at positions: each position is a cover of its own, and the rank the sum
// of their weights, added up as rank adds up covers.
func rankOne(positions []uint16) float32 {
	var rank float64
	for _, p := range positions {
		rank += 1.0 / invWeights[weight(p)]
	}
	return float32(rank)
}

// rank reports whether d matches the query (d @@ q in Postgres) and, if it
// does, the rank ts_rank_cd gives it: the sum over the covers (the
// shortest stretches of the document that match the query) of their
// lexemes' mean weight, divided by one plus the words between them.
// m.entries holds where d has each of the query's lexemes (the index looks
// them up for all its texts at once).
func (m *matcher) rank(d Document) (float32, bool) {
	if m.q.root == nil {
		return 0, false
	}
	var mask uint64
	for bit, e := range m.entries {
		if e >= 0 {
			mask |= 1 << bit
		}
	}
	if !m.match(mask) {
		return 0, false
	}
	if mask&(mask-1) == 0 {
		return rankOne(d.positions(int(m.entries[bits.TrailingZeros64(mask)]))), true
	}
	m.hits = m.hits[:0]
	for bit, e := range m.entries {
		if e < 0 {
			continue
		}
		for _, p := range d.positions(int(e)) {
			order := uint64(position(p))<<40 | uint64(weight(p))<<32 | uint64(e)
			m.hits = append(m.hits, hit{order: order, pos: p, bit: uint8(bit)})
		}
	}
	// Put the hits of the lexemes in order.
	hits := m.hits
	slices.SortFunc(hits, func(a, b hit) int { return cmp.Compare(a.order, b.order) })

	var rank float64
	for start := 0; ; {
		// The first hit from start on at which the hits so far match ends
		// the cover.
		end := -1
		var seen uint64
		for i := start; i < len(hits); i++ {
			seen |= 1 << hits[i].bit
			if m.match(seen) {
				if position(hits[i].pos) > 0 {
					end = i
				}
				break
			}
		}
		if end < 0 {
			break
		}
		// Going back from the end, the first hit at which the hits match
		// begins it.
		begin := end
		seen = 0
		for ; begin >= start; begin-- {
			seen |= 1 << hits[begin].bit
			if m.match(seen) {
				break
			}
		}
		var invSum float64
		for _, h := range hits[begin : end+1] {
			invSum += invWeights[weight(h.pos)]
		}
		cover := float64(end-begin+1) / invSum
		// The words in the cover that are not the query's; with positions
		// clipped at the end of a long document there may seem to be
		// fewer than none.
		noise := (position(hits[end].pos) - position(hits[begin].pos)) - (end - begin)
		if noise < 0 {
			noise = (end - begin) / 2
		}
		rank += cover / float64(1+noise)
		start = begin + 1
	}
	return float32(rank), true
}
