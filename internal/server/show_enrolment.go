package server

import (
	"context"
	"log/slog"
	"net/http"

	"github.com/go-chi/chi/v5/middleware"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/enrolment"
	"kursuskatalog/internal/server/forms"
	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

// showEnrolment shows the enrolment form for the dates in ?dato=.
func (s *Server) showEnrolment(w http.ResponseWriter, r *http.Request) {
	f := views.EnrolmentForm{
		Token:        enrolment.NewToken(),
		DateIDs:      forms.DateIDs(r.URL.Query()["dato"]),
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
	p.Page, p.Now = s.page(r, "Tilmelding", ""), s.now()
	p.Page.NoIndex = true
	p.Page.Errors = p.Errors.Any()
	if !p.Unavailable && !p.Unsure {
		if err := s.loadEnrolment(r.Context(), &p); err != nil {
			s.enrolmentUnavailable(w, r, p.Form, p.Errors, err)
			return
		}
	}
	w.Header().Set("Cache-Control", "no-store")
	s.Render(w, r, status, views.Enrolment(p))
}

// loadEnrolment loads the form's dates (dropping ids that are not, or no
// longer, published dates), the other dates that could be added, and the
// price for the participants typed so far.
func (s *Server) loadEnrolment(ctx context.Context, p *views.EnrolmentProps) error {
	dates, err := s.store.BookableDates(ctx, p.Form.DateIDs)
	if err != nil {
		return err
	}
	p.Form.DateIDs = p.Form.DateIDs[:0]
	var courses []int64
	for _, d := range dates {
		p.Form.DateIDs = append(p.Form.DateIDs, d.ID)
		courses = append(courses, d.CourseID)
	}
	p.Dates = dates
	if len(courses) > 0 {
		if p.Others, err = s.store.OtherDates(ctx, courses, p.Now); err != nil {
			return err
		}
	}
	p.People = max(1, len(forms.People(p.Form)))
	offers, err := s.store.OffersFor(ctx, dates)
	if err != nil {
		return err
	}
	p.Quote = booking.PriceDates(dates, p.People, offers, p.Now)
	return nil
}

// enrolmentUnavailable answers when the database failed: a calm page that
// says nothing was booked, with the form and everything typed kept.
func (s *Server) enrolmentUnavailable(w http.ResponseWriter, r *http.Request, f views.EnrolmentForm, errs views.FormErrors, err error) {
	if !store.IsUnavailable(err) {
		s.ServerError(w, r, err)
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
	if store.IsUnavailable(err) {
		s.log.Warn("booking: database unavailable", slog.String("request_id", reqID), slog.Any("err", err))
		w.Header().Set("Retry-After", "5")
		s.renderEnrolment(w, r, http.StatusServiceUnavailable, f, views.FormErrors{}, true)
		return
	}
	s.log.Error("booking failed", slog.String("request_id", reqID), slog.Any("err", err))
	w.Header().Set("Retry-After", "5")
	s.renderEnrolmentProps(w, r, http.StatusServiceUnavailable, views.EnrolmentProps{Form: f, Unsure: true})
}
