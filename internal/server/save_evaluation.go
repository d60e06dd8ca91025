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

// showEvaluation shows the evaluation form of a seat whose holder may
// answer it; else their page says why not.
func (s *Server) showEvaluation(w http.ResponseWriter, r *http.Request) {
	s.renderEvaluation(w, r, http.StatusOK, map[string]string{}, views.FormErrors{})
}

func (s *Server) renderEvaluation(w http.ResponseWriter, r *http.Request, status int, answers map[string]string, errs views.FormErrors) {
	token, seat := chi.URLParam(r, "token"), chi.URLParam(r, "seat")
	seatID, _ := strconv.ParseInt(seat, 10, 64)
	mine, err := s.enrol.MySeats(r.Context(), token)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		s.ServerError(w, r, err)
		return
	}
	st, ok := mine.Seat(seatID)
	if !ok {
		s.notFound(w, r)
		return
	}
	d := mine.Date(st.DateID)
	if booking.CheckEvaluation(d.CourseDate, mine.Attended(st), st.Evaluated, s.now()) != nil {
		http.Redirect(w, r, "/min-plads/"+token+"#plads-"+seat, http.StatusSeeOther)
		return
	}
	title := "Evaluering af " + d.CourseTitle
	if errs.Any() {
		title = "Fejl: " + title
	}
	p := views.EvaluationProps{Page: s.page(r, title, ""), Date: d, Answers: answers, Errors: errs,
		Action: views.SafeURL("/min-plads/" + token + "/evaluering/" + seat), Back: views.SafeURL("/min-plads/" + token)}
	p.Page.NoIndex = true
	personalHeaders(w)
	s.Render(w, r, status, views.Evaluation(p))
}

// saveEvaluation records the answer, anonymous, once.
func (s *Server) saveEvaluation(w http.ResponseWriter, r *http.Request) {
	if !respond.ParseForm(w, r) {
		return
	}
	token, seat := chi.URLParam(r, "token"), chi.URLParam(r, "seat")
	seatID, _ := strconv.ParseInt(seat, 10, 64)
	answers, a, errs := forms.DecodeEvaluation(r.PostForm)
	if errs.Any() {
		s.renderEvaluation(w, r, http.StatusUnprocessableEntity, answers, errs)
		return
	}
	err := s.enrol.Evaluate(r.Context(), token, seatID, a)
	switch {
	case errors.Is(err, store.ErrNotFound):
		s.notFound(w, r)
	case errors.Is(err, booking.ErrEvaluationAnswered), errors.Is(err, booking.ErrEvaluationClosed):
		http.Redirect(w, r, "/min-plads/"+token+"#plads-"+seat, http.StatusSeeOther)
	case err != nil:
		s.ServerError(w, r, err)
	default:
		http.Redirect(w, r, "/min-plads/"+token+"?besked=evalueret#plads-"+seat, http.StatusSeeOther)
	}
}
