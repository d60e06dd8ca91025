package admin

import (
	"errors"
	"net/http"
	"strconv"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/catalog"
	"kursuskatalog/internal/chart"
	"kursuskatalog/internal/sheet"
	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

// showDateEvaluation shows a date's evaluation results.
func (a *adminArea) showDateEvaluation(w http.ResponseWriter, r *http.Request) {
	d, ok := a.dateOf(w, r)
	if !ok {
		return
	}
	id := d.ID
	evs, err := a.store.Evaluations(r.Context(), 0, id)
	if err != nil {
		a.ServerError(w, r, err)
		return
	}
	var answers []booking.Answer
	for _, e := range evs {
		answers = append(answers, e.Answers...)
	}
	p := views.EvaluationResultsProps{Page: a.adminPage(r, "Evaluering "+d.CourseTitle+" "+views.ShortDate(d.StartsAt)),
		Heading: "Evaluering", Sub: d.CourseTitle + ", " + d.When() + ", " + d.Venue.City,
		Back: views.SafeURL("/admin/datoer/" + strconv.FormatInt(id, 10)), BackLabel: d.CourseTitle,
		CSV: views.SafeURL("/admin/datoer/" + strconv.FormatInt(id, 10) + "/evaluering.csv")}
	if p.Result, err = result(booking.Summarize(answers)); err != nil {
		a.ServerError(w, r, err)
		return
	}
	a.Render(w, r, http.StatusOK, views.AdminEvaluation(p))
}

// showCourseEvaluation shows the results of every date of a course: the
// dates with enough answers summed up, and each date's line.
func (a *adminArea) showCourseEvaluation(w http.ResponseWriter, r *http.Request) {
	id, ok := idParam(r)
	if !ok {
		a.notFound(w, r)
		return
	}
	c, err := a.store.CourseForEdit(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		a.notFound(w, r)
		return
	} else if err != nil {
		a.ServerError(w, r, err)
		return
	}
	evs, err := a.store.Evaluations(r.Context(), id, 0)
	if err != nil {
		a.ServerError(w, r, err)
		return
	}
	p := views.EvaluationResultsProps{Page: a.adminPage(r, "Evaluering "+c.Title), Heading: "Evaluering af " + c.Title,
		Sub: "Alle datoer", Back: views.SafeURL("/admin/kurser/" + strconv.FormatInt(id, 10)), BackLabel: c.Title,
		CSV: views.SafeURL("/admin/kurser/" + strconv.FormatInt(id, 10) + "/evaluering.csv")}
	if err := courseResults(&p, evs); err != nil {
		a.ServerError(w, r, err)
		return
	}
	a.Render(w, r, http.StatusOK, views.AdminEvaluation(p))
}

// courseResults sums up the dates whose results may be shown (a date
// with fewer answers is left out of the sum too: subtracting would show
// them) and charts each such date's overall mean.
func courseResults(p *views.EvaluationResultsProps, evs []store.DateEvaluation) error {
	var all []booking.Answer
	var labels []string
	var means []float64
	for _, e := range shownDates(evs) {
		all = append(all, e.Answers...)
		s := booking.Summarize(e.Answers)
		labels = append(labels, catalog.FormatDate(e.Date.StartsAt))
		means = append(means, meanOf(s.Scores[0]))
	}
	for _, e := range evs {
		p.Dates = append(p.Dates, views.DateResult{Date: e.Date, Summary: booking.Summarize(e.Answers)})
	}
	var err error
	if len(labels) > 0 {
		if p.DateChart, err = chart.Bars(chart.Chart{Labels: labels, Series: []chart.Series{{Values: means}}, Max: 5,
			ShowValues: true, Width: 480, Height: 220}); err != nil {
			return err
		}
	}
	p.Result, err = result(booking.Summarize(all))
	return err
}

func shownDates(evs []store.DateEvaluation) []store.DateEvaluation {
	var out []store.DateEvaluation
	for _, e := range evs {
		if len(e.Answers) >= booking.EvaluationMinAnswers {
			out = append(out, e)
		}
	}
	return out
}

func meanOf(s booking.Score) float64 {
	n, sum := 0, 0
	for i, c := range s.Counts {
		n, sum = n+c, sum+c*(i+1)
	}
	if n == 0 {
		return 0
	}
	return float64(sum) / float64(n)
}

// result charts a summary's questions (when it may be shown).
func result(s booking.Summary) (views.EvaluationResult, error) {
	out := views.EvaluationResult{Summary: s}
	if !s.Shown() {
		return out, nil
	}
	for _, sc := range s.Scores {
		vals := make([]float64, 5)
		for i, c := range sc.Counts {
			vals[i] = float64(c)
		}
		svg, err := chart.Bars(chart.Chart{Labels: []string{"1", "2", "3", "4", "5"},
			Series: []chart.Series{{Values: vals}}, ShowValues: true, Width: 480, Height: 220})
		if err != nil {
			return out, err
		}
		out.Charts = append(out.Charts, svg)
	}
	return out, nil
}

// exportDateEvaluation sends a date's answers as CSV (when they may be
// shown), in an order that tells nothing about who answered.
func (a *adminArea) exportDateEvaluation(w http.ResponseWriter, r *http.Request) {
	id, ok := idParam(r)
	if !ok {
		a.notFound(w, r)
		return
	}
	evs, err := a.store.Evaluations(r.Context(), 0, id)
	if err != nil {
		a.ServerError(w, r, err)
		return
	}
	sendCSV(w, r, a, answersCSV(shownDates(evs)), "evaluering-dato-"+strconv.FormatInt(id, 10)+".csv")
}

// exportCourseEvaluation sends the answers of every date of a course with
// enough answers as CSV.
func (a *adminArea) exportCourseEvaluation(w http.ResponseWriter, r *http.Request) {
	id, ok := idParam(r)
	if !ok {
		a.notFound(w, r)
		return
	}
	evs, err := a.store.Evaluations(r.Context(), id, 0)
	if err != nil {
		a.ServerError(w, r, err)
		return
	}
	sendCSV(w, r, a, answersCSV(shownDates(evs)), "evaluering-kursus-"+strconv.FormatInt(id, 10)+".csv")
}

func answersCSV(evs []store.DateEvaluation) *sheet.Writer {
	f := sheet.New()
	f.Texts("Dato", "Sted", "Samlet vurdering (1-5)", "Relevans for arbejdet (1-5)", "Undervisningen (1-5)", "Hvad kan vi gøre bedre?")
	for _, e := range evs {
		for _, x := range e.Answers {
			f.Row(sheet.Text(catalog.FormatDate(e.Date.StartsAt)), sheet.Text(e.Date.Venue.City),
				sheet.Number(x.Overall), sheet.Number(x.Relevance), sheet.Number(x.Teaching), sheet.Text(x.Improve))
		}
	}
	return f
}
