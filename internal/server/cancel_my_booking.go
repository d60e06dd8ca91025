package server

import (
	"context"
	"errors"
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"
	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/mail"
	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

// cancelMyBooking cancels one seat (plads) or the whole booking (alle)
// free of charge before the deadline; freed seats go to the waiting list.
func (s *Server) cancelMyBooking(w http.ResponseWriter, r *http.Request) {
	token := chi.URLParam(r, "token")
	if err := r.ParseForm(); err != nil {
		http.Error(w, "Formularen kunne ikke læses.", http.StatusBadRequest)
		return
	}
	var seats []int64
	if r.PostForm.Get("alle") == "" {
		id, err := strconv.ParseInt(r.PostForm.Get("plads"), 10, 64)
		if err != nil || id <= 0 {
			s.renderMyBooking(w, r, http.StatusUnprocessableEntity, "", oneError("fejl", "Vælg den deltager, der skal afmeldes"), views.SubstituteForm{})
			return
		}
		seats = []int64{id}
	}
	now := s.now()
	err := s.store.CancelSeats(r.Context(), hashToken(token), seats, now, "Afmeldt af bookeren",
		func(ctx context.Context, tx pgx.Tx, rec booking.Receipt, cancelled []booking.Seat, promoted []store.Promotion) error {
			if err := s.jobs.QueueMails(ctx, tx, rec.ID, mail.CancelledMails(rec, cancelled)); err != nil {
				return err
			}
			return s.queuePromotions(ctx, tx, promoted)
		})
	switch {
	case errors.Is(err, store.ErrBinding):
		s.renderMyBooking(w, r, http.StatusUnprocessableEntity, "", oneError("fejl", "Tilmeldingsfristen er overskredet, så tilmeldingen er bindende og kan ikke afmeldes. Du kan i stedet sende en stedfortræder."), views.SubstituteForm{})
		return
	case errors.Is(err, store.ErrNotFound):
		s.notFound(w, r)
		return
	case err != nil:
		s.serverError(w, r, err)
		return
	}
	http.Redirect(w, r, "/min-tilmelding/"+token+"?besked=afmeldt", http.StatusSeeOther)
}

func oneError(field, msg string) views.FormErrors {
	var e views.FormErrors
	e.Add(field, msg)
	return e
}
