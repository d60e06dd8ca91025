package admin

import (
	"errors"
	"net/http"
	"strconv"

	"kursuskatalog/internal/catalog"
	"kursuskatalog/internal/server/respond"
	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

// newCourse shows an empty editor for a new course, a draft until staff
// publish it.
func (a *adminArea) newCourse(w http.ResponseWriter, r *http.Request) {
	a.renderCourseForm(w, r, http.StatusOK, views.CourseForm{VAT: "2500", Inhouse: true, Status: catalog.StatusDraft,
		PriceCovers: "undervisning, materialer og forplejning", InvoiceNote: "Faktura sendes ud 3-4 uger før kursusstart.",
		Aftercare: aftercareFormOf(catalog.Aftercare{ReminderDays: catalog.DefaultReminderDays})})
}

// createCourse creates the course and opens its editor, where dates can
// be added.
func (a *adminArea) createCourse(w http.ResponseWriter, r *http.Request) {
	if !respond.ParseForm(w, r) {
		return
	}
	f, c, err := a.readCourseForm(r, 0)
	if err != nil {
		a.ServerError(w, r, err)
		return
	}
	if r.PostForm.Get("handling") == "vis" {
		f.Preview = true
		a.renderCourseForm(w, r, http.StatusOK, f)
		return
	}
	if f.Errors.Any() {
		a.renderCourseForm(w, r, http.StatusUnprocessableEntity, f)
		return
	}
	id, err := a.store.CreateCourse(r.Context(), c, staffOf(r).ID, a.now())
	switch {
	case errors.Is(err, store.ErrDuplicate):
		f.Errors.Add("slug", "Et andet kursus har allerede den adresse")
		a.renderCourseForm(w, r, http.StatusUnprocessableEntity, f)
	case err != nil:
		a.ServerError(w, r, err)
	default:
		a.flash(r, "Kurset er oprettet. Tilføj datoer nederst på siden.")
		http.Redirect(w, r, "/admin/kurser/"+strconv.FormatInt(id, 10), http.StatusSeeOther)
	}
}
