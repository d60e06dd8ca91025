package server

import (
	"log/slog"
	"net/http"

	"github.com/go-chi/chi/v5/middleware"

	"kursuskatalog/web/views"
)

// showEnrolment shows the enrolment form for the dates in ?dato=.
func (s *Server) showEnrolment(w http.ResponseWriter, r *http.Request) {
	f := views.EnrolmentForm{
		Token:        newToken(),
		DateIDs:      dateIDs(r.URL.Query()["dato"]),
		InvoiceKind:  "ean",
		Participants: []views.ParticipantForm{{}},
	}
	if len(f.DateIDs) > views.MaxDates {
		f.DateIDs = f.DateIDs[:views.MaxDates]
	}
	s.renderEnrolment(w, r, http.StatusOK, f, views.FormErrors{}, false)
}

// renderEnrolment loads the dates, other dates and the price for f and
// shows the form with status.
func (s *Server) renderEnrolment(w http.ResponseWriter, r *http.Request, status int, f views.EnrolmentForm, errs views.FormErrors, unavailable bool) {
	s.renderEnrolmentProps(w, r, status, views.EnrolmentProps{Form: f, Errors: errs, Unavailable: unavailable})
}

func (s *Server) renderEnrolmentProps(w http.ResponseWriter, r *http.Request, status int, p views.EnrolmentProps) {
	f, errs, unavailable := p.Form, p.Errors, p.Unavailable || p.Unsure
	p.Page, p.Now = s.page(r, "Tilmelding", ""), s.now()
	p.Page.NoIndex = true
	p.Page.Errors = errs.Any()
	if !unavailable {
		dates, err := s.store.BookableDates(r.Context(), f.DateIDs)
		if err != nil {
			s.enrolmentUnavailable(w, r, f, errs, err)
			return
		}
		// Drop ids that are not (or no longer) published dates.
		p.Form.DateIDs = p.Form.DateIDs[:0]
		var courses []int64
		for _, d := range dates {
			p.Form.DateIDs = append(p.Form.DateIDs, d.ID)
			courses = append(courses, d.CourseID)
		}
		p.Dates = dates
		if len(courses) > 0 {
			if p.Others, err = s.store.OtherDates(r.Context(), courses, s.now()); err != nil {
				s.enrolmentUnavailable(w, r, f, errs, err)
				return
			}
		}
		p.People = len(people(f))
		if p.People == 0 {
			p.People = 1
		}
		if p.Quote, err = s.store.QuoteFor(r.Context(), dates, p.People, s.now()); err != nil {
			s.enrolmentUnavailable(w, r, f, errs, err)
			return
		}
	}
	w.Header().Set("Cache-Control", "no-store")
	s.render(w, r, status, views.Enrolment(p))
}

// enrolmentUnavailable answers when the database failed: a calm page that
// says nothing was booked, with the form and everything typed kept.
func (s *Server) enrolmentUnavailable(w http.ResponseWriter, r *http.Request, f views.EnrolmentForm, errs views.FormErrors, err error) {
	if !isUnavailable(err) {
		s.serverError(w, r, err)
		return
	}
	s.log.Warn("enrolment: database unavailable", "err", err)
	w.Header().Set("Retry-After", "5")
	s.renderEnrolment(w, r, http.StatusServiceUnavailable, f, errs, true)
}

// bookingFailed answers a booking that failed on the database. A refused
// connection booked nothing; a connection lost midway may have committed,
// so the page asks to send the same form again, which the form token makes
// safe. Either way the form comes back with everything typed.
func (s *Server) bookingFailed(w http.ResponseWriter, r *http.Request, f views.EnrolmentForm, err error) {
	reqID := middleware.GetReqID(r.Context())
	if isUnavailable(err) {
		s.log.Warn("booking: database unavailable", slog.String("request_id", reqID), slog.Any("err", err))
		w.Header().Set("Retry-After", "5")
		s.renderEnrolment(w, r, http.StatusServiceUnavailable, f, views.FormErrors{}, true)
		return
	}
	s.log.Error("booking failed", slog.String("request_id", reqID), slog.Any("err", err))
	w.Header().Set("Retry-After", "5")
	s.renderEnrolmentProps(w, r, http.StatusServiceUnavailable, views.EnrolmentProps{Form: f, Unsure: true})
}
