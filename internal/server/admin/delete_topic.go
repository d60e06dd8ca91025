package admin

import (
	"errors"
	"net/http"

	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

// deleteTopic deletes a topic no course carries.
func (a *adminArea) deleteTopic(w http.ResponseWriter, r *http.Request) {
	id, ok := idParam(r)
	if !ok {
		a.notFound(w, r)
		return
	}
	err := a.store.DeleteTopic(r.Context(), staffOf(r).ID, id, a.now())
	switch {
	case errors.Is(err, store.ErrInUse):
		t, lerr := a.store.TopicRowByID(r.Context(), id)
		if lerr != nil {
			a.ServerError(w, r, lerr)
			return
		}
		p := topicForm(t.Topic, t.Version, views.FormErrors{})
		p.Notice = "Emnet kan ikke slettes, fordi " + countNoun(t.Courses, "kursus", "kurser") + " har det. Fjern emnet fra kurserne først."
		a.renderEditor(w, r, http.StatusConflict, t.Name, p)
	case errors.Is(err, store.ErrNotFound):
		a.notFound(w, r)
	case err != nil:
		a.ServerError(w, r, err)
	default:
		a.flash(r, "Emnet er slettet.")
		http.Redirect(w, r, "/admin/emner", http.StatusSeeOther)
	}
}
