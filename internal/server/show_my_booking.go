package server

import (
	"errors"
	"net/http"

	"github.com/go-chi/chi/v5"

	"kursuskatalog/internal/enrolment"
	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

// showMyBooking is the booker's own page, opened by the manage link alone.
func (s *Server) showMyBooking(w http.ResponseWriter, r *http.Request) {
	s.renderMyBooking(w, r, http.StatusOK, r.URL.Query().Get("besked"), views.FormErrors{}, views.SubstituteForm{})
}

var myBookingNotices = map[string]string{
	"afmeldt":        "Afmeldingen er gemt, og der er sendt en bekræftelse på mail.",
	"stedfortraeder": "Stedfortræderen er gemt, og der er sendt besked på mail.",
}

func (s *Server) renderMyBooking(w http.ResponseWriter, r *http.Request, status int, notice string, errs views.FormErrors, sub views.SubstituteForm) {
	token := chi.URLParam(r, "token")
	rec, err := s.store.ReceiptByManageToken(r.Context(), enrolment.HashToken(token))
	if errors.Is(err, store.ErrNotFound) {
		s.notFound(w, r)
		return
	} else if err != nil {
		s.ServerError(w, r, err)
		return
	}
	docs, err := s.store.DocumentsOfBookingID(r.Context(), rec.ID)
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	p := views.ReceiptProps{Documents: docs, Page: s.page(r, "Din tilmelding "+rec.Ref, ""), R: rec, Manage: true, Token: token,
		Notice: myBookingNotices[notice], Errors: errs, Sub: sub, Now: s.now()}
	p.Page.NoIndex = true
	p.Page.Errors = errs.Any()
	personalHeaders(w)
	s.Render(w, r, status, views.Receipt(p))
}

func id64(n int64) string { return views.FormatID(n) }
