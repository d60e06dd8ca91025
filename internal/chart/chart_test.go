package chart

import (
	"strings"
	"testing"
)

func TestBarsAreInlineSVGWithoutStyleAttributes(t *testing.T) {
	svg, err := Bars([]string{"1", "2", "3", "4", "5"}, []float64{0, 1, 0, 3, 5}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(svg, "<svg") || !strings.HasSuffix(strings.TrimSpace(svg), "</svg>") {
		t.Fatalf("not one SVG element: %.80s", svg)
	}
	if strings.Contains(svg, "style=") {
		t.Fatal("a style attribute is left; the page's CSP would drop it")
	}
	for _, want := range []string{`fill="rgb(17,94,112)"`, `font-size="`, `>5</text>`} {
		if !strings.Contains(svg, want) {
			t.Errorf("the chart lacks %s", want)
		}
	}
}

func TestPresentational(t *testing.T) {
	got := presentational(`<text style="stroke:none;fill:rgb(70,70,70);font-family:'Roboto Medium',sans-serif">6</text>`)
	want := `<text stroke="none" fill="rgb(70,70,70)" font-family="'Roboto Medium',sans-serif">6</text>`
	if got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
}

func TestMeansInDanish(t *testing.T) {
	svg, err := Bars([]string{"03.03.2027"}, []float64{14.0 / 3}, 5)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(svg, ">4,7</text>") {
		t.Fatalf("the mean is not written 4,7:\n%s", svg)
	}
}
