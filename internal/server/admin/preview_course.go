package admin

import (
	"errors"
	"net/http"

	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

// previewCourse shows a course, a draft too, the way its public page would,
// to staff only (it is under /admin, behind the session, never cached).
func (a *adminArea) previewCourse(w http.ResponseWriter, r *http.Request) {
	id, ok := idParam(r)
	if !ok {
		a.notFound(w, r)
		return
	}
	now := a.now()
	data, err := a.store.CoursePreview(r.Context(), id, now)
	if errors.Is(err, store.ErrNotFound) {
		a.notFound(w, r)
		return
	} else if err != nil {
		a.ServerError(w, r, err)
		return
	}
	im, err := a.store.CourseImage(r.Context(), id)
	if err != nil {
		a.ServerError(w, r, err)
		return
	}
	p := a.Page(r, "Forhåndsvisning: "+data.Course.Title)
	p.Description = views.MetaDescription(data.Course.Teaser)
	p.NoIndex = true
	a.Render(w, r, http.StatusOK, views.Course(views.CourseProps{Page: p, Data: data, Now: now, Preview: true, Image: im,
		Head: views.CourseHead(p, data, now)}))
}
