package admin

import (
	"errors"
	"net/http"
	"strings"

	"kursuskatalog/internal/catalog"
	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

// listBundles lists the bundle offers with their courses and saving.
func (a *adminArea) listBundles(w http.ResponseWriter, r *http.Request) {
	bs, err := a.store.BundleRows(r.Context())
	if err != nil {
		a.ServerError(w, r, err)
		return
	}
	p := views.EntityListProps{Page: a.adminPage(r, "Pakketilbud"), Heading: "Pakketilbud", NewURL: "/admin/pakker/ny", NewLabel: "Opret pakketilbud",
		Intro:   "Kurser, der er billigere, når de bookes sammen inden sidste dag.",
		Caption: "Pakketilbud", Columns: []string{"Titel", "Kurser", "Pakkepris", "Besparelse", "Sidste dag"}}
	for _, b := range bs {
		p.Rows = append(p.Rows, views.EntityRow{URL: editorPath("/admin/pakker", b.ID), Cells: []string{b.Title, strings.Join(b.CourseTitles, ", "),
			catalog.FormatKroner(b.PriceOre), catalog.FormatKroner(b.SavingOre()), catalog.FormatDate(b.LastDay)}})
	}
	a.Render(w, r, http.StatusOK, views.AdminEntityList(p))
}

// newBundle shows the empty offer form.
func (a *adminArea) newBundle(w http.ResponseWriter, r *http.Request) {
	courses, err := a.store.CourseChoices(r.Context())
	if err != nil {
		a.ServerError(w, r, err)
		return
	}
	a.renderEditor(w, r, http.StatusOK, "Opret pakketilbud", bundleForm(bundleTyped{}, 0, 0, courses, views.FormErrors{}))
}

// editBundle shows an offer's form with the saved values and its saving.
func (a *adminArea) editBundle(w http.ResponseWriter, r *http.Request) {
	id, ok := idParam(r)
	if !ok {
		a.notFound(w, r)
		return
	}
	b, err := a.store.BundleRowByID(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		a.notFound(w, r)
		return
	} else if err != nil {
		a.ServerError(w, r, err)
		return
	}
	courses, err := a.store.CourseChoices(r.Context())
	if err != nil {
		a.ServerError(w, r, err)
		return
	}
	typed := bundleTyped{Title: b.Title, Description: b.Description, Price: kronerValue(b.PriceOre), LastDay: b.LastDay.Format("2006-01-02")}
	for _, c := range b.Courses {
		typed.Courses = append(typed.Courses, c.CourseID)
	}
	a.renderEditor(w, r, http.StatusOK, b.Title, bundleForm(typed, b.ID, b.Version, courses, views.FormErrors{}))
}

// bundleTyped is the offer form as typed (or as saved, written as typed).
type bundleTyped struct {
	Title, Description, Price, LastDay string
	Courses                            []int64
}

// kronerValue writes øre for a price input: "9995", or "9995,50".
func kronerValue(ore int64) string {
	s := catalog.FormatKroner(ore)
	return strings.ReplaceAll(strings.TrimSuffix(s, " kr."), ".", "")
}

func bundleForm(t bundleTyped, id int64, version int, courses []store.CourseChoice, errs views.FormErrors) views.EntityFormProps {
	p := views.EntityFormProps{Section: "Pakketilbud", SectionURL: "/admin/pakker", Heading: "Opret pakketilbud",
		Action: "/admin/pakker/ny", Version: version, Errors: errs, Submit: "Opret pakketilbud"}
	if id != 0 {
		p.Heading, p.Action, p.Submit = "Ret pakketilbud: "+t.Title, editorPath("/admin/pakker", id), "Gem"
		p.DeleteURL, p.DeleteText = editorPath("/admin/pakker", id)+"/slet", "Slet pakketilbuddet"
	}
	p.Fields = []views.EntityField{
		editorTextField("title", "Titel", t.Title, errs, true, 200),
		editorTextField("description", "Beskrivelse", t.Description, errs, false, 2000),
		editorTextField("price", "Pakkepris i kroner ekskl. moms", t.Price, errs, true, 20),
		editorTextField("last_day", "Sidste dag", t.LastDay, errs, true, 10),
	}
	p.Fields[1].Type = "textarea"
	p.Fields[2].InputMode, p.Fields[2].Hint = "decimal", "For alle kurserne tilsammen, fx 9995"
	p.Fields[3].Type, p.Fields[3].Hint = "date", "Tilbuddet gælder for tilmeldinger til og med denne dag"
	checks := views.CourseChecksProps{ID: "courses", Name: "course", Legend: "Kurser i pakken", Error: errs.Get("courses"),
		Hint: "Vælg mindst to kurser. Prisen i parentes er kursets egen pris ekskl. moms."}
	var sum int64
	for _, c := range courses {
		checked := false
		for _, id := range t.Courses {
			if id == c.ID {
				checked = true
				sum += c.PriceOre
			}
		}
		label := c.Title + " (" + catalog.FormatKroner(c.PriceOre) + ")"
		if c.Status != catalog.StatusPublished {
			label += ", kladde"
		}
		checks.Items = append(checks.Items, views.CourseCheck{ID: c.ID, Label: label, Checked: checked})
	}
	p.Extra = views.CourseChecks(checks)
	if price, ok := catalog.ParseKroner(t.Price); ok && len(t.Courses) >= 2 {
		p.After = views.BundleSaving(views.BundleSavingProps{SumOre: sum, PriceOre: price})
	}
	return p
}
