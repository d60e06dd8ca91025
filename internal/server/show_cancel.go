package server

import (
	"errors"
	"net/http"

	"github.com/go-chi/chi/v5"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/server/forms"
	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

// showCancel is the confirmation step of cancelling seats (plads) or the
// whole booking (alle): what it cancels, costs and frees, and the prices
// that change. Nothing changes until the booker confirms.
func (s *Server) showCancel(w http.ResponseWriter, r *http.Request) {
	seats, all, ok := cancelChoice(r.URL.Query())
	if !ok {
		http.Redirect(w, r, "/min-tilmelding/"+chi.URLParam(r, "token"), http.StatusSeeOther)
		return
	}
	s.renderCancel(w, r, http.StatusOK, seats, all, false)
}

// renderCancel shows the confirmation step with the plan as it is now;
// changed says the plan confirmed was another.
func (s *Server) renderCancel(w http.ResponseWriter, r *http.Request, status int, seats []int64, all, changed bool) {
	token := chi.URLParam(r, "token")
	pv, err := s.enrol.PreviewCancel(r.Context(), token, seats)
	switch {
	case errors.Is(err, store.ErrNotFound):
		s.notFound(w, r)
		return
	case errors.Is(err, booking.ErrNothingToCancel):
		http.Redirect(w, r, "/min-tilmelding/"+token, http.StatusSeeOther)
		return
	case errors.Is(err, booking.ErrStarted):
		s.renderMyBooking(w, r, http.StatusUnprocessableEntity, "", forms.OneError("fejl", "Kurset er begyndt, så pladsen kan ikke længere afmeldes."), views.SubstituteForm{})
		return
	case err != nil:
		s.ServerError(w, r, err)
		return
	}
	p := views.CancelConfirmProps{Page: s.page(r, "Bekræft afmelding, "+pv.Receipt.Ref, ""), R: pv.Receipt, Plan: pv.Plan,
		Waiting: pv.Waiting, Token: token, All: all, Changed: changed}
	p.Page.NoIndex = true
	personalHeaders(w)
	s.Render(w, r, status, views.CancelConfirm(p))
}
