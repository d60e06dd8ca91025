package admin

import (
	"errors"
	"net/http"
	"strconv"

	"kursuskatalog/internal/catalog"
	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

// listTopics lists the topics with how many courses carry each.
func (a *adminArea) listTopics(w http.ResponseWriter, r *http.Request) {
	ts, err := a.store.TopicRows(r.Context())
	if err != nil {
		a.ServerError(w, r, err)
		return
	}
	p := views.EntityListProps{Page: a.adminPage(r, "Emner"), Heading: "Emner", NewURL: "/admin/emner/ny",
		NewLabel: "Opret emne", Caption: "Emner", Columns: []string{"Navn", "Adresse (slug)", "Kurser"}}
	for _, t := range ts {
		p.Rows = append(p.Rows, views.EntityRow{URL: editorPath("/admin/emner", t.ID), Cells: []string{t.Name, t.Slug, strconv.Itoa(t.Courses)}})
	}
	a.Render(w, r, http.StatusOK, views.AdminEntityList(p))
}

// newTopic shows the empty topic form.
func (a *adminArea) newTopic(w http.ResponseWriter, r *http.Request) {
	a.renderEditor(w, r, http.StatusOK, "Opret emne", topicForm(catalog.Topic{}, 0, views.FormErrors{}))
}

// editTopic shows a topic's form with the saved values.
func (a *adminArea) editTopic(w http.ResponseWriter, r *http.Request) {
	id, ok := idParam(r)
	if !ok {
		a.notFound(w, r)
		return
	}
	t, err := a.store.TopicRowByID(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		a.notFound(w, r)
		return
	} else if err != nil {
		a.ServerError(w, r, err)
		return
	}
	a.renderEditor(w, r, http.StatusOK, t.Name, topicForm(t.Topic, t.Version, views.FormErrors{}))
}

func topicForm(t catalog.Topic, version int, errs views.FormErrors) views.EntityFormProps {
	p := views.EntityFormProps{Section: "Emner", SectionURL: "/admin/emner", Heading: "Opret emne",
		Action: "/admin/emner/ny", Version: version, Errors: errs, Submit: "Opret emne"}
	if t.ID != 0 {
		p.Heading, p.Action, p.Submit = "Ret emne: "+t.Name, editorPath("/admin/emner", t.ID), "Gem"
		p.DeleteURL, p.DeleteText = editorPath("/admin/emner", t.ID)+"/slet", "Slet emnet"
	}
	p.Fields = []views.EntityField{
		editorTextField("name", "Navn", t.Name, errs, true, 100),
		editorTextField("slug", "Adresse (slug)", t.Slug, errs, true, 100),
	}
	p.Fields[1].Hint = "Små bogstaver, tal og bindestreger, fx politisk-betjening. Bruges i kataloget: /kurser?emne=…"
	return p
}
