package server

import (
	"encoding/json"
	"errors"
	"net/http"

	"github.com/go-chi/chi/v5"

	"kursuskatalog/internal/enrolment"
	"kursuskatalog/internal/privacy"
	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

// myData loads everything held about the booking of the manage link in
// the path; ok is false when the answer (404 or 500) has been written.
func (s *Server) myData(w http.ResponseWriter, r *http.Request) (token string, e privacy.Export, ok bool) {
	token = chi.URLParam(r, "token")
	id, err := store.BookingByManageToken(r.Context(), s.store.Pool, enrolment.HashToken(token))
	if err == nil {
		e, err = store.BookingExport(r.Context(), s.store.Pool, id)
	}
	if errors.Is(err, store.ErrNotFound) {
		s.notFound(w, r)
		return "", e, false
	} else if err != nil {
		s.ServerError(w, r, err)
		return "", e, false
	}
	personalHeaders(w)
	return token, e, true
}

// showMyData is the readable page of everything held about a booking.
func (s *Server) showMyData(w http.ResponseWriter, r *http.Request) {
	token, e, ok := s.myData(w, r)
	if !ok {
		return
	}
	p := views.MyDataProps{Page: s.page(r, "Dine oplysninger i tilmelding "+e.Ref, ""), Token: token, E: e}
	p.Page.NoIndex = true
	s.Render(w, r, http.StatusOK, views.MyData(p))
}

// downloadMyData is the same as JSON, as a file.
func (s *Server) downloadMyData(w http.ResponseWriter, r *http.Request) {
	_, e, ok := s.myData(w, r)
	if !ok {
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="tilmelding-`+e.Ref+`.json"`)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(e); err != nil {
		s.Log.Warn("write my data", "err", err)
	}
}
