package admin

import (
	"errors"
	"net/http"
	"strconv"
	"time"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/catalog"
	"kursuskatalog/internal/server/respond"
	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

// showAttendance shows a date's attendance for one course day (?dag=, by
// default today's, or the first).
func (a *adminArea) showAttendance(w http.ResponseWriter, r *http.Request) {
	day, _ := catalog.ParseDay(r.URL.Query().Get("dag"))
	a.renderAttendance(w, r, http.StatusOK, day, views.FormErrors{})
}

func (a *adminArea) renderAttendance(w http.ResponseWriter, r *http.Request, status int, day time.Time, errs views.FormErrors) {
	d, ok := a.dateOf(w, r)
	if !ok {
		return
	}
	id := d.ID
	rows, err := a.store.AttendanceOf(r.Context(), id)
	if err != nil {
		a.ServerError(w, r, err)
		return
	}
	now := a.now()
	p := views.AttendanceProps{Date: d, Days: booking.CourseDays(d.StartsAt, d.EndsAt), Rows: rows, Errors: errs}
	p.Day = courseDay(p.Days, day, now)
	p.CanMark = booking.CheckAttendanceDay(d.CourseDate, p.Day, now) == nil
	title := "Fremmøde " + d.CourseTitle + " " + views.ShortDate(p.Day)
	if errs.Any() {
		title = "Fejl: " + title
	}
	p.Page = a.adminPage(r, title)
	p.Page.JS = a.Assets.URL("js/attendance.js")
	a.Render(w, r, status, views.AdminAttendance(p))
}

// courseDay is the day asked for if it is a course day, else today if the
// course runs today, else the first day.
func courseDay(days []time.Time, asked, now time.Time) time.Time {
	for _, want := range []time.Time{asked, booking.Today(now)} {
		for _, d := range days {
			if d.Equal(want) {
				return d
			}
		}
	}
	return days[0]
}

// markAttendance marks one participant present or absent on one day. A
// tap from the page's script (X-Requested-With: fetch) gets the row back;
// a plain form post returns to the row on the page.
func (a *adminArea) markAttendance(w http.ResponseWriter, r *http.Request) {
	id, ok := idParam(r)
	if !ok || !respond.ParseForm(w, r) {
		if !ok {
			a.notFound(w, r)
		}
		return
	}
	seatID, _ := strconv.ParseInt(r.PostForm.Get("deltager"), 10, 64)
	day, dayOK := catalog.ParseDay(r.PostForm.Get("dag"))
	status := r.PostForm.Get("status")
	if !dayOK || (status != "til-stede" && status != "fravaer") {
		a.renderAttendance(w, r, http.StatusUnprocessableEntity, day, oneError("p-"+strconv.FormatInt(seatID, 10), "Vælg Til stede eller Fraværende"))
		return
	}
	err := a.enrol.MarkAttendance(r.Context(), staffOf(r).ID, id, seatID, day, status == "til-stede")
	switch {
	case errors.Is(err, store.ErrNotFound):
		a.notFound(w, r)
	case errors.Is(err, booking.ErrAttendanceDay), errors.Is(err, booking.ErrDateCancelled), errors.Is(err, store.ErrNotOnDate):
		a.renderAttendance(w, r, http.StatusUnprocessableEntity, day, oneError("dag-h", attendanceMessage(err)))
	case err != nil:
		a.ServerError(w, r, err)
	case r.Header.Get("X-Requested-With") == "fetch":
		a.renderAttendanceRow(w, r, id, seatID, day)
	default:
		http.Redirect(w, r, "/admin/datoer/"+strconv.FormatInt(id, 10)+"/fremmoede?dag="+catalog.DayInput(day)+"#p-"+strconv.FormatInt(seatID, 10), http.StatusSeeOther)
	}
}

func (a *adminArea) renderAttendanceRow(w http.ResponseWriter, r *http.Request, dateID, seatID int64, day time.Time) {
	row, err := a.store.AttendanceRowOf(r.Context(), dateID, seatID)
	if err != nil {
		a.ServerError(w, r, err)
		return
	}
	a.Render(w, r, http.StatusOK, views.AdminAttendanceRow(views.AttendanceRowProps{DateID: dateID, Day: day, CanMark: true, Row: row}))
}

func attendanceMessage(err error) string {
	switch {
	case errors.Is(err, booking.ErrDateCancelled):
		return "Datoen er aflyst"
	case errors.Is(err, store.ErrNotOnDate):
		return "Deltageren er ikke (længere) bekræftet på datoen"
	}
	return "Fremmøde kan kun registreres på kursets dage, fra dagen er begyndt"
}

func oneError(field, msg string) views.FormErrors {
	var e views.FormErrors
	e.Add(field, msg)
	return e
}
