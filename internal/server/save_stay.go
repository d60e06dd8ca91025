package server

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/enrolment"
	"kursuskatalog/internal/server/forms"
	"kursuskatalog/internal/server/respond"
	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

// saveStay saves a participant's residential details from their own page.
func (s *Server) saveStay(w http.ResponseWriter, r *http.Request) {
	seatID, err := strconv.ParseInt(chi.URLParam(r, "seat"), 10, 64)
	if err != nil || !respond.ParseForm(w, r) {
		if err != nil {
			s.notFound(w, r)
		}
		return
	}
	id := "plads-" + chi.URLParam(r, "seat")
	f := forms.DecodeStay(r.PostForm, "")
	var errs views.FormErrors
	forms.CheckStay(&errs, id, "", f, true)
	p := views.MySeatProps{FormSeat: seatID, Form: f, Errors: errs}
	if errs.Any() {
		s.renderMySeat(w, r, http.StatusUnprocessableEntity, p)
		return
	}
	token := chi.URLParam(r, "token")
	err = s.enrol.SaveStay(r.Context(), token, seatID, f.Diet, f.Access, f.Stay())
	switch {
	case errors.Is(err, store.ErrNotFound), errors.Is(err, enrolment.ErrNotResidential):
		s.notFound(w, r)
	case errors.Is(err, booking.ErrStayClosed), errors.Is(err, booking.ErrCancelled):
		p.Errors.Add(id+"-stay", "Kurset er begyndt, eller pladsen er afmeldt, så oplysningerne kan ikke længere ændres her. Kontakt COK.")
		s.renderMySeat(w, r, http.StatusUnprocessableEntity, p)
	case err != nil:
		s.ServerError(w, r, err)
	default:
		http.Redirect(w, r, "/min-plads/"+token+"?besked=ophold#"+id, http.StatusSeeOther)
	}
}
