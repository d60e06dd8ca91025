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

// saveSubstitute names a colleague who takes a participant's seat.
func (s *Server) saveSubstitute(w http.ResponseWriter, r *http.Request) {
	token := chi.URLParam(r, "token")
	if !respond.ParseForm(w, r) {
		return
	}
	seat, _ := strconv.ParseInt(r.PostForm.Get("plads"), 10, 64)
	sub := views.SubstituteForm{SeatID: seat, Name: forms.Clip(r.PostForm.Get("name"), 300),
		Email: forms.Clip(r.PostForm.Get("email"), 300), JobTitle: forms.Clip(r.PostForm.Get("job_title"), 300)}
	prefix := "sub-" + id64(seat) + "-"
	var errs views.FormErrors
	forms.OneLine(&errs, prefix+"name", "Navnet", sub.Name)
	forms.OneLine(&errs, prefix+"email", "E-mailadressen", sub.Email)
	forms.OneLine(&errs, prefix+"job", "Stillingen", sub.JobTitle)
	forms.Required(&errs, prefix+"name", "Skriv stedfortræderens navn", sub.Name)
	forms.TooLong(&errs, prefix+"name", "Navnet", sub.Name, 200)
	errs.Add(prefix+"email", booking.CheckEmail(sub.Email))
	forms.TooLong(&errs, prefix+"job", "Stillingen", sub.JobTitle, 200)
	if errs.Any() {
		s.renderMyBooking(w, r, http.StatusUnprocessableEntity, "", errs, sub)
		return
	}
	err := s.enrol.Substitute(r.Context(), token, seat, booking.Person{Name: sub.Name, Email: sub.Email, JobTitle: sub.JobTitle})
	var twice *booking.AlreadyBookedError
	switch {
	case errors.As(err, &twice):
		s.renderMyBooking(w, r, http.StatusUnprocessableEntity, "", forms.OneError(prefix+"email", sub.Email+" er allerede tilmeldt denne dato"), sub)
		return
	case errors.Is(err, booking.ErrBinding):
		s.renderMyBooking(w, r, http.StatusUnprocessableEntity, "", forms.OneError(prefix+"name", "Kurset er begyndt, så der kan ikke længere sendes en stedfortræder"), sub)
		return
	case errors.Is(err, store.ErrNotFound):
		s.notFound(w, r)
		return
	case err != nil:
		s.ServerError(w, r, err)
		return
	}
	http.Redirect(w, r, "/min-tilmelding/"+token+"?besked=stedfortraeder", http.StatusSeeOther)
}
