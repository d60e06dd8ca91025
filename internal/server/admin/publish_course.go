package admin

import (
	"errors"
	"net/http"
	"strconv"

	"kursuskatalog/internal/catalog"
	"kursuskatalog/internal/store"
)

// publishCourse publishes a course (status=published) or makes it a draft
// again (status=draft) without touching the rest of the form.
func (a *adminArea) publishCourse(w http.ResponseWriter, r *http.Request) {
	id, ok := a.postedID(w, r)
	if !ok {
		return
	}
	status := catalog.StatusDraft
	if r.PostForm.Get("status") == catalog.StatusPublished {
		status = catalog.StatusPublished
	}
	version, _ := strconv.Atoi(r.PostForm.Get("version"))
	err := a.store.SetCourseStatus(r.Context(), id, version, status, staffOf(r).ID, a.now())
	switch {
	case errors.Is(err, store.ErrConflict):
		a.refuseCourse(w, r, id, "title", "Kurset er ændret af en anden siden du åbnede det. Se ændringerne, og prøv igen.")
	case errors.Is(err, store.ErrNotFound):
		a.notFound(w, r)
	case err != nil:
		a.ServerError(w, r, err)
	default:
		if status == catalog.StatusPublished {
			a.flash(r, "Kurset er offentliggjort.")
		} else {
			a.flash(r, "Kurset er nu en kladde og ikke synligt for deltagere.")
		}
		http.Redirect(w, r, "/admin/kurser/"+strconv.FormatInt(id, 10), http.StatusSeeOther)
	}
}
