// Package chart draws the staff area's small charts as SVG on the server
// with github.com/go-analyze/charts, to be put inline in a page beside a
// table of the same numbers.
//
// The library writes its styles as style attributes, which the site's
// Content-Security-Policy (style-src 'self') would drop from inline SVG;
// they are rewritten as the SVG presentation attributes of the same names,
// which that policy does not touch.
package chart

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/go-analyze/charts"
)

// Bars draws one bar per label with its value (a count or a mean), the
// values written over the bars; max fixes the top of the scale (0: the
// largest value, rounded up to whole steps, so counts get whole ticks).
func Bars(labels []string, values []float64, max float64) (string, error) {
	theme := charts.GetTheme(charts.ThemeLight).
		WithSeriesColors([]charts.Color{charts.ColorFromHex("#115e70")}).
		WithTextColor(charts.ColorFromHex("#1d1d1b")).
		WithXAxisTextColor(charts.ColorFromHex("#1d1d1b")).
		WithYAxisTextColor(charts.ColorFromHex("#4a4a48"))
	opts := []charts.OptionFunc{charts.SVGOutputOptionFunc(), charts.DimensionsOptionFunc(480, 220),
		charts.ThemeOptionFunc(theme), charts.XAxisLabelsOptionFunc(labels), charts.SeriesShowLabel(true),
		charts.PaddingOptionFunc(charts.Box{Top: 20, Right: 20, Bottom: 10, Left: 10})}
	opts = append(opts, func(o *charts.ChartOption) {
		o.ValueFormatter = danish
		for i := range o.SeriesList {
			o.SeriesList[i].Label.ValueFormatter = danish
		}
	})
	top, labels5 := scale(values, max)
	opts = append(opts, charts.YAxisOptionFunc(charts.YAxisOption{Min: charts.Ptr(0.0), Max: charts.Ptr(top), LabelCount: labels5}))
	p, err := charts.BarRender([][]float64{values}, opts...)
	if err != nil {
		return "", fmt.Errorf("chart: %w", err)
	}
	b, err := p.Bytes()
	if err != nil {
		return "", fmt.Errorf("chart: %w", err)
	}
	return presentational(string(b)), nil
}

// danish writes a value as Danes do: "4,7", "2".
func danish(v float64) string {
	return strings.Replace(strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64), ".", ",", 1)
}

// scale is the top of the axis and how many labels it gets: whole steps
// from 0.
func scale(values []float64, max float64) (top float64, labels int) {
	if max <= 0 {
		for _, v := range values {
			max = math.Max(max, v)
		}
		max = math.Ceil(max)
	}
	switch {
	case max < 1:
		return 1, 2
	case max <= 5:
		return max, int(max) + 1
	}
	return math.Ceil(max/5) * 5, 6
}

var styleAttr = regexp.MustCompile(`style="([^"]*)"`)

// presentational turns each style="a:b;c:d" into a="b" c="d".
func presentational(svg string) string {
	return styleAttr.ReplaceAllStringFunc(svg, func(attr string) string {
		decls := styleAttr.FindStringSubmatch(attr)[1]
		var out []string
		for _, d := range strings.Split(decls, ";") {
			k, v, ok := strings.Cut(d, ":")
			if k = strings.TrimSpace(k); ok && k != "" {
				out = append(out, k+`="`+strings.TrimSpace(v)+`"`)
			}
		}
		return strings.Join(out, " ")
	})
}
