// Package charts draws the staff pages' charts as SVG on the server with
// go-analyze/charts: no JavaScript, and each chart's numbers are shown
// beside it as a table by the page. The SVG scales to its container (it
// keeps its viewBox) and is marked as one image with a text alternative,
// so screen readers announce the caption and read the table.
package charts

import (
	"bytes"
	"fmt"
	"html"
	"math"
	"regexp"
	"slices"
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
	Alt    string // the text alternative: what the chart shows, in one sentence
	Labels []string
	Series []Series
	// Format writes a value on the value axis ("12 %", "1,2 mio. kr.");
	// nil: Number.
	Format func(float64) string
	// Max is the value axis' top (100 for percentages); 0: from the values.
	Max float64
}

// valueAxis starts at 0 and ends at c.Max when set.
func valueAxis(c Chart) charts.ValueAxisOption {
	a := charts.ValueAxisOption{Min: charts.Ptr(0.0)}
	if c.Max > 0 {
		a.Max = charts.Ptr(c.Max)
		a.Unit = c.Max / 5
	}
	return a
}

// Size of the drawing; it scales down with the page (viewBox).
const (
	width  = 720
	height = 360
)

// Bars draws vertical bars, one group per label.
func Bars(c Chart) (string, error) {
	opt := charts.NewBarChartOptionWithData(values(c))
	opt.CategoryAxis.Labels = c.Labels
	opt.ValueAxis = []charts.ValueAxisOption{valueAxis(c)}
	opt.ValueFormatter = formatter(c)
	opt.Legend = legend(c)
	opt.Padding = charts.Box{Top: 20, Right: 20, Bottom: 10, Left: 10}
	p := painter(height)
	if err := p.BarChart(opt); err != nil {
		return "", fmt.Errorf("bar chart: %w", err)
	}
	return finish(p, c.Alt)
}

// HorizontalBars draws one bar per label, labels down the side: for long
// names (courses, municipalities), the first label on top. The height
// grows with the labels.
func HorizontalBars(c Chart) (string, error) {
	c = reversed(c) // the library draws the first category at the bottom
	opt := charts.NewBarChartOptionWithData(values(c))
	opt.Horizontal = true
	opt.CategoryAxis.Labels = c.Labels
	opt.ValueAxis = []charts.ValueAxisOption{valueAxis(c)}
	opt.ValueFormatter = formatter(c)
	opt.Legend = legend(c)
	opt.Padding = charts.Box{Top: 20, Right: 30, Bottom: 10, Left: 10}
	p := painter(max(200, 60+28*len(c.Labels)))
	if err := p.BarChart(opt); err != nil {
		return "", fmt.Errorf("horizontal bar chart: %w", err)
	}
	return finish(p, c.Alt)
}

// Lines draws one line per series over the labels (months).
func Lines(c Chart) (string, error) {
	opt := charts.NewLineChartOptionWithData(values(c))
	opt.XAxis.Labels = c.Labels
	opt.YAxis = []charts.YAxisOption{{Min: charts.Ptr(0.0)}}
	opt.ValueFormatter = formatter(c)
	opt.Legend = legend(c)
	opt.Padding = charts.Box{Top: 20, Right: 20, Bottom: 10, Left: 10}
	p := painter(height)
	if err := p.LineChart(opt); err != nil {
		return "", fmt.Errorf("line chart: %w", err)
	}
	return finish(p, c.Alt)
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

// Number writes a value as a whole number, or with one decimal (comma)
// when it has a fraction, as the ticks of a small range have.
func Number(v float64) string {
	if v == math.Trunc(v) {
		return fmt.Sprintf("%.0f", v)
	}
	return strings.Replace(fmt.Sprintf("%.1f", v), ".", ",", 1)
}

func painter(h int) *charts.Painter {
	return charts.NewPainter(charts.PainterOptions{OutputFormat: charts.ChartOutputSVG, Width: width, Height: h})
}

// finish makes the SVG one image with its text alternative, scaling to its
// container.
func finish(p *charts.Painter, alt string) (string, error) {
	b, err := p.Bytes()
	if err != nil {
		return "", fmt.Errorf("chart svg: %w", err)
	}
	b = bytes.TrimSpace(b)
	svg := string(b)
	if !strings.HasPrefix(svg, "<svg") {
		return "", fmt.Errorf("chart svg: unexpected start %.20q", svg)
	}
	attrs := ` role="img" aria-label="` + html.EscapeString(alt) + `" focusable="false" class="chart-svg"`
	return "<svg" + attrs + presentation(svg[len("<svg"):]), nil
}

var styleAttr = regexp.MustCompile(`style="([^"]*)"`)

// presentation turns the library's style attributes into SVG presentation
// attributes (fill="white" rather than style="fill:white"): the site's
// Content-Security-Policy (style-src 'self') blocks inline styles, and the
// shapes would be drawn black.
func presentation(svg string) string {
	return styleAttr.ReplaceAllStringFunc(svg, func(m string) string {
		decls := styleAttr.FindStringSubmatch(m)[1]
		var b strings.Builder
		for i, d := range strings.Split(decls, ";") {
			k, v, ok := strings.Cut(d, ":")
			if !ok || strings.TrimSpace(k) == "" {
				continue
			}
			if i > 0 && b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(strings.TrimSpace(k) + `="` + html.EscapeString(strings.TrimSpace(v)) + `"`)
		}
		return b.String()
	})
}
