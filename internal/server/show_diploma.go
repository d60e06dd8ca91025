package server

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"

	"kursuskatalog/internal/enrolment"
	"kursuskatalog/internal/store"
)

// showDiploma sends the diploma PDF of a seat a personal link opens, when
// its holder attended and the course has ended.
func (s *Server) showDiploma(w http.ResponseWriter, r *http.Request) {
	seatID, err := strconv.ParseInt(chi.URLParam(r, "seat"), 10, 64)
	if err != nil {
		s.notFound(w, r)
		return
	}
	pdf, name, err := s.enrol.Diploma(r.Context(), chi.URLParam(r, "token"), seatID)
	if errors.Is(err, store.ErrNotFound) || errors.Is(err, enrolment.ErrNoDiploma) {
		s.notFound(w, r)
		return
	} else if err != nil {
		s.ServerError(w, r, err)
		return
	}
	personalHeaders(w)
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	w.Write(pdf)
}
