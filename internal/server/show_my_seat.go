package server

import (
	"errors"
	"net/http"

	"github.com/go-chi/chi/v5"

	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

// showMySeat is a participant's own page, opened by their personal link.
func (s *Server) showMySeat(w http.ResponseWriter, r *http.Request) {
	s.renderMySeat(w, r, http.StatusOK, views.MySeatProps{Notice: mySeatNotices[r.URL.Query().Get("besked")]})
}

var mySeatNotices = map[string]string{
	"ophold":    "Dine oplysninger er gemt. Stedet får dem med på værelses- og kostlisten.",
	"evalueret": "Tak for dit svar på evalueringen.",
}

// renderMySeat renders the page; p carries a notice, or a refused stay
// form with its messages.
func (s *Server) renderMySeat(w http.ResponseWriter, r *http.Request, status int, p views.MySeatProps) {
	p.Token = chi.URLParam(r, "token")
	mine, err := s.enrol.MySeats(r.Context(), p.Token)
	if errors.Is(err, store.ErrNotFound) {
		s.notFound(w, r)
		return
	} else if err != nil {
		s.ServerError(w, r, err)
		return
	}
	p.Mine, p.Now = mine, s.now()
	title := "Din plads"
	if p.Errors.Any() {
		title = "Fejl: " + title
	}
	p.Page = s.page(r, title, "")
	p.Page.NoIndex = true
	personalHeaders(w)
	s.Render(w, r, status, views.MySeat(p))
}

// personalHeaders keep a page opened by a personal link out of caches and
// its address out of other sites' logs: the path is the key.
func personalHeaders(w http.ResponseWriter) {
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Referrer-Policy", "no-referrer")
}
