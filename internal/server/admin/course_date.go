package admin

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/catalog"
	"kursuskatalog/internal/server/respond"
	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

// newCourseDate shows an empty date form for a course.
func (a *adminArea) newCourseDate(w http.ResponseWriter, r *http.Request) {
	id, ok := idParam(r)
	if !ok {
		a.notFound(w, r)
		return
	}
	a.renderDateForm(w, r, http.StatusOK, views.DateForm{CourseID: id, Capacity: "24"})
}

// editCourseDate shows a date's form with the saved values.
func (a *adminArea) editCourseDate(w http.ResponseWriter, r *http.Request) {
	id, ok := idParam(r)
	if !ok {
		a.notFound(w, r)
		return
	}
	d, err := a.store.DateForEdit(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		a.notFound(w, r)
		return
	} else if err != nil {
		a.ServerError(w, r, err)
		return
	}
	a.renderDateForm(w, r, http.StatusOK, dateFormOf(d))
}

func dateFormOf(d store.DateEdit) views.DateForm {
	return views.DateForm{ID: d.ID, CourseID: d.CourseID, Version: d.Version, Venue: strconv.FormatInt(d.VenueID, 10),
		Starts: catalog.LocalInput(d.StartsAt), Ends: catalog.LocalInput(d.EndsAt), Deadline: catalog.DayInput(d.Deadline),
		Capacity: strconv.Itoa(d.Capacity), Minimum: minimumInput(d.Minimum), SeatsTaken: d.SeatsTaken, Status: d.Status, CancelReason: d.CancelReason}
}

func (a *adminArea) renderDateForm(w http.ResponseWriter, r *http.Request, status int, f views.DateForm) {
	ctx := r.Context()
	c, err := a.store.CourseForEdit(ctx, f.CourseID)
	if errors.Is(err, store.ErrNotFound) {
		a.notFound(w, r)
		return
	} else if err != nil {
		a.ServerError(w, r, err)
		return
	}
	f.CourseTitle = c.Title
	venues, err := a.store.VenueOptions(ctx)
	if err != nil {
		a.ServerError(w, r, err)
		return
	}
	for _, v := range venues {
		f.Venues = append(f.Venues, views.Option{Value: strconv.FormatInt(v.ID, 10), Label: v.Address()})
	}
	title := "Ny dato: " + c.Title
	if f.ID != 0 {
		title = "Redigér dato: " + c.Title
	}
	if f.Errors.Any() {
		title = "Fejl: " + title
	}
	a.Render(w, r, status, views.AdminDateForm(a.adminPage(r, title), f))
}

// readDateForm reads and checks a date's fields into f (kept as typed)
// and d. f.SeatsTaken is the seats already taken (0 for a new date).
func (a *adminArea) readDateForm(r *http.Request, f *views.DateForm, d *store.DateEdit) error {
	v := r.PostForm
	f.Venue, f.Starts, f.Ends = v.Get("venue"), strings.TrimSpace(v.Get("starts")), strings.TrimSpace(v.Get("ends"))
	f.Deadline, f.Capacity = strings.TrimSpace(v.Get("deadline")), strings.TrimSpace(v.Get("capacity"))
	f.Minimum = strings.TrimSpace(v.Get("minimum"))
	f.Version, _ = strconv.Atoi(v.Get("version"))
	d.Version = f.Version
	e := &f.Errors

	venues, err := a.store.VenueOptions(r.Context())
	if err != nil {
		return err
	}
	d.VenueID, _ = strconv.ParseInt(f.Venue, 10, 64)
	known := false
	for _, x := range venues {
		known = known || x.ID == d.VenueID
	}
	if !known {
		e.Add("venue", "Vælg et sted fra listen")
	}
	var okStart, okEnd bool
	if d.StartsAt, okStart = catalog.ParseLocal(f.Starts); !okStart {
		e.Add("starts", "Skriv starttidspunktet som dato og klokkeslæt, f.eks. 03.03.2027 kl. 08:45")
	} else if f.ID == 0 && !d.StartsAt.After(a.now()) {
		e.Add("starts", "Starten ligger i fortiden")
	}
	if d.EndsAt, okEnd = catalog.ParseLocal(f.Ends); !okEnd {
		e.Add("ends", "Skriv sluttidspunktet som dato og klokkeslæt, f.eks. 04.03.2027 kl. 15:00")
	} else if okStart && !d.EndsAt.After(d.StartsAt) {
		e.Add("ends", "Slut skal ligge efter start")
	}
	var okDeadline bool
	if d.Deadline, okDeadline = catalog.ParseDay(f.Deadline); !okDeadline {
		e.Add("deadline", "Skriv tilmeldingsfristen som en dato, f.eks. 10.02.2027")
	} else if okStart && catalog.DayInput(d.Deadline) > catalog.LocalInput(d.StartsAt)[:10] {
		// Both are 'YYYY-MM-DD', so they compare as text.
		e.Add("deadline", "Tilmeldingsfristen må ikke ligge efter kursets start")
	}
	n, err := strconv.Atoi(f.Capacity)
	switch {
	case err != nil || n < 1:
		e.Add("capacity", "Skriv antal pladser som et helt tal, mindst 1")
	case n > 10000:
		e.Add("capacity", "Højst 10.000 pladser")
	case n < f.SeatsTaken:
		e.Add("capacity", "Der er allerede "+strconv.Itoa(f.SeatsTaken)+" optagne pladser; færre pladser end det går ikke")
	}
	d.Capacity = n
	d.Minimum = readMinimum(f.Minimum, n, e)
	return nil
}

// readMinimum reads the fewest participants a date needs: empty is none,
// and it cannot exceed the seats.
func readMinimum(s string, capacity int, e *views.FormErrors) int {
	if s == "" {
		return 0
	}
	m, err := strconv.Atoi(s)
	switch {
	case err != nil || m < 0:
		e.Add("minimum", "Skriv mindste antal deltagere som et helt tal, eller lad feltet stå tomt")
	case capacity > 0 && m > capacity:
		e.Add("minimum", "Mindste antal deltagere kan ikke være større end antal pladser")
	}
	return m
}

func minimumInput(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// createCourseDate adds a date to a course.
func (a *adminArea) createCourseDate(w http.ResponseWriter, r *http.Request) {
	courseID, ok := idParam(r)
	if !ok {
		a.notFound(w, r)
		return
	}
	if !respond.ParseForm(w, r) {
		return
	}
	f := views.DateForm{CourseID: courseID}
	d := store.DateEdit{CourseID: courseID}
	if err := a.readDateForm(r, &f, &d); err != nil {
		a.ServerError(w, r, err)
		return
	}
	if f.Errors.Any() {
		a.renderDateForm(w, r, http.StatusUnprocessableEntity, f)
		return
	}
	id, err := a.store.CreateDate(r.Context(), d, staffOf(r).ID, a.now())
	if err != nil {
		a.ServerError(w, r, err)
		return
	}
	a.flash(r, "Datoen er tilføjet.")
	http.Redirect(w, r, "/admin/datoer/"+strconv.FormatInt(id, 10), http.StatusSeeOther)
}

// saveCourseDate saves a date's form, refusing to overwrite a newer
// version or to drop below the seats taken. New seats go to those waiting,
// who are mailed.
func (a *adminArea) saveCourseDate(w http.ResponseWriter, r *http.Request) {
	id, ok := a.postedID(w, r)
	if !ok {
		return
	}
	saved, err := a.store.DateForEdit(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		a.notFound(w, r)
		return
	} else if err != nil {
		a.ServerError(w, r, err)
		return
	}
	f := views.DateForm{ID: id, CourseID: saved.CourseID, SeatsTaken: saved.SeatsTaken, Status: saved.Status, CancelReason: saved.CancelReason}
	d := store.DateEdit{ID: id, CourseID: saved.CourseID}
	if err := a.readDateForm(r, &f, &d); err != nil {
		a.ServerError(w, r, err)
		return
	}
	if f.Errors.Any() {
		a.renderDateForm(w, r, http.StatusUnprocessableEntity, f)
		return
	}
	err = a.enrol.SaveDate(r.Context(), staffOf(r).ID, d)
	var capErr *booking.CapacityError
	switch {
	case errors.Is(err, store.ErrConflict):
		f.Errors.Add("gem", "Datoen er ændret af en anden siden du åbnede den. Dine værdier er bevaret her: åbn datoen igen, og ret den.")
		a.renderDateForm(w, r, http.StatusUnprocessableEntity, f)
	case errors.As(err, &capErr):
		f.Errors.Add("capacity", "Der er allerede "+strconv.Itoa(capErr.Taken)+" optagne pladser; færre pladser end det går ikke")
		a.renderDateForm(w, r, http.StatusUnprocessableEntity, f)
	case errors.Is(err, booking.ErrDateCancelled):
		f.Errors.Add("gem", "Datoen er aflyst og kan ikke ændres.")
		a.renderDateForm(w, r, http.StatusUnprocessableEntity, f)
	case err != nil:
		a.ServerError(w, r, err)
	default:
		a.flash(r, "Datoen er gemt.")
		http.Redirect(w, r, "/admin/datoer/"+strconv.FormatInt(id, 10), http.StatusSeeOther)
	}
}
