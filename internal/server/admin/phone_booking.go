package admin

import (
	"errors"
	"net/http"
	"strconv"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/enrolment"
	"kursuskatalog/internal/server/forms"
	"kursuskatalog/internal/server/respond"
	"kursuskatalog/web/views"
)

// showPhoneBooking is the empty "Tilmelding pr. telefon" form of a date.
// The form token is made here, so that a form sent twice books once, as on
// the public form.
func (a *adminArea) showPhoneBooking(w http.ResponseWriter, r *http.Request) {
	f := views.EnrolmentForm{Token: enrolment.NewToken(), InvoiceKind: "ean"}
	a.renderPhoneBooking(w, r, http.StatusOK, f, views.FormErrors{})
}

// renderPhoneBooking shows the form with what was typed and the messages.
func (a *adminArea) renderPhoneBooking(w http.ResponseWriter, r *http.Request, status int, f views.EnrolmentForm, errs views.FormErrors) {
	d, ok := a.dateOf(w, r)
	if !ok {
		return
	}
	title := "Tilmelding pr. telefon: " + d.CourseTitle
	if errs.Any() {
		title = "Fejl: " + title
	}
	rows := max(3, len(f.Participants))
	a.Render(w, r, status, views.AdminPhoneBooking(views.PhoneBookingProps{Page: a.adminPage(r, title), Date: d,
		Form: f, Rows: rows, Errors: errs}))
}

// savePhoneBooking books a caller's participants on the date with the
// public form's validation, the enrolment service (prices, seats, waiting
// list, mails), and audits who typed it in.
func (a *adminArea) savePhoneBooking(w http.ResponseWriter, r *http.Request) {
	dateID, ok := idParam(r)
	if !ok {
		a.notFound(w, r)
		return
	}
	if !respond.ParseForm(w, r) {
		return
	}
	f := forms.DecodeEnrolment(r.PostForm)
	f.DateIDs = []int64{dateID} // the date is the page's, whatever the form says
	if f.Token == "" {
		f.Token = enrolment.NewToken()
	}
	if r.PostForm.Get("handling") == "tilfoej-deltager" {
		if len(f.Participants) < views.MaxParticipants {
			f.Participants = append(f.Participants, views.ParticipantForm{})
		}
		for len(f.Participants) < 4 {
			f.Participants = append(f.Participants, views.ParticipantForm{})
		}
		a.renderPhoneBooking(w, r, http.StatusOK, f, views.FormErrors{})
		return
	}
	errs := forms.ValidateEnrolment(f)
	if errs.Any() {
		a.renderPhoneBooking(w, r, http.StatusUnprocessableEntity, f, errs)
		return
	}
	b := forms.Booking(f)
	b.StaffID = staffOf(r).ID
	made, err := a.enrol.Book(r.Context(), b)
	if msg, field := phoneBookingRefusal(err, f); msg != "" {
		errs.Add(field, msg)
		a.renderPhoneBooking(w, r, http.StatusUnprocessableEntity, f, errs)
		return
	}
	var dup *booking.DuplicateFormError
	switch {
	case errors.As(err, &dup):
		// Sent twice (double click, reload): the first one counts.
		a.flash(r, "Tilmeldingen var allerede gemt.")
	case err != nil:
		a.ServerError(w, r, err)
		return
	default:
		a.flash(r, "Tilmeldingen "+made.Ref+" er gemt, og der er sendt bekræftelse til "+made.BookerEmail+".")
	}
	http.Redirect(w, r, "/admin/datoer/"+strconv.FormatInt(dateID, 10), http.StatusSeeOther)
}

// phoneBookingRefusal is the message and field of a booking the rules
// refused, or "" when they did not.
func phoneBookingRefusal(err error, f views.EnrolmentForm) (msg, field string) {
	var closed *booking.DateClosedError
	var twice *booking.AlreadyBookedError
	switch {
	case errors.As(err, &closed):
		return forms.ClosedMessage(closed), "datoer"
	case errors.As(err, &twice):
		return forms.AlreadyBookedMessage(twice), forms.ParticipantField(f, twice.Email, "deltagere")
	case errors.Is(err, booking.ErrUnknownDate):
		return "Der kan ikke tilmeldes denne dato, fordi kurset ikke er offentliggjort", "datoer"
	}
	return "", ""
}
