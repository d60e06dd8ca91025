package server

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/enrolment"
	"kursuskatalog/internal/server/forms"
	"kursuskatalog/internal/server/respond"
	"kursuskatalog/web/views"
)

// saveBooking handles every button of the enrolment form: adding and
// removing dates and participants re-show the form; "Tilmeld" books.
func (s *Server) saveBooking(w http.ResponseWriter, r *http.Request) {
	if !respond.ParseForm(w, r) {
		return
	}
	f := forms.DecodeEnrolment(r.PostForm)
	if f.Token == "" {
		f.Token = enrolment.NewToken()
	}
	if edited, focus := editEnrolment(&f, r.PostForm.Get("handling"), r.PostForm.Get("ny_dato")); edited {
		s.renderEnrolmentProps(w, r, http.StatusOK, views.EnrolmentProps{Form: f, Focus: focus})
		return
	}
	errs := forms.ValidateEnrolment(f)
	if errs.Any() {
		s.renderEnrolment(w, r, http.StatusUnprocessableEntity, f, errs, false)
		return
	}
	b := forms.Booking(f)
	made, err := s.enrol.Book(r.Context(), b)
	if msg, field := bookingRefusal(err, f); msg != "" {
		errs.Add(field, msg)
		s.renderEnrolment(w, r, http.StatusUnprocessableEntity, f, errs, false)
		return
	}
	var dup *booking.DuplicateFormError
	switch {
	case errors.As(err, &dup) && dup.Ref != "":
		// Posted before (double click, back button, retry): show that booking.
		s.rememberReceipt(w, dup.Ref, f.Token, "")
		http.Redirect(w, r, "/tilmelding/"+dup.Ref+"/kvittering", http.StatusSeeOther)
	case err != nil:
		s.bookingFailed(w, r, f, err)
	default:
		s.log.Info("booking made", "ref", made.Ref, "dates", len(b.DateIDs), "participants", len(b.People), "excl_ore", made.ExclOre)
		s.rememberReceipt(w, made.Ref, f.Token, made.ManageToken)
		http.Redirect(w, r, "/tilmelding/"+made.Ref+"/kvittering", http.StatusSeeOther)
	}
}

// editEnrolment carries out a button of the form that edits it rather than
// books: adding or removing a participant or a date, or recounting the
// price. It says whether action was one of those, and which participant's
// fields (1-based) take the focus: the colleague just added, so that focus
// does not go back to the page's top.
func editEnrolment(f *views.EnrolmentForm, action, newDate string) (edited bool, focus int) {
	switch {
	case action == "tilfoej-deltager":
		if len(f.Participants) < views.MaxParticipants {
			f.Participants = append(f.Participants, views.ParticipantForm{})
		}
		return true, len(f.Participants)
	case strings.HasPrefix(action, "fjern-deltager-"):
		if i, err := strconv.Atoi(strings.TrimPrefix(action, "fjern-deltager-")); err == nil && i >= 0 && i < len(f.Participants) {
			f.Participants = append(f.Participants[:i], f.Participants[i+1:]...)
		}
	case strings.HasPrefix(action, "fjern-dato-"):
		id, _ := strconv.ParseInt(strings.TrimPrefix(action, "fjern-dato-"), 10, 64)
		kept := f.DateIDs[:0]
		for _, d := range f.DateIDs {
			if d != id {
				kept = append(kept, d)
			}
		}
		f.DateIDs = kept
	case action == "tilfoej-dato":
		var ids []string
		for _, d := range f.DateIDs {
			ids = append(ids, strconv.FormatInt(d, 10))
		}
		f.DateIDs = forms.DateIDs(append(ids, newDate))
	case action == "opdater":
	default:
		return false, 0
	}
	return true, 0
}

// bookingRefusal is the message and field of a booking the rules refused,
// or "" when they did not.
func bookingRefusal(err error, f views.EnrolmentForm) (msg, field string) {
	var closed *booking.DateClosedError
	var twice *booking.AlreadyBookedError
	switch {
	case errors.As(err, &closed):
		return forms.ClosedMessage(closed), "dato-" + views.FormatID(closed.Date.ID)
	case errors.As(err, &twice):
		field := forms.ParticipantField(f, twice.Email, "datoer")
		if f.Self && twice.Email != "" && strings.EqualFold(f.BookerEmail, twice.Email) {
			field = "self"
		}
		return forms.AlreadyBookedMessage(twice) + ". Fjern deltageren eller datoen", field
	case errors.Is(err, booking.ErrUnknownDate):
		return "En af de valgte datoer findes ikke længere. Vælg en anden dato", "datoer"
	}
	return "", ""
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
