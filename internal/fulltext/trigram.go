package fulltext

import (
	"hash/fnv"
	"slices"
	"unicode"
	"unicode/utf8"
)

// trigrams are the trigrams of a text as pg_trgm makes them: each word
// (letters and digits) padded with two spaces before and one after, and
// every three letters of that, in order. Three letters below U+0100 (all of
// Danish) are kept as they are; others are hashed, as pg_trgm hashes
// trigrams of several bytes.
func trigrams(s string) []uint32 {
	return appendTrigrams(nil, s)
}

// appendTrigrams appends the trigrams of s to out.
func appendTrigrams(out []uint32, s string) []uint32 {
	var buf [64]rune
	padded := append(buf[:0], ' ', ' ') // the word so far, after its padding
	flush := func() {
		if len(padded) == 2 {
			return
		}
		padded = append(padded, ' ')
		for i := 0; i+3 <= len(padded); i++ {
			out = append(out, trigram(padded[i], padded[i+1], padded[i+2]))
		}
		padded = padded[:2]
	}
	for len(s) > 0 {
		r, n := utf8.DecodeRuneInString(s)
		s = s[n:]
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			padded = append(padded, unicode.ToLower(r))
		} else {
			flush()
		}
	}
	flush()
	return out
}

func trigram(a, b, c rune) uint32 {
	if a < 0x100 && b < 0x100 && c < 0x100 {
		return uint32(a)<<16 | uint32(b)<<8 | uint32(c)
	}
	h := fnv.New32a()
	var buf [12]byte
	n := utf8.EncodeRune(buf[:], a)
	n += utf8.EncodeRune(buf[n:], b)
	n += utf8.EncodeRune(buf[n:], c)
	h.Write(buf[:n])
	return h.Sum32() | 1<<31
}

// distinct returns the distinct trigrams of t, sorted.
func distinct(t []uint32) []uint32 {
	d := slices.Clone(t)
	slices.Sort(d)
	return slices.Compact(d)
}

// Words are words to look for in titles by trigram similarity.
type Words struct {
	distinct []uint32 // the distinct trigrams, sorted
}

// NewWords returns the words of s to look for.
func NewWords(s string) Words {
	return Words{distinct: distinct(trigrams(s))}
}

// wordSimilarity is word_similarity(words, text) of pg_trgm, from 0 to 1:
// the share of the words' trigrams that the best matching stretch of the
// text's trigrams holds, against all the trigrams of the two.
func wordSimilarity(words, text string) float32 {
	return NewWords(words).similarity(trigrams(text))
}

// sml is pg_trgm's similarity of count shared trigrams out of len1 and
// len2 distinct ones, in float4 as there.
func sml(count, len1, len2 int) float32 {
	return float32(count) / float32(len1+len2-count)
}

// similarity finds the stretch of the text's trigrams t2 most similar to
// the words, as pg_trgm's word_similarity does: it moves the stretch's end
// over every trigram the words hold, and for each end, the start that
// gives the highest similarity.
func (w Words) similarity(t2 []uint32) float32 {
	var s simScratch
	return w.similarityIn(t2, &s)
}

// simScratch is the room similarityIn works in, kept between titles.
type simScratch struct {
	trigrams, others []uint32
	index, last      []int
}

func (w Words) similarityIn(t2 []uint32, s *simScratch) float32 {
	ulen1 := len(w.distinct)
	if ulen1 == 0 {
		return 0
	}
	// Number each distinct trigram: the words' first (found), then the
	// text's others.
	s.others = s.others[:0]
	s.index = s.index[:0]
	for _, t := range t2 {
		id, ok := slices.BinarySearch(w.distinct, t)
		if !ok {
			id = slices.Index(s.others, t)
			if id < 0 {
				id = len(s.others)
				s.others = append(s.others, t)
			}
			id += ulen1
		}
		s.index = append(s.index, id)
	}
	found := func(id int) bool { return id < ulen1 }
	last := s.last[:0] // the last place in the stretch of each trigram
	for range ulen1 + len(s.others) {
		last = append(last, -1)
	}
	s.last = last
	index := s.index

	var best float32
	ulen2, count, lower := 0, 0, -1
	for i, id := range index {
		if lower >= 0 || found(id) {
			if last[id] < 0 {
				ulen2++
				if found(id) {
					count++
				}
			}
			last[id] = i
		}
		if !found(id) {
			continue
		}
		if lower == -1 {
			lower = i
			ulen2 = 1
		}
		cur := sml(count, ulen1, ulen2)
		// Try every later start for a higher similarity.
		tmpCount, tmpUlen2, prevLower := count, ulen2, lower
		for start := lower; start <= i; start++ {
			if s := sml(tmpCount, ulen1, tmpUlen2); s > cur {
				cur, ulen2, lower, count = s, tmpUlen2, start, tmpCount
			}
			if sid := index[start]; last[sid] == start {
				tmpUlen2--
				if found(sid) {
					tmpCount--
				}
			}
		}
		best = max(best, cur)
		for start := prevLower; start < lower; start++ {
			if sid := index[start]; last[sid] == start {
				last[sid] = -1
			}
		}
	}
	return best
}
