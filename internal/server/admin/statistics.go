package admin

import (
	"net/http"
	"time"

	"github.com/go-chi/chi/v5"

	"kursuskatalog/internal/catalog"
	"kursuskatalog/internal/overview"
	"kursuskatalog/internal/sheet"
	"kursuskatalog/web/views"
)

// maxStatMonths is the longest period the statistics sum up at once.
const maxStatMonths = 36

// showStatistics shows the figures of a period (?fra=2026-01&til=2027-06,
// the last twelve months and the next six by default): each a chart drawn
// on the server, its numbers as a table and as CSV.
func (a *adminArea) showStatistics(w http.ResponseWriter, r *http.Request) {
	p, form, ok := a.statPeriod(r)
	if !ok {
		a.Render(w, r, http.StatusUnprocessableEntity, views.AdminStatistics(views.AdminStatisticsProps{
			Page: a.adminPage(r, "Fejl: Statistik"), Form: form}))
		return
	}
	figs, err := a.figures(r, p)
	if err != nil {
		a.ServerError(w, r, err)
		return
	}
	a.Render(w, r, http.StatusOK, views.AdminStatistics(views.AdminStatisticsProps{
		Page: a.adminPage(r, "Statistik"), Form: form, Figures: figs, Query: form.Query()}))
}

// exportStatistic sends one figure's numbers as CSV for Danish Excel.
func (a *adminArea) exportStatistic(w http.ResponseWriter, r *http.Request) {
	p, _, ok := a.statPeriod(r)
	if !ok {
		p = overview.DefaultPeriod(a.now())
	}
	figs, err := a.figures(r, p)
	if err != nil {
		a.ServerError(w, r, err)
		return
	}
	id := chi.URLParam(r, "figur")
	for _, f := range figs {
		if f.ID+".csv" == id {
			name := "statistik-" + f.ID + "-" + p.From.Format("2006-01") + "-" + p.To.Format("2006-01") + ".csv"
			file := sheet.New()
			file.Texts(f.CSVHeader...)
			for _, row := range f.CSV {
				file.Row(row...)
			}
			sendCSV(w, r, a, file, name)
			return
		}
	}
	a.notFound(w, r)
}

// statPeriod reads the period's months; ok is false with messages in form.
func (a *adminArea) statPeriod(r *http.Request) (overview.Period, views.PeriodForm, bool) {
	p := overview.DefaultPeriod(a.now())
	q := r.URL.Query()
	form := views.PeriodForm{From: q.Get("fra"), To: q.Get("til")}
	if form.From == "" {
		form.From = p.From.Format("2006-01")
	}
	if form.To == "" {
		form.To = p.To.Format("2006-01")
	}
	from, errFrom := time.ParseInLocation("2006-01", form.From, catalog.Copenhagen)
	to, errTo := time.ParseInLocation("2006-01", form.To, catalog.Copenhagen)
	switch {
	case errFrom != nil:
		form.Errors.Add("fra", "Skriv den første måned som år og måned, f.eks. 2026-01")
	case errTo != nil:
		form.Errors.Add("til", "Skriv den sidste måned som år og måned, f.eks. 2027-06")
	case to.Before(from):
		form.Errors.Add("til", "Den sidste måned skal ligge efter den første")
	case to.After(from.AddDate(0, maxStatMonths-1, 0)):
		form.Errors.Add("til", "Vælg højst 36 måneder ad gangen")
	}
	if form.Errors.Any() {
		return p, form, false
	}
	return overview.Period{From: from, To: to}, form, true
}
