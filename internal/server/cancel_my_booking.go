package server

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"

	"github.com/go-chi/chi/v5"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/server/forms"
	"kursuskatalog/internal/server/respond"
	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

// cancelMyBooking carries out a cancellation of seats (plads) or of the
// whole booking (alle) confirmed on its confirmation step (bekraeft names
// the plan shown). A post without it goes to that step; a plan that has
// changed since is shown again, changed.
func (s *Server) cancelMyBooking(w http.ResponseWriter, r *http.Request) {
	token := chi.URLParam(r, "token")
	if !respond.ParseForm(w, r) {
		return
	}
	seats, all, ok := cancelChoice(r.PostForm)
	if !ok {
		s.renderMyBooking(w, r, http.StatusUnprocessableEntity, "", forms.OneError("fejl", "Vælg den deltager, der skal afmeldes"), views.SubstituteForm{})
		return
	}
	confirmed := r.PostForm.Get("bekraeft")
	if confirmed == "" {
		http.Redirect(w, r, cancelStep(token, seats, all), http.StatusSeeOther)
		return
	}
	err := s.enrol.CancelSeats(r.Context(), token, seats, confirmed)
	switch {
	case errors.Is(err, booking.ErrPlanChanged):
		s.renderCancel(w, r, http.StatusConflict, seats, all, true)
	case errors.Is(err, booking.ErrStarted):
		s.renderMyBooking(w, r, http.StatusUnprocessableEntity, "", forms.OneError("fejl", "Kurset er begyndt, så pladsen kan ikke længere afmeldes."), views.SubstituteForm{})
	case errors.Is(err, store.ErrNotFound):
		s.notFound(w, r)
	case err != nil && !errors.Is(err, booking.ErrNothingToCancel): // nothing left: a confirmation sent twice
		s.ServerError(w, r, err)
	default:
		http.Redirect(w, r, "/min-tilmelding/"+token+"?besked=afmeldt", http.StatusSeeOther)
	}
}

// cancelChoice reads which seats a cancellation is of: every "plads", or
// the whole booking ("alle"); ok is false when it names neither.
func cancelChoice(v url.Values) (seats []int64, all, ok bool) {
	if v.Get("alle") != "" {
		return nil, true, true
	}
	for _, p := range v["plads"] {
		id, err := strconv.ParseInt(p, 10, 64)
		if err != nil || id <= 0 {
			return nil, false, false
		}
		seats = append(seats, id)
	}
	return seats, false, len(seats) > 0
}

// cancelStep is the address of the confirmation step of a cancellation.
func cancelStep(token string, seats []int64, all bool) string {
	q := url.Values{}
	if all {
		q.Set("alle", "1")
	}
	for _, id := range seats {
		q.Add("plads", strconv.FormatInt(id, 10))
	}
	return "/min-tilmelding/" + token + "/afmeld?" + q.Encode()
}
