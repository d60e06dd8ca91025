package server

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"

	"github.com/a-h/templ"
	"github.com/go-chi/chi/v5/middleware"
	"github.com/jackc/pgx/v5/pgconn"

	"kursuskatalog/internal/store"
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

// render writes a component with status. It renders into a buffer first so
// that a failing component becomes a clean 500 page, never half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, c templ.Component) {
	var buf bytes.Buffer
	if err := c.Render(r.Context(), &buf); err != nil {
		s.serverError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusNotFound, views.NotFound(s.page(r, "Siden findes ikke", "")))
}

// serverError logs err with the request id and shows the calm 500 page, or
// the 503 page when the database cannot be reached.
func (s *Server) serverError(w http.ResponseWriter, r *http.Request, err error) {
	reqID := middleware.GetReqID(r.Context())
	// The visitor left before the answer was ready (closed the tab, or a
	// load test stopped): there is nothing to mend and nobody to answer,
	// so it is no error in the log. 499 is the code proxies log for it.
	if errors.Is(err, context.Canceled) && r.Context().Err() != nil {
		s.log.Info("request abandoned by the client", slog.String("request_id", reqID), slog.String("path", r.URL.Path))
		w.WriteHeader(statusClientClosed)
		return
	}
	p := s.page(r, "Fejl", "")
	p.NoIndex = true
	var buf bytes.Buffer
	status := http.StatusInternalServerError
	c := views.ServerError(p, reqID)
	if isUnavailable(err) {
		status = http.StatusServiceUnavailable
		p.Title = "Midlertidigt utilgængeligt"
		c = views.Unavailable(p)
		s.log.Warn("database unavailable", slog.String("request_id", reqID), slog.String("path", r.URL.Path), slog.Any("err", err))
		w.Header().Set("Retry-After", "5")
	} else {
		s.log.Error("server error", slog.String("request_id", reqID), slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.Any("err", err))
	}
	if rerr := c.Render(context.WithoutCancel(r.Context()), &buf); rerr != nil {
		http.Error(w, "Der skete en fejl. Prøv igen om lidt.", status)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// statusClientClosed is nginx's status for a request the client gave up.
const statusClientClosed = 499

// isUnavailable tells a database that could not be reached, so that nothing
// was saved, from other errors (including a commit whose outcome is unknown).
func isUnavailable(err error) bool {
	var unknown *store.CommitUnknownError
	if errors.As(err, &unknown) {
		return false // it may have been saved: never say it was not
	}
	var ce *pgconn.ConnectError
	var ne net.Error
	return errors.As(err, &ce) || errors.As(err, &ne) || pgconn.SafeToRetry(err)
}
