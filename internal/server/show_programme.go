package server

import (
	"errors"
	"net/http"

	"github.com/go-chi/chi/v5"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

// showProgramme renders the page of a programme and its modules, with the
// dates that go together for enrolling in all of them at once.
func (s *Server) showProgramme(w http.ResponseWriter, r *http.Request) {
	now := s.now()
	data, err := s.store.ProgrammePage(r.Context(), chi.URLParam(r, "slug"), now)
	if errors.Is(err, store.ErrNotFound) {
		s.notFound(w, r)
		return
	} else if err != nil {
		s.ServerError(w, r, err)
		return
	}
	enrol, err := s.store.ProgrammeEnrolmentOf(r.Context(), data, now)
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	ids := make([]int64, len(data.Modules))
	for i, m := range data.Modules {
		ids[i] = m.Course.ID
	}
	imgs, err := s.store.CourseImages(r.Context(), ids)
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	p := s.page(r, data.Programme.Title, views.MetaDescription(data.Programme.Teaser))
	p.Canonical = s.baseURL.String() + "/forloeb/" + data.Programme.Slug
	if len(ids) > 0 {
		if im, ok := imgs[ids[0]]; ok {
			p.Image, p.ImageAlt = s.shareImage(&im)
		}
	}
	s.Render(w, r, http.StatusOK, views.Programme(views.ProgrammeProps{Page: p, Data: data, Now: now,
		Head: views.ProgrammeHead(p, data, enrol.Bundle), Runs: booking.DatesTogether(enrol.Dates, now), Bundle: enrol.Bundle, Images: imgs}))
}
