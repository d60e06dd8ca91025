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

// saveSubstitute names a colleague who takes a participant's seat.
func (s *Server) saveSubstitute(w http.ResponseWriter, r *http.Request) {
	token := chi.URLParam(r, "token")
	r.Body = http.MaxBytesReader(w, r.Body, 16<<10)
	if err := r.ParseForm(); err != nil {
		http.Error(w, "Formularen kunne ikke læses.", http.StatusBadRequest)
		return
	}
	seat, _ := strconv.ParseInt(r.PostForm.Get("plads"), 10, 64)
	sub := views.SubstituteForm{SeatID: seat, Name: clip(r.PostForm.Get("name"), 300),
		Email: clip(r.PostForm.Get("email"), 300), JobTitle: clip(r.PostForm.Get("job_title"), 300)}
	prefix := "sub-" + id64(seat) + "-"
	var errs views.FormErrors
	required(&errs, prefix+"name", "Skriv stedfortræderens navn", sub.Name)
	tooLong(&errs, prefix+"name", "Navnet", sub.Name, 200)
	errs.Add(prefix+"email", booking.CheckEmail(sub.Email))
	tooLong(&errs, prefix+"job", "Stillingen", sub.JobTitle, 200)
	if errs.Any() {
		s.renderMyBooking(w, r, http.StatusUnprocessableEntity, "", errs, sub)
		return
	}
	now := s.now()
	err := s.store.Substitute(r.Context(), hashToken(token), seat,
		store.NewParticipant{Name: sub.Name, Email: sub.Email, JobTitle: sub.JobTitle}, now,
		func(ctx context.Context, tx pgx.Tx, rec booking.Receipt, old, updated booking.Seat) error {
			return s.jobs.QueueMails(ctx, tx, rec.ID, mail.SubstituteMails(rec, old, updated, mail.Links{BaseURL: s.baseURL.String()}, now))
		})
	var twice *store.AlreadyBookedError
	switch {
	case errors.As(err, &twice):
		s.renderMyBooking(w, r, http.StatusUnprocessableEntity, "", oneError(prefix+"email", sub.Email+" er allerede tilmeldt denne dato"), sub)
		return
	case errors.Is(err, store.ErrBinding):
		s.renderMyBooking(w, r, http.StatusUnprocessableEntity, "", oneError(prefix+"name", "Kurset er begyndt, så der kan ikke længere sendes en stedfortræder"), sub)
		return
	case errors.Is(err, store.ErrNotFound):
		s.notFound(w, r)
		return
	case err != nil:
		s.serverError(w, r, err)
		return
	}
	http.Redirect(w, r, "/min-tilmelding/"+token+"?besked=stedfortraeder", http.StatusSeeOther)
}
