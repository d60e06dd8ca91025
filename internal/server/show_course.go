package server

import (
	"errors"
	"net/http"

	"github.com/go-chi/chi/v5"

	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

// showCourse renders the page of a course or module. A draft is 404; an old
// slug redirects permanently to the current one.
func (s *Server) showCourse(w http.ResponseWriter, r *http.Request) {
	slug := chi.URLParam(r, "slug")
	now := s.now()
	data, err := s.store.CoursePage(r.Context(), slug, now)
	var moved *store.SlugRedirect
	switch {
	case errors.As(err, &moved):
		http.Redirect(w, r, "/kurser/"+moved.Slug, http.StatusMovedPermanently)
		return
	case errors.Is(err, store.ErrNotFound):
		s.notFound(w, r)
		return
	case err != nil:
		s.ServerError(w, r, err)
		return
	}
	im, err := s.store.CourseImage(r.Context(), data.Course.ID)
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	p := s.page(r, data.Course.Title, views.MetaDescription(data.Course.Teaser))
	p.Canonical = s.baseURL.String() + "/kurser/" + data.Course.Slug
	p.Image, p.ImageAlt = s.shareImage(im)
	s.Render(w, r, http.StatusOK, views.Course(views.CourseProps{
		Page: p, Data: data, Now: now, Image: im,
		Head: views.CourseHead(p, data, now),
	}))
}
