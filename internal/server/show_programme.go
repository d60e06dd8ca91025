package server

import (
	"errors"
	"net/http"

	"github.com/go-chi/chi/v5"

	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

// showProgramme renders the page of a programme and its modules.
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
	p := s.page(r, data.Programme.Title, views.MetaDescription(data.Programme.Teaser))
	p.Canonical = s.baseURL.String() + "/forloeb/" + data.Programme.Slug
	s.Render(w, r, http.StatusOK, views.Programme(views.ProgrammeProps{Page: p, Data: data, Now: now, Head: views.ProgrammeHead(p, data)}))
}
