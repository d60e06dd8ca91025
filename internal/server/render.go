package server

import (
	"log/slog"
	"net/http"

	"github.com/go-chi/chi/v5/middleware"

	"kursuskatalog/web/views"
)

// page returns the layout's props for a request, with the visitor's
// favourites when the visitor has a cookie (one query; a failure there only
// costs the stars, never the page).
func (s *Server) page(r *http.Request, title, description string) views.Page {
	p := views.Page{
		Title:       title,
		Description: description,
		Path:        r.URL.Path,
		Return:      r.URL.RequestURI(),
		Query:       r.URL.Query().Get("q"),
		CSS:         s.assets.URL("css/site.css"),
		JS:          s.assets.URL("js/site.js"),
		Icon:        s.assets.URL("favicon.svg"),
	}
	p.Image, p.ImageAlt = s.shareImage(nil)
	if id, ok := visitorID(r); ok {
		saved, err := s.store.SavedBy(r.Context(), id, s.now())
		if err != nil {
			s.log.Warn("favourites not loaded", slog.String("request_id", middleware.GetReqID(r.Context())), slog.Any("err", err))
		}
		p.Saved = saved
	}
	return p
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	s.Render(w, r, http.StatusNotFound, views.NotFound(s.page(r, "Siden findes ikke", "")))
}
