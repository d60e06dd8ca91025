package server

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/server/forms"
	"kursuskatalog/internal/server/respond"
	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

// cancelMyBooking cancels one seat (plads) or the whole booking (alle)
// free of charge before the deadline; freed seats go to the waiting list.
func (s *Server) cancelMyBooking(w http.ResponseWriter, r *http.Request) {
	token := chi.URLParam(r, "token")
	if !respond.ParseForm(w, r) {
		return
	}
	var seats []int64
	if r.PostForm.Get("alle") == "" {
		id, err := strconv.ParseInt(r.PostForm.Get("plads"), 10, 64)
		if err != nil || id <= 0 {
			s.renderMyBooking(w, r, http.StatusUnprocessableEntity, "", forms.OneError("fejl", "Vælg den deltager, der skal afmeldes"), views.SubstituteForm{})
			return
		}
		seats = []int64{id}
	}
	err := s.enrol.CancelSeats(r.Context(), token, seats)
	switch {
	case errors.Is(err, booking.ErrBinding):
		s.renderMyBooking(w, r, http.StatusUnprocessableEntity, "", forms.OneError("fejl", "Tilmeldingsfristen er overskredet, så tilmeldingen er bindende og kan ikke afmeldes. Du kan i stedet sende en stedfortræder."), views.SubstituteForm{})
		return
	case errors.Is(err, store.ErrNotFound):
		s.notFound(w, r)
		return
	case err != nil:
		s.ServerError(w, r, err)
		return
	}
	http.Redirect(w, r, "/min-tilmelding/"+token+"?besked=afmeldt", http.StatusSeeOther)
}
