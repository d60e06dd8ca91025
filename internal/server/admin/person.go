package admin

import (
	"errors"
	"fmt"
	"net/http"

	"kursuskatalog/internal/enrolment"
	"kursuskatalog/internal/privacy"
	"kursuskatalog/internal/server/forms"
	"kursuskatalog/internal/server/respond"
	"kursuskatalog/web/views"
)

const badEmail = "Skriv en hel e-mailadresse, fx navn@kommune.dk"

// showPerson finds every booking and inquiry of one e-mail address.
func (a *adminArea) showPerson(w http.ResponseWriter, r *http.Request) {
	raw := r.URL.Query().Get("email")
	p := views.AdminPersonProps{Email: raw, Done: personDone(r.URL.Query().Get("slettet"))}
	status := http.StatusOK
	if raw != "" {
		email, err := enrolment.NormaliseEmail(raw)
		if err != nil {
			p.Errors, status = forms.OneError("email", badEmail), http.StatusUnprocessableEntity
		} else if err := a.findPerson(r, email, &p); err != nil {
			a.ServerError(w, r, err)
			return
		}
	}
	p.Page = a.adminPage(r, "Slet en person")
	a.Render(w, r, status, views.AdminPerson(p))
}

// findPerson fills p with the bookings and inquiries of email.
func (a *adminArea) findPerson(r *http.Request, email string, p *views.AdminPersonProps) error {
	bs, is, err := a.store.PersonRecords(r.Context(), email)
	if err != nil {
		return err
	}
	p.Email, p.Searched = email, true
	for _, b := range bs {
		ahead := !privacy.CanErase(b.Seats, a.now())
		p.Ahead = p.Ahead || ahead
		p.Bookings = append(p.Bookings, views.PersonBooking{ID: b.ID, Ref: b.Ref, Org: b.Org, AsBooker: b.AsBooker,
			Courses: b.Courses, Anonymised: b.Anonymised, Ahead: ahead})
	}
	for _, i := range is {
		p.Inquiries = append(p.Inquiries, views.PersonInquiry(i))
	}
	return nil
}

// erasePerson erases the person of an e-mail address once staff have
// ticked that they asked for it.
func (a *adminArea) erasePerson(w http.ResponseWriter, r *http.Request) {
	if !respond.ParseForm(w, r) {
		return
	}
	email, err := enrolment.NormaliseEmail(r.PostForm.Get("email"))
	if err != nil {
		a.renderPerson(w, r, r.PostForm.Get("email"), forms.OneError("email", badEmail))
		return
	}
	if r.PostForm.Get("bekraeft") != "ja" {
		a.renderPerson(w, r, email, forms.OneError("bekraeft", "Sæt flueben for at bekræfte, at personen har bedt om sletning"))
		return
	}
	done, err := a.enrol.ErasePerson(r.Context(), staffOf(r).ID, email)
	switch {
	case errors.Is(err, privacy.ErrSeatsAhead):
		a.renderPerson(w, r, email, forms.OneError("email", "Personen har en plads på et kursus, der ikke er holdt. Afmeld den først."))
	case err != nil:
		a.ServerError(w, r, err)
	default:
		q := fmt.Sprintf("%d-%d", done.Bookings, done.Inquiries)
		if !done.KeptUntil.IsZero() {
			q += "-" + done.KeptUntil.Format("2006-01-02")
		}
		http.Redirect(w, r, "/admin/personer?slettet="+q, http.StatusSeeOther)
	}
}

// renderPerson shows the page again with errs (422), the person found.
func (a *adminArea) renderPerson(w http.ResponseWriter, r *http.Request, email string, errs views.FormErrors) {
	p := views.AdminPersonProps{Email: email, Errors: errs}
	if _, err := enrolment.NormaliseEmail(email); err == nil {
		if err := a.findPerson(r, email, &p); err != nil {
			a.ServerError(w, r, err)
			return
		}
	}
	p.Page = a.adminPage(r, "Slet en person")
	a.Render(w, r, http.StatusUnprocessableEntity, views.AdminPerson(p))
}

// personDone says what an erasure did, from the redirect's query
// (bookings-inquiries[-kept until]).
func personDone(q string) string {
	var b, i int
	var y, m, d int
	n, _ := fmt.Sscanf(q, "%d-%d-%d-%d-%d", &b, &i, &y, &m, &d)
	if n < 2 {
		return ""
	}
	s := fmt.Sprintf("Personen er slettet: %d tilmeldinger anonymiseret og %d henvendelser slettet.", b, i)
	if n == 5 {
		s += " Fakturaoplysningerne gemmes efter bogføringsloven til " + fmt.Sprintf("%02d.%02d.%d", d, m, y) + "."
	}
	return s
}
