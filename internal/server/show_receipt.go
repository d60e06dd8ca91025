package server

import (
	"errors"
	"net/http"
	"strings"

	"github.com/go-chi/chi/v5"

	"kursuskatalog/internal/enrolment"
	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

// showReceipt shows a booking to the browser that made it.
func (s *Server) showReceipt(w http.ResponseWriter, r *http.Request) {
	ref := chi.URLParam(r, "ref")
	c, err := r.Cookie("kvittering")
	if err != nil {
		s.notFound(w, r)
		return
	}
	formToken, manageToken, _ := strings.Cut(c.Value, ".")
	rec, err := s.store.ReceiptByRef(r.Context(), ref, enrolment.HashToken(formToken))
	if errors.Is(err, store.ErrNotFound) {
		s.notFound(w, r)
		return
	} else if err != nil {
		s.ServerError(w, r, err)
		return
	}
	p := views.ReceiptProps{Page: s.page(r, "Kvittering "+rec.Ref, ""), R: rec, Now: s.now()}
	p.Page.NoIndex = true
	if manageToken != "" {
		p.ManageURL = s.baseURL.String() + "/min-tilmelding/" + manageToken
	}
	w.Header().Set("Cache-Control", "no-store")
	s.Render(w, r, http.StatusOK, views.Receipt(p))
}
