package fulltext

import (
	"errors"
	"slices"
	"sort"
	"testing"
)

// The documents, queries and figures below are what Postgres 15 gave for
// to_tsvector('danish', …), websearch_to_tsquery('danish', …),
// ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', …) and word_similarity(…).
const (
	ledelseDoc = `'god':1A 'kommun':7B 'kommunikation':5B,8,16 'kræv':15 'led':2A,3B,10,14 'ting':13 'to':12`
	oekonomi   = `'økonomi':1`
)

// find returns the index of the lexeme in d, or -1.
func (d Document) find(lexeme string) int {
	i := sort.Search(len(d.entries), func(i int) bool { return d.word(i) >= lexeme })
	if i < len(d.entries) && d.word(i) == lexeme {
		return i
	}
	return -1
}

// rankDoc is rank for one document, its lexemes looked up by binary search
// rather than through an index.
func (m *matcher) rankDoc(d Document) (float32, bool) {
	for bit, lx := range m.q.lexemes {
		m.entries[bit] = int32(d.find(lx))
	}
	return m.rank(d)
}

func TestRankIsThatOfPostgres(t *testing.T) {
	tests := []struct {
		doc, query string
		match      bool
		rank       float32
	}{
		{ledelseDoc, `'led'`, true, 1.6},
		{oekonomi, `'led'`, false, 0},
		{ledelseDoc, `'led' & 'kommunikation'`, true, 0.3},
		{oekonomi, `'led' & 'kommunikation'`, false, 0},
		{ledelseDoc, `'led' | 'økonomi'`, true, 1.6},
		{oekonomi, `'led' | 'økonomi'`, true, 0.1},
		{ledelseDoc, `'kommunikation' & 'led' & 'god'`, true, 0.2857143},
		{ledelseDoc, `'økonomi'`, false, 0},
		{oekonomi, `'økonomi'`, true, 0.1},
		{ledelseDoc, `( 'led' | 'økonomi' ) & 'god'`, true, 0},
		{ledelseDoc, ``, false, 0}, // only stop words
	}
	for _, tt := range tests {
		d, err := ParseVector(tt.doc)
		if err != nil {
			t.Fatal(err)
		}
		q, err := ParseQuery(tt.query)
		if err != nil {
			t.Fatalf("%s: %v", tt.query, err)
		}
		rank, match := q.matcher().rankDoc(d)
		if match != tt.match || (tt.rank != 0 && rank != tt.rank) {
			t.Errorf("%s against %s: %v %v, want %v %v", tt.query, tt.doc, match, rank, tt.match, tt.rank)
		}
	}
}

func TestParseVectorKeepsEveryLexemeAndPosition(t *testing.T) {
	d, err := ParseVector(`'a''b':3 'kommun':7B 'led':2A,3B,10 'x\\y'`)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.entries) != 4 {
		t.Fatalf("%d lexemes, want 4", len(d.entries))
	}
	for _, w := range []string{"a'b", "kommun", "led", `x\y`} {
		if d.find(w) < 0 {
			t.Errorf("%q not found", w)
		}
	}
	if d.find("le") >= 0 || d.find("ledd") >= 0 {
		t.Error("found a lexeme that is not there")
	}
	ps := d.positions(d.find("led"))
	want := []struct{ pos, weight int }{{2, 3}, {3, 2}, {10, 0}}
	if len(ps) != len(want) {
		t.Fatalf("positions %v", ps)
	}
	for i, w := range want {
		if position(ps[i]) != w.pos || weight(ps[i]) != w.weight {
			t.Errorf("position %d: %d%d, want %d%d", i, position(ps[i]), weight(ps[i]), w.pos, w.weight)
		}
	}
	for _, bad := range []string{`led`, `'led`, `'led':x`, `'led':99999`} {
		if _, err := ParseVector(bad); err == nil {
			t.Errorf("%q parsed", bad)
		}
	}
}

func TestQueriesBeyondAndAndOrAreLeftToPostgres(t *testing.T) {
	for _, s := range []string{`'god' <-> 'led'`, `'led' & !'politik'`, `'led':*`, `'led':A`} {
		if _, err := ParseQuery(s); !errors.Is(err, ErrUnsupported) {
			t.Errorf("%s: %v, want ErrUnsupported", s, err)
		}
	}
	for _, s := range []string{`'led' &`, `( 'led'`, `'led' 'god'`, `&`} {
		if _, err := ParseQuery(s); err == nil || errors.Is(err, ErrUnsupported) {
			t.Errorf("%s: %v, want a parse error", s, err)
		}
	}
}

func TestSimilarityIsThatOfPgTrgm(t *testing.T) {
	tests := []struct {
		text, words string
		want        float32
	}{
		{"mødeledelse for sagsbehandlere", "ledlese", 0.16666667},
		{"mødeledelse for sagsbehandlere", "mødeleddelse", 0.7692308},
		{"økonomi og styring", "økonomistyring", 0.61904764},
		{"politisk forståelse", "politk", 0.71428573},
		{"politisk forståelse", "forstaaelse", 0.53333336},
		{"a", "a", 1},
		{"x", "", 0},
	}
	for _, tt := range tests {
		if got := wordSimilarity(tt.words, tt.text); got != tt.want {
			t.Errorf("word_similarity(%q, %q) = %v, want %v", tt.words, tt.text, got, tt.want)
		}
	}
}

func TestIndexFindsByDocumentThenByTitle(t *testing.T) {
	doc := func(s string) Document {
		d, err := ParseVector(s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	ix := NewIndex([]Text{
		NewText(doc(`'mødeled':1A 'god':2B`), "Mødeledelse"),
		NewText(doc(oekonomi), "Økonomi"),
		NewText(doc(`'forandringsled':1A`), "Forandringsledelse for specialister"),
		NewText(doc(ledelseDoc), "God ledelse"),
		NewText(Document{}, "Mødeledelse for sagsbehandlere"),
	})
	query := func(s string) Query {
		q, err := ParseQuery(s)
		if err != nil {
			t.Fatal(err)
		}
		return q
	}
	tests := []struct {
		query, words string
		want         []Hit
	}{
		// "god" by document, in the teaser (B) and in the title (A)
		{`'god'`, "god", []Hit{{Text: 0, Rank: 0.4}, {Text: 3, Rank: 1}}},
		// a typo: by title alone, at least 0.5 similar
		{`'mødeldels'`, "mødeldelse", []Hit{{Text: 0, Similarity: wordSimilarity("mødeldelse", "mødeledelse")},
			{Text: 4, Similarity: wordSimilarity("mødeldelse", "mødeledelse for sagsbehandlere")}}},
		// by document and by title, each once
		{`'økonomi' | 'forandringsled'`, "økonomi or forandringsledelse", []Hit{{Text: 1, Rank: 0.1}, {Text: 2, Rank: 1}}},
		{``, "og", nil},
	}
	for _, tt := range tests {
		var got []Hit
		ix.Find(query(tt.query), NewWords(tt.words), 0.5, func(h Hit) { got = append(got, h) })
		slices.SortFunc(got, func(a, b Hit) int { return a.Text - b.Text })
		if len(got) != len(tt.want) {
			t.Errorf("%s / %s: %+v, want %+v", tt.query, tt.words, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("%s / %s: %+v, want %+v", tt.query, tt.words, got, tt.want)
				break
			}
		}
	}
	if s := wordSimilarity("mødeldelse", "mødeledelse"); s < 0.5 {
		t.Fatalf("the typo is %v from its title: the test needs at least 0.5", s)
	}
}
