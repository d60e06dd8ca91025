package charts

import (
	"fmt"
	"strings"
	"testing"
)

// Every kind of chart is one SVG image with its text alternative, scales
// with its container, and writes its labels and values.
func TestChartsAreLabelledScalableSVG(t *testing.T) {
	c := Chart{Alt: `Tilmeldinger pr. måned & "alt"`, Labels: []string{"jan. 2027", "feb. 2027", "mar. 2027"},
		Series: []Series{{Name: "Tilmeldinger", Values: []float64{12, 30, 7}}, {Name: "Deltagere", Values: []float64{20, 51, 9}}},
		Format: func(v float64) string { return fmt.Sprintf("%.0f stk.", v) }}
	for name, draw := range map[string]func(Chart) (string, error){"bars": Bars, "horizontal": HorizontalBars, "lines": Lines} {
		svg, err := draw(c)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, want := range []string{`<svg role="img" aria-label="Tilmeldinger pr. måned &amp; &#34;alt&#34;"`, `viewBox="0 0 720 `,
			">feb. 2027<", ">Deltagere<", " stk.<"} {
			if !strings.Contains(svg, want) {
				t.Errorf("%s: no %q in %.300s", name, want, svg)
			}
		}
		if strings.Contains(svg, "style=") {
			t.Errorf("%s: inline styles, which the site's CSP blocks", name)
		}
		if !strings.Contains(svg, `fill="white"`) {
			t.Errorf("%s: no presentation attributes", name)
		}
		if strings.Contains(svg[:200], `width="720"`) {
			t.Errorf("%s: fixed width", name)
		}
	}
	one, err := Bars(Chart{Alt: "a", Labels: []string{"x"}, Series: []Series{{Name: "Alene", Values: []float64{1}}}})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(one, ">Alene<") {
		t.Error("a single series has a legend")
	}
}
