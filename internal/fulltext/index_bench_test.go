package fulltext

import (
	"fmt"
	"testing"
)

// benchIndex is 20,000 texts shaped like those of katalog demo -scale
// 20000: some 25 lexemes each, 'led' in all of them, 'politik' in few.
func benchIndex(b *testing.B) *Index { return NewIndex(benchTexts(b)) }

func benchTexts(b *testing.B) []Text {
	texts := make([]Text, 20000)
	for i := range texts {
		v := fmt.Sprintf(`'arbejd':%d,40C 'forandringsled':1A 'kommun':%dB 'led':2A,9B,14,22,31 'specialist':3A 'ord%d':12 'ord%d':13`,
			20+i%7, 8+i%3, i%500, i%91)
		for j := range 18 {
			v += fmt.Sprintf(` 'x%02d%d':%d`, j, i%(j+2), 41+j)
		}
		if i%2000 == 0 {
			v += ` 'politik':60C`
		}
		d, err := ParseVector(v)
		if err != nil {
			b.Fatal(err)
		}
		texts[i] = NewText(d, fmt.Sprintf("Forandringsledelse for specialister (%d)", i))
	}
	return texts
}

func BenchmarkNewIndex20000(b *testing.B) {
	texts := benchTexts(b)
	for b.Loop() {
		NewIndex(texts)
	}
}

func BenchmarkFind20000(b *testing.B) {
	ix := benchIndex(b)
	for _, tc := range []struct{ query, words string }{
		{`'led'`, "ledelse"},
		{`'politik'`, "politik"},
		{`'led' & 'kommun'`, "ledelse kommune"},
		{``, "for"},
	} {
		b.Run(tc.words, func(b *testing.B) {
			q, err := ParseQuery(tc.query)
			if err != nil {
				b.Fatal(err)
			}
			w := NewWords(tc.words)
			for b.Loop() {
				ix.Find(q, w, 0.5, func(Hit) {})
			}
		})
	}
}
