package admin

import (
	"errors"
	"net/http"
	"strconv"

	"kursuskatalog/internal/catalog"
	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

// listConsultants lists the consultants with how many courses and
// programmes name each.
func (a *adminArea) listConsultants(w http.ResponseWriter, r *http.Request) {
	cs, err := a.store.ConsultantRows(r.Context())
	if err != nil {
		a.ServerError(w, r, err)
		return
	}
	p := views.EntityListProps{Page: a.adminPage(r, "Konsulenter"), Heading: "Konsulenter", NewURL: "/admin/konsulenter/ny",
		NewLabel: "Opret konsulent", Caption: "Konsulenter", Columns: []string{"Navn", "Titel", "Telefon", "E-mail", "Kurser og forløb"}}
	for _, c := range cs {
		p.Rows = append(p.Rows, views.EntityRow{URL: editorPath("/admin/konsulenter", c.ID),
			Cells: []string{c.Name, c.JobTitle, c.Phone, c.Email, strconv.Itoa(c.Uses)}})
	}
	a.Render(w, r, http.StatusOK, views.AdminEntityList(p))
}

// newConsultant shows the empty consultant form.
func (a *adminArea) newConsultant(w http.ResponseWriter, r *http.Request) {
	a.renderEditor(w, r, http.StatusOK, "Opret konsulent", consultantForm(catalog.Consultant{}, 0, views.FormErrors{}))
}

// editConsultant shows a consultant's form with the saved values.
func (a *adminArea) editConsultant(w http.ResponseWriter, r *http.Request) {
	id, ok := idParam(r)
	if !ok {
		a.notFound(w, r)
		return
	}
	c, err := a.store.ConsultantRowByID(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		a.notFound(w, r)
		return
	} else if err != nil {
		a.ServerError(w, r, err)
		return
	}
	a.renderEditor(w, r, http.StatusOK, c.Name, consultantForm(c.Consultant, c.Version, views.FormErrors{}))
}

func consultantForm(c catalog.Consultant, version int, errs views.FormErrors) views.EntityFormProps {
	p := views.EntityFormProps{Section: "Konsulenter", SectionURL: "/admin/konsulenter", Heading: "Opret konsulent",
		Action: "/admin/konsulenter/ny", Version: version, Errors: errs, Submit: "Opret konsulent"}
	if c.ID != 0 {
		p.Heading, p.Action, p.Submit = "Ret konsulent: "+c.Name, editorPath("/admin/konsulenter", c.ID), "Gem"
		p.DeleteURL, p.DeleteText = editorPath("/admin/konsulenter", c.ID)+"/slet", "Slet konsulenten"
	}
	p.Fields = []views.EntityField{
		editorTextField("name", "Navn", c.Name, errs, true, 200),
		editorTextField("job_title", "Titel", c.JobTitle, errs, false, 200),
		editorTextField("phone", "Telefon", c.Phone, errs, false, 40),
		editorTextField("email", "E-mail", c.Email, errs, true, 254),
	}
	p.Fields[2].Type = "tel"
	p.Fields[3].Type = "email"
	return p
}
