package admin

import (
	"errors"
	"net/http"

	"kursuskatalog/internal/catalog"
	"kursuskatalog/internal/server/respond"
	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

// createTopic adds a topic (POST /emner/ny).
func (a *adminArea) createTopic(w http.ResponseWriter, r *http.Request) { a.writeTopic(w, r, 0) }

// saveTopic saves a topic (POST /emner/{id}).
func (a *adminArea) saveTopic(w http.ResponseWriter, r *http.Request) {
	id, ok := idParam(r)
	if !ok {
		a.notFound(w, r)
		return
	}
	a.writeTopic(w, r, id)
}

func (a *adminArea) writeTopic(w http.ResponseWriter, r *http.Request, id int64) {
	if !respond.ParseForm(w, r) {
		return
	}
	t := catalog.Topic{ID: id, Name: postedText(r, "name"), Slug: postedText(r, "slug")}
	version := postedVersion(r)
	var errs views.FormErrors
	requireEditorText(&errs, "name", t.Name, "Skriv emnets navn", 100)
	if t.Slug == "" {
		errs.Add("slug", "Skriv en adresse (slug), fx politisk-betjening")
	} else if !catalog.ValidSlug(t.Slug) {
		errs.Add("slug", "Brug kun små bogstaver a-z, tal og enkelte bindestreger, fx politisk-betjening")
	}
	title := "Opret emne"
	if id != 0 {
		title = "Ret emne"
	}
	if errs.Any() {
		a.renderEditor(w, r, http.StatusUnprocessableEntity, title, topicForm(t, version, errs))
		return
	}
	var err error
	if id == 0 {
		id, err = a.store.CreateTopic(r.Context(), staffOf(r).ID, t, a.now())
	} else {
		err = a.store.UpdateTopic(r.Context(), staffOf(r).ID, t, version, a.now())
	}
	switch {
	case errors.Is(err, store.ErrDuplicate):
		errs.Add("name", "Der findes allerede et emne med det navn eller den adresse")
		a.renderEditor(w, r, http.StatusUnprocessableEntity, title, topicForm(t, version, errs))
	case errors.Is(err, store.ErrConflict):
		cur, lerr := a.store.TopicRowByID(r.Context(), id)
		if lerr != nil {
			a.ServerError(w, r, lerr)
			return
		}
		errs.Add("name", conflictMessage("Emnet"))
		a.renderEditor(w, r, http.StatusUnprocessableEntity, title, topicForm(t, cur.Version, errs))
	case errors.Is(err, store.ErrNotFound):
		a.notFound(w, r)
	case err != nil:
		a.ServerError(w, r, err)
	default:
		a.flash(r, "Emnet er gemt.")
		http.Redirect(w, r, "/admin/emner", http.StatusSeeOther)
	}
}
