package fulltext

import (
	"errors"
	"fmt"
)

// ErrUnsupported says a query holds more than lexemes joined by & and |:
// a phrase ("…" typed), a negation (-word), a prefix or weights. Such
// queries are left to Postgres.
var ErrUnsupported = errors.New("fulltext: query needs Postgres")

// Query is a tsquery of distinct lexemes joined by & and |.
type Query struct {
	lexemes []string
	root    *node // nil when the words were all stop words: nothing matches
}

// node is a lexeme (op 0, its index in lexemes in bit) or an & or | of two
// nodes.
type node struct {
	op          byte
	bit         int
	left, right *node
}

// maxLexemes is how many distinct lexemes a query may hold: one bit each.
const maxLexemes = 64

// ParseQuery reads the text form of a tsquery, as websearch_to_tsquery
// gives it: 'led' & ( 'kommun' | 'økonomi' ).
func ParseQuery(s string) (Query, error) {
	p := queryParser{s: s, bits: map[string]int{}}
	var q Query
	p.skip()
	if p.i == len(s) {
		return q, nil
	}
	root, err := p.or()
	if err != nil {
		return q, err
	}
	if p.skip(); p.i != len(s) {
		return q, p.unexpected()
	}
	q.root = root
	q.lexemes = p.lexemes
	return q, nil
}

type queryParser struct {
	s       string
	i       int
	bits    map[string]int
	lexemes []string
}

func (p *queryParser) skip() {
	for p.i < len(p.s) && p.s[p.i] == ' ' {
		p.i++
	}
}

func (p *queryParser) unexpected() error {
	switch c := p.s[p.i]; c {
	case '!', '<', ':':
		return ErrUnsupported
	default:
		return fmt.Errorf("fulltext: unexpected %q at %d in %q", c, p.i, p.s)
	}
}

// or reads lexemes joined by |, which binds less than &.
func (p *queryParser) or() (*node, error) { return p.joined('|', p.and) }

// and reads lexemes joined by &.
func (p *queryParser) and() (*node, error) { return p.joined('&', p.operand) }

// joined reads what next reads, one or more times, joined by op.
func (p *queryParser) joined(op byte, next func() (*node, error)) (*node, error) {
	n, err := next()
	for err == nil {
		if p.skip(); p.i == len(p.s) || p.s[p.i] != op {
			return n, nil
		}
		p.i++
		var r *node
		if r, err = next(); err == nil {
			n = &node{op: op, left: n, right: r}
		}
	}
	return nil, err
}

func (p *queryParser) operand() (*node, error) {
	if p.skip(); p.i == len(p.s) {
		return nil, fmt.Errorf("fulltext: %q ends early", p.s)
	}
	switch p.s[p.i] {
	case '(':
		p.i++
		n, err := p.or()
		if err != nil {
			return nil, err
		}
		if p.skip(); p.i == len(p.s) || p.s[p.i] != ')' {
			return nil, fmt.Errorf("fulltext: unclosed bracket in %q", p.s)
		}
		p.i++
		return n, nil
	case '\'':
		word, next, err := quoted(p.s, p.i)
		if err != nil {
			return nil, err
		}
		p.i = next
		if p.i < len(p.s) && p.s[p.i] == ':' {
			return nil, ErrUnsupported
		}
		bit, ok := p.bits[word]
		if !ok {
			if len(p.lexemes) == maxLexemes {
				return nil, ErrUnsupported
			}
			bit = len(p.lexemes)
			p.bits[word] = bit
			p.lexemes = append(p.lexemes, word)
		}
		return &node{bit: bit}, nil
	default:
		return nil, p.unexpected()
	}
}

// holds reports whether a document that holds the lexemes in mask (a bit
// per lexeme) matches.
func (n *node) holds(mask uint64) bool {
	switch n.op {
	case '&':
		return n.left.holds(mask) && n.right.holds(mask)
	case '|':
		return n.left.holds(mask) || n.right.holds(mask)
	default:
		return mask&(1<<n.bit) != 0
	}
}
