package server

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/catalog"
	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

// saveBooking handles every button of the enrolment form: adding and
// removing dates and participants re-show the form; "Tilmeld" books.
func (s *Server) saveBooking(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 256<<10)
	if err := r.ParseForm(); err != nil {
		http.Error(w, "Formularen kunne ikke læses. Gå tilbage og prøv igen.", http.StatusBadRequest)
		return
	}
	f := decodeEnrolment(r.PostForm)
	if f.Token == "" {
		f.Token = newToken()
	}
	action := r.PostForm.Get("handling")
	switch {
	case action == "tilfoej-deltager":
		if len(f.Participants) < views.MaxParticipants {
			f.Participants = append(f.Participants, views.ParticipantForm{})
		}
		// Focus lands on the new colleague's first field, not the page's top.
		s.renderEnrolmentProps(w, r, http.StatusOK, views.EnrolmentProps{Form: f, Focus: len(f.Participants)})
		return
	case strings.HasPrefix(action, "fjern-deltager-"):
		if i, err := strconv.Atoi(strings.TrimPrefix(action, "fjern-deltager-")); err == nil && i >= 0 && i < len(f.Participants) {
			f.Participants = append(f.Participants[:i], f.Participants[i+1:]...)
		}
		s.renderEnrolment(w, r, http.StatusOK, f, views.FormErrors{}, false)
		return
	case strings.HasPrefix(action, "fjern-dato-"):
		id, _ := strconv.ParseInt(strings.TrimPrefix(action, "fjern-dato-"), 10, 64)
		kept := f.DateIDs[:0]
		for _, d := range f.DateIDs {
			if d != id {
				kept = append(kept, d)
			}
		}
		f.DateIDs = kept
		s.renderEnrolment(w, r, http.StatusOK, f, views.FormErrors{}, false)
		return
	case action == "tilfoej-dato":
		f.DateIDs = dateIDs(append(strings.Fields(joinIDs(f.DateIDs)), r.PostForm.Get("ny_dato")))
		s.renderEnrolment(w, r, http.StatusOK, f, views.FormErrors{}, false)
		return
	case action == "opdater":
		s.renderEnrolment(w, r, http.StatusOK, f, views.FormErrors{}, false)
		return
	}

	errs := validateEnrolment(f)
	if errs.Any() {
		s.renderEnrolment(w, r, http.StatusUnprocessableEntity, f, errs, false)
		return
	}
	manage := newToken()
	manageURL := s.baseURL.String() + "/min-tilmelding/" + manage
	nb := newBooking(f, hashToken(manage))
	rec, err := s.bookings.book(r.Context(), nb, manageURL)
	var dup *store.DuplicateFormError
	var closed *store.DateClosedError
	var twice *store.AlreadyBookedError
	switch {
	case errors.As(err, &dup):
		// Posted before (double click, back button, retry): show that booking.
		ref := dup.Ref
		if ref == "" {
			if ref, err = s.store.RefByFormToken(r.Context(), hashToken(f.Token)); err != nil {
				s.enrolmentUnavailable(w, r, f, errs, err)
				return
			}
		}
		s.rememberReceipt(w, ref, f.Token, "")
		http.Redirect(w, r, "/tilmelding/"+ref+"/kvittering", http.StatusSeeOther)
		return
	case errors.As(err, &closed):
		errs.Add("dato-"+id64(closed.Date.ID), closedMessage(closed))
		s.renderEnrolment(w, r, http.StatusUnprocessableEntity, f, errs, false)
		return
	case errors.As(err, &twice):
		field := "datoer"
		for i, p := range f.Participants {
			if strings.EqualFold(p.Email, twice.Email) {
				field = "p" + strconv.Itoa(i) + "-email"
			}
		}
		if f.Self && strings.EqualFold(f.BookerEmail, twice.Email) {
			field = "self"
		}
		who := twice.Email
		if who == "" {
			who = "En af deltagerne"
		}
		errs.Add(field, who+" er allerede tilmeldt "+twice.Date.CourseTitle+" den "+catalog.FormatDate(twice.Date.StartsAt)+". Fjern deltageren eller datoen")
		s.renderEnrolment(w, r, http.StatusUnprocessableEntity, f, errs, false)
		return
	case errors.Is(err, store.ErrNotFound):
		errs.Add("datoer", "En af de valgte datoer findes ikke længere. Vælg en anden dato")
		s.renderEnrolment(w, r, http.StatusUnprocessableEntity, f, errs, false)
		return
	case err != nil:
		s.bookingFailed(w, r, f, err)
		return
	}
	s.log.Info("booking made", "ref", rec.Ref, "dates", len(nb.DateIDs), "participants", len(nb.Participants), "excl_ore", rec.ExclOre)
	s.rememberReceipt(w, rec.Ref, f.Token, manage)
	http.Redirect(w, r, "/tilmelding/"+rec.Ref+"/kvittering", http.StatusSeeOther)
}

func joinIDs(ids []int64) string {
	var b strings.Builder
	for _, id := range ids {
		b.WriteString(strconv.FormatInt(id, 10) + " ")
	}
	return b.String()
}

func closedMessage(e *store.DateClosedError) string {
	when := e.Date.CourseTitle + " den " + catalog.FormatDate(e.Date.StartsAt)
	switch e.Phase {
	case booking.PhaseFull:
		if e.SeatsLeft > 0 {
			return "Der er kun " + strconv.Itoa(e.SeatsLeft) + " ledige pladser på " + when + ", og efter tilmeldingsfristen er der ingen venteliste. Tilmeld færre deltagere"
		}
		return "Der er ikke flere pladser på " + when + ", og efter tilmeldingsfristen er der ingen venteliste"
	case booking.PhaseCancelled:
		return when + " er aflyst. Vælg en anden dato"
	case booking.PhaseStarted:
		return when + " er begyndt eller afholdt. Vælg en anden dato"
	}
	return "Der kan ikke tilmeldes " + when
}

// rememberReceipt lets this browser, and only it, open the receipt: the
// cookie holds the form token (and the manage token, to show the link).
func (s *Server) rememberReceipt(w http.ResponseWriter, ref, formToken, manageToken string) {
	http.SetCookie(w, &http.Cookie{
		Name: "kvittering", Value: formToken + "." + manageToken, Path: "/tilmelding/" + ref,
		MaxAge: int((90 * 24 * time.Hour).Seconds()), HttpOnly: true, SameSite: http.SameSiteLaxMode,
		Secure: s.baseURL.Scheme == "https",
	})
}
