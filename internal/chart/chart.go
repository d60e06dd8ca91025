// Package chart draws the staff area's charts (statistics, evaluation
// results) as SVG on the server with github.com/go-analyze/charts: no
// JavaScript, and the page shows each chart's numbers beside it as a
// table. The SVG keeps its viewBox, so it scales to its container.
//
// The library writes its styles as style attributes, which the site's
// Content-Security-Policy (style-src 'self') would drop from inline SVG
// (the shapes would be drawn black); they are rewritten as the SVG
// presentation attributes of the same names, which that policy does not
// touch.
package chart

import (
	"bytes"
	"fmt"
	"html"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/go-analyze/charts"
)

// Series is one named row of values, one per label.
type Series struct {
	Name   string
	Values []float64
}

// Chart is what to draw: labels along the category axis and one or more
// series over them.
type Chart struct {
	// Alt is the text alternative: what the chart shows, in one sentence.
	// "": the page names the chart itself (a figure with role="img" and
	// its caption), and the SVG is hidden from assistive technology.
	Alt    string
	Labels []string
	Series []Series
	// Format writes a value ("12 %", "1,2 mio. kr."); nil: Number.
	Format func(float64) string
	// Max is the value axis' top (100 for percentages, 5 for a mean of
	// 1-5); 0: from the values, in whole steps while they are small counts.
	Max float64
	// ShowValues writes each value at its bar.
	ShowValues bool
	// Width and Height of the drawing (before it scales with the page);
	// 0: 720 × 360 (a horizontal bar chart grows with its labels).
	Width, Height int
}

// Bars draws vertical bars, one group per label.
func Bars(c Chart) (string, error) {
	p := painter(c, c.Height)
	if err := p.BarChart(barOption(c, charts.Box{Top: 20, Right: 20, Bottom: 10, Left: 10})); err != nil {
		return "", fmt.Errorf("bar chart: %w", err)
	}
	return finish(p, c.Alt)
}

// HorizontalBars draws one bar per label, labels down the side: for long
// names (courses, municipalities), the first label on top. The height
// grows with the labels.
func HorizontalBars(c Chart) (string, error) {
	c = reversed(c) // the library draws the first category at the bottom
	opt := barOption(c, charts.Box{Top: 20, Right: 30, Bottom: 10, Left: 10})
	opt.Horizontal = true
	p := painter(c, max(c.Height, 200, 60+28*len(c.Labels)))
	if err := p.BarChart(opt); err != nil {
		return "", fmt.Errorf("horizontal bar chart: %w", err)
	}
	return finish(p, c.Alt)
}

func barOption(c Chart, padding charts.Box) charts.BarChartOption {
	opt := charts.NewBarChartOptionWithData(values(c))
	opt.CategoryAxis.Labels = c.Labels
	opt.ValueAxis = []charts.ValueAxisOption{valueAxis(c)}
	opt.ValueFormatter = formatter(c)
	opt.Legend = legend(c)
	opt.Theme = theme()
	opt.Padding = padding
	if c.ShowValues {
		for i := range opt.SeriesList {
			opt.SeriesList[i].Label.Show = charts.Ptr(true)
			opt.SeriesList[i].Label.ValueFormatter = formatter(c)
		}
	}
	return opt
}

// Lines draws one line per series over the labels (months).
func Lines(c Chart) (string, error) {
	opt := charts.NewLineChartOptionWithData(values(c))
	opt.XAxis.Labels = c.Labels
	opt.YAxis = []charts.YAxisOption{valueAxis(c)}
	opt.ValueFormatter = formatter(c)
	opt.Legend = legend(c)
	opt.Theme = theme()
	opt.Padding = charts.Box{Top: 20, Right: 20, Bottom: 10, Left: 10}
	p := painter(c, c.Height)
	if err := p.LineChart(opt); err != nil {
		return "", fmt.Errorf("line chart: %w", err)
	}
	return finish(p, c.Alt)
}

// theme is the site's colours: its petrol for the first series, a dark
// orange for the second, both with at least 3:1 contrast on white.
func theme() charts.ColorPalette {
	return charts.GetTheme(charts.ThemeLight).
		WithSeriesColors([]charts.Color{charts.ColorFromHex("#115e70"), charts.ColorFromHex("#b35300")}).
		WithTextColor(charts.ColorFromHex("#1d1d1b")).
		WithXAxisTextColor(charts.ColorFromHex("#1d1d1b")).
		WithYAxisTextColor(charts.ColorFromHex("#4a4a48"))
}

// valueAxis starts at 0 and ends at c.Max when set; small counts get
// whole-number ticks (a count of 2,5 answers means nothing).
func valueAxis(c Chart) charts.ValueAxisOption {
	a := charts.ValueAxisOption{Min: charts.Ptr(0.0)}
	if c.Max > 0 {
		a.Max = charts.Ptr(c.Max)
		a.Unit = c.Max / 5
		return a
	}
	if top, labels, ok := wholeScale(values(c)); ok {
		a.Max, a.LabelCount = charts.Ptr(top), labels
	}
	return a
}

// wholeScale is the top of the axis and how many labels it gets, in whole
// steps from 0, for largest values up to 50; larger ones are left to the
// library's own round steps.
func wholeScale(series [][]float64) (top float64, labels int, ok bool) {
	largest := 0.0
	for _, vs := range series {
		for _, v := range vs {
			largest = math.Max(largest, v)
		}
	}
	largest = math.Ceil(largest)
	switch {
	case largest < 1:
		return 1, 2, true
	case largest <= 5:
		return largest, int(largest) + 1, true
	case largest <= 50:
		return math.Ceil(largest/5) * 5, 6, true
	}
	return 0, 0, false
}

func reversed(c Chart) Chart {
	c.Labels = slices.Clone(c.Labels)
	slices.Reverse(c.Labels)
	series := make([]Series, len(c.Series))
	for i, s := range c.Series {
		series[i] = Series{Name: s.Name, Values: slices.Clone(s.Values)}
		slices.Reverse(series[i].Values)
	}
	c.Series = series
	return c
}

func values(c Chart) [][]float64 {
	out := make([][]float64, len(c.Series))
	for i, s := range c.Series {
		out[i] = s.Values
	}
	return out
}

func legend(c Chart) charts.LegendOption {
	if len(c.Series) < 2 {
		return charts.LegendOption{Show: charts.Ptr(false)}
	}
	names := make([]string, len(c.Series))
	for i, s := range c.Series {
		names[i] = s.Name
	}
	return charts.LegendOption{SeriesNames: names}
}

func formatter(c Chart) charts.ValueFormatter {
	if c.Format != nil {
		return c.Format
	}
	return Number
}

// Number writes a value as Danes do: a whole number ("2"), else rounded
// to one decimal with a comma ("4,7").
func Number(v float64) string {
	return strings.Replace(strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64), ".", ",", 1)
}

func painter(c Chart, h int) *charts.Painter {
	w := c.Width
	if w == 0 {
		w = 720
	}
	if h == 0 {
		h = 360
	}
	return charts.NewPainter(charts.PainterOptions{OutputFormat: charts.ChartOutputSVG, Width: w, Height: h})
}

// finish makes the SVG one image with its text alternative (or hides it
// when the page names it), scaling to its container.
func finish(p *charts.Painter, alt string) (string, error) {
	b, err := p.Bytes()
	if err != nil {
		return "", fmt.Errorf("chart svg: %w", err)
	}
	svg := string(bytes.TrimSpace(b))
	if !strings.HasPrefix(svg, "<svg") {
		return "", fmt.Errorf("chart svg: unexpected start %.20q", svg)
	}
	attrs := ` aria-hidden="true" focusable="false" class="chart-svg"`
	if alt != "" {
		attrs = ` role="img" aria-label="` + html.EscapeString(alt) + `" focusable="false" class="chart-svg"`
	}
	return "<svg" + attrs + presentation(svg[len("<svg"):]), nil
}

var styleAttr = regexp.MustCompile(`style="([^"]*)"`)

// presentation turns each style="a:b;c:d" into a="b" c="d".
func presentation(svg string) string {
	return styleAttr.ReplaceAllStringFunc(svg, func(attr string) string {
		var out []string
		for _, d := range strings.Split(styleAttr.FindStringSubmatch(attr)[1], ";") {
			k, v, ok := strings.Cut(d, ":")
			if k = strings.TrimSpace(k); ok && k != "" {
				out = append(out, k+`="`+strings.TrimSpace(v)+`"`) // already escaped as the style's value
			}
		}
		return strings.Join(out, " ")
	})
}
