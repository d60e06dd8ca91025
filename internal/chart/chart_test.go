package chart

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
		if !strings.Contains(svg, `fill="white"`) && !strings.Contains(svg, `fill="rgb(255,255,255)"`) {
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

// A chart the page names itself (a figure with its caption) is hidden
// from assistive technology, in the site's colours, values over the bars.
func TestBarsNamedByThePage(t *testing.T) {
	svg, err := Bars(Chart{Labels: []string{"1", "2", "3", "4", "5"}, Series: []Series{{Values: []float64{0, 1, 0, 3, 5}}},
		ShowValues: true, Width: 480, Height: 220})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(svg, `<svg aria-hidden="true"`) || !strings.HasSuffix(svg, "</svg>") {
		t.Fatalf("not one hidden SVG element: %.80s", svg)
	}
	for _, want := range []string{`fill="rgb(17,94,112)"`, `font-size="`, `>5</text>`, `viewBox="0 0 480 220"`} {
		if !strings.Contains(svg, want) {
			t.Errorf("the chart lacks %s", want)
		}
	}
	if strings.Contains(svg, ">0,5<") || strings.Contains(svg, ">2,5<") {
		t.Error("a count has a fractional tick")
	}
}

func TestPresentation(t *testing.T) {
	got := presentation(`<text style="stroke:none;fill:rgb(70,70,70);font-family:'Roboto Medium',sans-serif">6</text>`)
	want := `<text stroke="none" fill="rgb(70,70,70)" font-family="'Roboto Medium',sans-serif">6</text>`
	if got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
}

func TestMeansInDanish(t *testing.T) {
	svg, err := Bars(Chart{Labels: []string{"03.03.2027"}, Series: []Series{{Values: []float64{14.0 / 3}}}, Max: 5, ShowValues: true})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(svg, ">4,7</text>") {
		t.Fatalf("the mean is not written 4,7:\n%s", svg)
	}
	for v, want := range map[float64]string{2: "2", 4.66: "4,7", 1234567: "1234567"} {
		if got := Number(v); got != want {
			t.Errorf("Number(%v) = %q, want %q", v, got, want)
		}
	}
}
