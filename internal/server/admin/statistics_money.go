package admin

import (
	"strconv"

	"kursuskatalog/internal/catalog"
	"kursuskatalog/internal/chart"
	"kursuskatalog/internal/overview"
	"kursuskatalog/internal/sheet"
	"kursuskatalog/web/views"
)

// kroner writes an axis value in whole kroner ("12.500 kr.").
func kroner(v float64) string { return catalog.FormatKroner(int64(v) * 100) }

func revenueMonthFigure(p overview.Period, revenue []overview.MonthValue) (views.Figure, error) {
	f := views.Figure{ID: "omsaetning-maaned", Title: "Omsætning ekskl. moms pr. måned",
		Intro:  "Hvad bekræftede deltagere betaler ekskl. moms (efter pakkerabat), i den måned deres dato starter. Aflyste datoer tæller ikke.",
		Header: []string{"Måned", "Omsætning ekskl. moms"}, NumCols: 1,
		CSVHeader: []string{"Måned", "Omsætning ekskl. moms (kr.)"}}
	c := chart.Chart{Alt: "Søjlediagram: omsætning ekskl. moms pr. måned. Tallene står i tabellen under.",
		Series: []chart.Series{{Name: "Omsætning"}}, Format: kroner}
	for _, m := range overview.FillMonths(p, revenue) {
		c.Labels = append(c.Labels, overview.MonthLabel(m.Month))
		c.Series[0].Values = append(c.Series[0].Values, float64(m.Value/100))
		f.Rows = append(f.Rows, []string{overview.MonthLabel(m.Month), catalog.FormatKroner(m.Value)})
		f.CSV = append(f.CSV, []sheet.Cell{sheet.Text(m.Month.Format("2006-01")), sheet.Decimal(m.Value, 2)})
	}
	return withChart(f, c, chart.Bars)
}

func revenueTopicFigure(topics []overview.TopicRevenue) (views.Figure, error) {
	f := views.Figure{ID: "omsaetning-emne", Title: "Omsætning ekskl. moms pr. emne",
		Intro:  "Som ovenfor, pr. emne. Et kursus under to emner tæller med under begge, så emnerne tilsammen giver mere end den samlede omsætning.",
		Header: []string{"Emne", "Omsætning ekskl. moms"}, NumCols: 1,
		CSVHeader: []string{"Emne", "Omsætning ekskl. moms (kr.)"}}
	c := chart.Chart{Alt: "Søjlediagram: omsætning ekskl. moms pr. emne. Tallene står i tabellen under.",
		Series: []chart.Series{{Name: "Omsætning"}}, Format: kroner}
	for _, t := range topics {
		c.Labels = append(c.Labels, t.Topic)
		c.Series[0].Values = append(c.Series[0].Values, float64(t.ExclOre/100))
		f.Rows = append(f.Rows, []string{t.Topic, catalog.FormatKroner(t.ExclOre)})
		f.CSV = append(f.CSV, []sheet.Cell{sheet.Text(t.Topic), sheet.Decimal(t.ExclOre, 2)})
	}
	return withChart(f, c, chart.HorizontalBars)
}

// countFigure is participants per name (municipality, region); the chart
// shows the first top (0: all).
func countFigure(id, title, what string, counts []overview.Count, top int) (views.Figure, error) {
	f := views.Figure{ID: id, Title: title,
		Intro:  "Bekræftede deltagere på datoer i perioden, efter den organisation, der tilmeldte dem. Organisationer, der ikke er en kommune, står under Andre.",
		Header: []string{what, "Deltagere"}, NumCols: 1, CSVHeader: []string{what, "Deltagere"}}
	alt := "Søjlediagram: " + title + "."
	if top > 0 && len(counts) > top {
		alt = "Søjlediagram: " + title + ", de " + strconv.Itoa(top) + " største."
	}
	c := chart.Chart{Alt: alt + " Tallene står i tabellen under.", Series: []chart.Series{{Name: "Deltagere"}}}
	for i, x := range counts {
		if top == 0 || i < top {
			c.Labels = append(c.Labels, x.Name)
			c.Series[0].Values = append(c.Series[0].Values, float64(x.Value))
		}
		f.Rows = append(f.Rows, []string{x.Name, num(x.Value)})
		f.CSV = append(f.CSV, []sheet.Cell{sheet.Text(x.Name), sheet.Decimal(x.Value, 0)})
	}
	f.Long = len(f.Rows) > 20
	return withChart(f, c, chart.HorizontalBars)
}

func demandFigure(demand []overview.Demand) (views.Figure, error) {
	f := views.Figure{ID: "venteliste", Title: "Efterspørgsel på ventelisten",
		Intro: "Kurser med personer på ventelisten til kommende datoer. Er ventelisten længere end de ledige pladser, " +
			"kan en ny dato betale sig. Gælder i dag, uanset perioden.",
		Header: []string{"Kursus", "På venteliste", "Fulde datoer", "Kommende datoer", "Ledige pladser", "Ny dato?"}, NumCols: 4,
		CSVHeader: []string{"Kursus", "På venteliste", "Fulde datoer", "Kommende datoer", "Ledige pladser", "Ny dato"}}
	c := chart.Chart{Alt: "Søjlediagram: antal på venteliste pr. kursus. Tallene står i tabellen under.",
		Series: []chart.Series{{Name: "På venteliste"}}}
	for _, d := range demand {
		c.Labels = append(c.Labels, shortLabel(d.CourseTitle))
		c.Series[0].Values = append(c.Series[0].Values, float64(d.Waiting))
		need := "Nej"
		if d.NeedsDate() {
			need = "Ja"
		}
		f.Rows = append(f.Rows, []string{d.CourseTitle, strconv.Itoa(d.Waiting), strconv.Itoa(d.FullDates), strconv.Itoa(d.Dates),
			strconv.Itoa(d.FreeSeats), need})
		f.CSV = append(f.CSV, []sheet.Cell{sheet.Text(d.CourseTitle), sheet.Number(d.Waiting), sheet.Number(d.FullDates),
			sheet.Number(d.Dates), sheet.Number(d.FreeSeats), sheet.Text(need)})
	}
	return withChart(f, c, chart.HorizontalBars)
}

// shortLabel cuts a long course title for a chart's axis; the table has it whole.
func shortLabel(s string) string {
	r := []rune(s)
	if len(r) <= 38 {
		return s
	}
	return string(r[:36]) + "…"
}

// perMilleDecimal writes per mille as a percentage with a decimal comma.

// withChart draws c into f with draw, when it has anything to draw.
func withChart(f views.Figure, c chart.Chart, draw func(chart.Chart) (string, error)) (views.Figure, error) {
	if len(c.Labels) == 0 {
		return f, nil
	}
	var err error
	f.SVG, err = draw(c)
	return f, err
}
