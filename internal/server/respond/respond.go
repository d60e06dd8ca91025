// Package respond writes what the public site and the staff area answer
// alike: pages rendered whole or not at all, and the calm error pages.
package respond

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"

	"github.com/a-h/templ"
	"github.com/go-chi/chi/v5/middleware"

	"kursuskatalog/internal/store"
	"kursuskatalog/web/static"
	"kursuskatalog/web/views"
)

// Responder renders pages and error pages.
type Responder struct {
	Log    *slog.Logger
	Assets *static.Assets
}

// Page is the layout's props for a page with title at the request's path.
func (p *Responder) Page(r *http.Request, title string) views.Page {
	return views.Page{
		Title:  title,
		Path:   r.URL.Path,
		Return: r.URL.RequestURI(),
		CSS:    p.Assets.URL("css/site.css"),
		JS:     p.Assets.URL("js/site.js"),
		Icon:   p.Assets.URL("favicon.svg"),
	}
}

// Render writes a component with status. It renders into a buffer first so
// that a failing component becomes a clean 500 page, never half a page.
func (p *Responder) Render(w http.ResponseWriter, r *http.Request, status int, c templ.Component) {
	var buf bytes.Buffer
	if err := c.Render(r.Context(), &buf); err != nil {
		p.ServerError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// ServerError logs err with the request id and shows the calm 500 page, or
// the 503 page when the database cannot be reached or went away midway
// (store.IsUnavailable decides; a commit cut off is answered alike).
func (p *Responder) ServerError(w http.ResponseWriter, r *http.Request, err error) {
	reqID := middleware.GetReqID(r.Context())
	// The visitor left before the answer was ready (closed the tab, or a
	// load test stopped): there is nothing to mend and nobody to answer,
	// so it is no error in the log. 499 is the code proxies log for it.
	if errors.Is(err, context.Canceled) && r.Context().Err() != nil {
		p.Log.Info("request abandoned by the client", slog.String("request_id", reqID), slog.String("path", r.URL.Path))
		w.WriteHeader(StatusClientClosed)
		return
	}
	page := p.Page(r, "Fejl")
	page.NoIndex = true
	status := http.StatusInternalServerError
	c := views.ServerError(page, reqID)
	if store.IsUnavailable(err) || store.IsCommitUnknown(err) {
		status = http.StatusServiceUnavailable
		page.Title = "Midlertidigt utilgængeligt"
		c = views.Unavailable(page)
		p.Log.Warn("database unavailable", slog.String("request_id", reqID), slog.String("path", r.URL.Path), slog.Any("err", err))
		w.Header().Set("Retry-After", "5")
	} else {
		p.Log.Error("server error", slog.String("request_id", reqID), slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.Any("err", err))
	}
	var buf bytes.Buffer
	if rerr := c.Render(context.WithoutCancel(r.Context()), &buf); rerr != nil {
		http.Error(w, "Der skete en fejl. Prøv igen om lidt.", status)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// StatusClientClosed is nginx's status for a request the client gave up.
const StatusClientClosed = 499

// ParseForm reads a posted form; false means it could not be read at all
// and the answer is written: 413 for a body over the route's cap.
func ParseForm(w http.ResponseWriter, r *http.Request) bool {
	err := r.ParseForm()
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		http.Error(w, "Formularen er for stor til at blive sendt. Gå tilbage, gør teksten kortere, og prøv igen.", http.StatusRequestEntityTooLarge)
		return false
	}
	if err != nil {
		http.Error(w, "Formularen kunne ikke læses. Gå tilbage og prøv igen.", http.StatusBadRequest)
		return false
	}
	return true
}

type clientAddrKey struct{}

// WithClientAddr is r with the client's address in its context, as the
// server's middleware found it (X-Forwarded-For through trusted proxies
// only).
func WithClientAddr(r *http.Request, addr string) *http.Request {
	return r.WithContext(context.WithValue(r.Context(), clientAddrKey{}, addr))
}

// ClientAddr is the address of the client: the one the middleware put in
// the context, or else the connection's.
func ClientAddr(r *http.Request) string {
	if a, ok := r.Context().Value(clientAddrKey{}).(string); ok && a != "" {
		return a
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
