package server

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/go-chi/chi/v5"

	"kursuskatalog/internal/enrolment"
	"kursuskatalog/internal/store"
)

// showMyInvoice sends the PDF of an invoice or credit note of the booking
// the manage link opens.
func (s *Server) showMyInvoice(w http.ResponseWriter, r *http.Request) {
	file := chi.URLParam(r, "file")
	id, err := strconv.ParseInt(strings.TrimSuffix(file, ".pdf"), 10, 64)
	if err != nil || !strings.HasSuffix(file, ".pdf") {
		s.notFound(w, r)
		return
	}
	f, err := s.store.DocumentFile(r.Context(), id, false, enrolment.HashToken(chi.URLParam(r, "token")))
	if errors.Is(err, store.ErrNotFound) {
		s.notFound(w, r)
		return
	} else if err != nil {
		s.ServerError(w, r, err)
		return
	}
	name := "faktura-" + f.Number + ".pdf"
	if f.Kind == "credit_note" {
		name = "kreditnota-" + f.Number + ".pdf"
	}
	personalHeaders(w)
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	w.Write(f.Data)
}
