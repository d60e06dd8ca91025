// Package fulltext matches and ranks documents in memory as Postgres does:
// a tsquery of lexemes joined by & and | against a tsvector, ranked as
// ts_rank_cd ranks it, and the word similarity of pg_trgm for typos.
// Postgres still makes the lexemes (the Danish stemmer and its stop words);
// this package reads the text forms of its tsvectors and tsqueries.
//
// The catalogue matches every course in memory because Postgres matching
// and ranking 20,000 courses that all hold a word took 50–80 ms, most of it
// reading and unpacking each row's tsvector.
package fulltext

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Document is a tsvector: its lexemes in order, each with its positions.
type Document struct {
	words   string // the lexemes one after another, in order
	entries []entry
	pos     []uint16 // a position in the low 14 bits, its weight in the top 2 (3 is A, 0 is D)
}

type entry struct{ wordEnd, posEnd uint32 }

func (d Document) word(i int) string {
	start := uint32(0)
	if i > 0 {
		start = d.entries[i-1].wordEnd
	}
	return d.words[start:d.entries[i].wordEnd]
}

func (d Document) positions(i int) []uint16 {
	start := uint32(0)
	if i > 0 {
		start = d.entries[i-1].posEnd
	}
	return d.pos[start:d.entries[i].posEnd]
}

const (
	posMask     = 1<<14 - 1
	weightShift = 14
)

func position(p uint16) int { return int(p & posMask) }
func weight(p uint16) int   { return int(p >> weightShift) }

// ParseVector reads the text form of a tsvector, such as
// 'forstå':2A 'politisk':1A,40C 'rådhus':17.
func ParseVector(s string) (Document, error) {
	type lexeme struct {
		word string
		pos  []uint16
	}
	var lexemes []lexeme
	for i := 0; ; {
		for i < len(s) && s[i] == ' ' {
			i++
		}
		if i == len(s) {
			break
		}
		word, next, err := quoted(s, i)
		if err != nil {
			return Document{}, err
		}
		i = next
		lx := lexeme{word: word}
		if i < len(s) && s[i] == ':' {
			for {
				i++
				start := i
				for i < len(s) && s[i] >= '0' && s[i] <= '9' {
					i++
				}
				p, err := strconv.Atoi(s[start:i])
				if err != nil || p > posMask {
					return Document{}, fmt.Errorf("fulltext: bad position at %d in %q", start, s)
				}
				w := 0 // D, which is not written
				if i < len(s) && s[i] >= 'A' && s[i] <= 'C' {
					w = int('D' - s[i])
					i++
				}
				lx.pos = append(lx.pos, uint16(w<<weightShift|p))
				if i == len(s) || s[i] != ',' {
					break
				}
			}
		}
		lexemes = append(lexemes, lx)
	}
	// Postgres writes the lexemes in this order already.
	sort.SliceStable(lexemes, func(a, b int) bool { return lexemes[a].word < lexemes[b].word })
	var d Document
	var words strings.Builder
	d.entries = make([]entry, 0, len(lexemes))
	for _, lx := range lexemes {
		words.WriteString(lx.word)
		d.pos = append(d.pos, lx.pos...)
		d.entries = append(d.entries, entry{wordEnd: uint32(words.Len()), posEnd: uint32(len(d.pos))})
	}
	d.words = words.String()
	return d, nil
}

// quoted reads the quoted lexeme that starts at s[i], in which a doubled
// quote is a quote and a backslash escapes the next character; it returns the lexeme
// and where it ends.
func quoted(s string, i int) (string, int, error) {
	if i >= len(s) || s[i] != '\'' {
		return "", i, fmt.Errorf("fulltext: want a quote at %d in %q", i, s)
	}
	var b strings.Builder
	for i++; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\' && i+1 < len(s):
			i++
			b.WriteByte(s[i])
		case c == '\'' && i+1 < len(s) && s[i+1] == '\'':
			i++
			b.WriteByte('\'')
		case c == '\'':
			return b.String(), i + 1, nil
		default:
			b.WriteByte(c)
		}
	}
	return "", i, fmt.Errorf("fulltext: unterminated lexeme in %q", s)
}
