package admin

import (
	"net/http"
	"strconv"

	"kursuskatalog/internal/catalog"
	"kursuskatalog/internal/chart"
	"kursuskatalog/internal/overview"
	"kursuskatalog/internal/sheet"
	"kursuskatalog/web/views"
)

// figures reads and draws the statistics of period p, in page order.
func (a *adminArea) figures(r *http.Request, p overview.Period) ([]views.Figure, error) {
	ctx := r.Context()
	from, end := p.From, p.End()
	bookings, participants, err := a.store.BookingsPerMonth(ctx, from, end)
	if err != nil {
		return nil, err
	}
	fills, err := a.store.DateFills(ctx, from, end)
	if err != nil {
		return nil, err
	}
	revenue, err := a.store.RevenuePerMonth(ctx, from, end)
	if err != nil {
		return nil, err
	}
	topics, err := a.store.RevenuePerTopic(ctx, from, end)
	if err != nil {
		return nil, err
	}
	orgs, err := a.store.ParticipantsPerOrg(ctx, from, end)
	if err != nil {
		return nil, err
	}
	demand, err := a.store.WaitlistDemand(ctx, a.now())
	if err != nil {
		return nil, err
	}
	municipalities, regions := overview.ByMunicipality(orgs)
	makers := []func() (views.Figure, error){
		func() (views.Figure, error) { return bookingsFigure(p, bookings, participants) },
		func() (views.Figure, error) { return courseFillFigure(overview.FillByCourse(fills)) },
		func() (views.Figure, error) { return dateFillFigure(fills) },
		func() (views.Figure, error) { return revenueMonthFigure(p, revenue) },
		func() (views.Figure, error) { return revenueTopicFigure(overview.SortTopics(topics)) },
		func() (views.Figure, error) {
			return countFigure("kommuner", "Deltagere pr. kommune", "Kommune", municipalities, 20)
		},
		func() (views.Figure, error) {
			return countFigure("regioner", "Deltagere pr. region", "Region", regions, 0)
		},
		func() (views.Figure, error) { return demandFigure(overview.SortDemand(demand)) },
	}
	out := make([]views.Figure, 0, len(makers))
	for _, mk := range makers {
		f, err := mk()
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, nil
}

func num(n int64) string { return catalog.FormatCount(n) }

func percent(perMille int) string {
	return strconv.Itoa(perMille/10) + "," + strconv.Itoa(perMille%10) + " %"
}

func bookingsFigure(p overview.Period, bookings, participants []overview.MonthValue) (views.Figure, error) {
	b, ps := overview.FillMonths(p, bookings), overview.FillMonths(p, participants)
	f := views.Figure{ID: "tilmeldinger", Title: "Tilmeldinger over tid",
		Intro:  "Tilmeldinger og deltagere pr. måned, efter hvornår de blev tilmeldt (også dem, der siden er afmeldt).",
		Header: []string{"Måned", "Tilmeldinger", "Deltagere"}, NumCols: 2,
		CSVHeader: []string{"Måned", "Tilmeldinger", "Deltagere"}}
	c := chart.Chart{Alt: "Linjediagram: tilmeldinger og deltagere pr. måned. Tallene står i tabellen under.",
		Series: []chart.Series{{Name: "Tilmeldinger"}, {Name: "Deltagere"}}}
	for i, m := range b {
		c.Labels = append(c.Labels, overview.MonthLabel(m.Month))
		c.Series[0].Values = append(c.Series[0].Values, float64(m.Value))
		c.Series[1].Values = append(c.Series[1].Values, float64(ps[i].Value))
		f.Rows = append(f.Rows, []string{overview.MonthLabel(m.Month), num(m.Value), num(ps[i].Value)})
		f.CSV = append(f.CSV, []sheet.Cell{sheet.Text(m.Month.Format("2006-01")), sheet.Decimal(m.Value, 0), sheet.Decimal(ps[i].Value, 0)})
	}
	return withChart(f, c, chart.Lines)
}

func courseFillFigure(courses []overview.CourseFill) (views.Figure, error) {
	f := views.Figure{ID: "fyldning-kurser", Title: "Fyldning pr. kursus",
		Intro:  "Optagne pladser i forhold til pladser på kursets datoer i perioden (aflyste datoer tæller ikke). Diagrammet viser de 15 kurser med flest pladser.",
		Header: []string{"Kursus", "Datoer", "Pladser", "Optaget", "Fyldning"}, NumCols: 4,
		CSVHeader: []string{"Kursus", "Datoer", "Pladser", "Optaget", "Fyldning (%)"}}
	c := chart.Chart{Alt: "Søjlediagram: fyldning i procent for de 15 kurser med flest pladser. Tallene står i tabellen under.",
		Series: []chart.Series{{Name: "Fyldning"}}, Max: 100, Format: func(v float64) string { return strconv.Itoa(int(v)) + " %" }}
	for i, x := range courses {
		if i < 15 {
			c.Labels = append(c.Labels, shortLabel(x.CourseTitle))
			c.Series[0].Values = append(c.Series[0].Values, float64(x.Rate())/10)
		}
		f.Rows = append(f.Rows, []string{x.CourseTitle, strconv.Itoa(x.Dates), strconv.Itoa(x.Capacity), strconv.Itoa(x.Taken), percent(x.Rate())})
		f.CSV = append(f.CSV, []sheet.Cell{sheet.Text(x.CourseTitle), sheet.Number(x.Dates), sheet.Number(x.Capacity),
			sheet.Number(x.Taken), sheet.Decimal(int64(x.Rate()), 1)})
	}
	f.Long = len(f.Rows) > 20
	return withChart(f, c, chart.HorizontalBars)
}

func dateFillFigure(dates []overview.DateFill) (views.Figure, error) {
	f := views.Figure{ID: "fyldning-datoer", Title: "Fyldning pr. dato",
		Intro:  "Hver planlagt dato i perioden med pladser og optagne pladser.",
		Header: []string{"Kursus", "Start", "Sted", "Pladser", "Optaget", "Fyldning"}, NumCols: 3, Long: true,
		CSVHeader: []string{"Kursus", "Start", "Sted", "Pladser", "Optaget", "Fyldning (%)"}}
	for _, d := range dates {
		r := overview.Rate(d.Taken, d.Capacity)
		if len(f.Rows) < 500 {
			f.Rows = append(f.Rows, []string{d.CourseTitle, catalog.FormatDate(d.StartsAt), d.City, strconv.Itoa(d.Capacity),
				strconv.Itoa(d.Taken), percent(r)})
		}
		f.CSV = append(f.CSV, []sheet.Cell{sheet.Text(d.CourseTitle), sheet.Date(d.StartsAt.In(catalog.Copenhagen)), sheet.Text(d.City),
			sheet.Number(d.Capacity), sheet.Number(d.Taken), sheet.Decimal(int64(r), 1)})
	}
	if len(dates) > len(f.Rows) {
		f.Note = "Tabellen viser de første " + strconv.Itoa(len(f.Rows)) + " af " + strconv.Itoa(len(dates)) + " datoer; CSV-filen har dem alle."
	}
	return f, nil
}
