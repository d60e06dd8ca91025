package server

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/catalog"
	"kursuskatalog/internal/jobs"
	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

// showPhoneBooking is the empty "Tilmelding pr. telefon" form of a date.
// The form token is made here, so that a form sent twice books once, as on
// the public form.
func (a *adminArea) showPhoneBooking(w http.ResponseWriter, r *http.Request) {
	f := views.EnrolmentForm{Token: newToken(), InvoiceKind: "ean"}
	a.renderPhoneBooking(w, r, http.StatusOK, f, views.FormErrors{})
}

// renderPhoneBooking shows the form with what was typed and the messages.
func (a *adminArea) renderPhoneBooking(w http.ResponseWriter, r *http.Request, status int, f views.EnrolmentForm, errs views.FormErrors) {
	id, ok := idParam(r)
	if !ok {
		a.notFound(w, r)
		return
	}
	d, err := a.store.DateOverviewByID(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		a.notFound(w, r)
		return
	} else if err != nil {
		a.serverError(w, r, err)
		return
	}
	title := "Tilmelding pr. telefon: " + d.CourseTitle
	if errs.Any() {
		title = "Fejl: " + title
	}
	rows := max(3, len(f.Participants))
	a.render(w, r, status, views.AdminPhoneBooking(views.PhoneBookingProps{Page: a.adminPage(r, title), Date: d,
		Form: f, Rows: rows, Errors: errs}))
}

// savePhoneBooking books a caller's participants on the date with the
// public form's validation, store.Book (prices, seats, waiting list) and
// mails, and audits who typed it in.
func (a *adminArea) savePhoneBooking(w http.ResponseWriter, r *http.Request) {
	dateID, ok := idParam(r)
	if !ok {
		a.notFound(w, r)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, 256<<10)
	if !parseEditorForm(w, r) {
		return
	}
	f := decodeEnrolment(r.PostForm)
	// The date is the page's, whatever the form says.
	f.DateIDs = []int64{dateID}
	if f.Token == "" {
		f.Token = newToken()
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
	errs := validateEnrolment(f)
	if errs.Any() {
		a.renderPhoneBooking(w, r, http.StatusUnprocessableEntity, f, errs)
		return
	}
	manage := newToken()
	manageURL := a.baseURL.String() + "/min-tilmelding/" + manage
	now := a.now()
	staff := staffOf(r)
	rec, err := a.store.Book(r.Context(), newBooking(f, hashToken(manage)), now, func(ctx context.Context, tx pgx.Tx, rec booking.Receipt) error {
		if err := a.jobs.QueueBookingMails(ctx, tx, jobs.BookingMail{BookingID: rec.ID, ManageURL: manageURL}); err != nil {
			return err
		}
		return store.Audit(ctx, tx, staff.ID, "booking", rec.ID, "phone_booking", []string{"booker", "invoice", "participants"}, now)
	})
	var dup *store.DuplicateFormError
	var closed *store.DateClosedError
	var twice *store.AlreadyBookedError
	switch {
	case errors.As(err, &dup):
		// Sent twice (double click, reload): the first one counts.
		a.flash(r, "Tilmeldingen var allerede gemt.")
		http.Redirect(w, r, "/admin/datoer/"+strconv.FormatInt(dateID, 10), http.StatusSeeOther)
	case errors.As(err, &closed):
		errs.Add("datoer", closedMessage(closed))
		a.renderPhoneBooking(w, r, http.StatusUnprocessableEntity, f, errs)
	case errors.As(err, &twice):
		field := "deltagere"
		for i, p := range f.Participants {
			if strings.EqualFold(p.Email, twice.Email) {
				field = "p" + strconv.Itoa(i) + "-email"
			}
		}
		errs.Add(field, twice.Email+" er allerede tilmeldt "+twice.Date.CourseTitle+" den "+catalog.FormatDate(twice.Date.StartsAt))
		a.renderPhoneBooking(w, r, http.StatusUnprocessableEntity, f, errs)
	case errors.Is(err, store.ErrNotFound):
		errs.Add("datoer", "Der kan ikke tilmeldes denne dato, fordi kurset ikke er offentliggjort")
		a.renderPhoneBooking(w, r, http.StatusUnprocessableEntity, f, errs)
	case err != nil:
		a.serverError(w, r, err)
	default:
		msg := "Tilmeldingen " + rec.Ref + " er gemt, og der er sendt bekræftelse til " + rec.BookerEmail + "."
		a.flash(r, msg)
		http.Redirect(w, r, "/admin/datoer/"+strconv.FormatInt(dateID, 10), http.StatusSeeOther)
	}
}
