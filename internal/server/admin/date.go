package admin

import (
	"errors"
	"net/http"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

// showAdminDate shows a date's confirmed participants, waiting list and
// cancellations with the staff actions.
func (a *adminArea) showAdminDate(w http.ResponseWriter, r *http.Request) {
	id, ok := idParam(r)
	if !ok {
		a.notFound(w, r)
		return
	}
	a.renderAdminDate(w, r, http.StatusOK, id, views.ActionForm{}, views.FormErrors{})
}

// renderAdminDate renders a date's page; a refused action passes what was
// typed and the messages, with status 422.
func (a *adminArea) renderAdminDate(w http.ResponseWriter, r *http.Request, status int, dateID int64, f views.ActionForm, errs views.FormErrors) {
	ctx := r.Context()
	d, err := a.store.DateOverviewByID(ctx, dateID)
	if errors.Is(err, store.ErrNotFound) {
		a.notFound(w, r)
		return
	} else if err != nil {
		a.ServerError(w, r, err)
		return
	}
	people, err := a.store.DateParticipants(ctx, dateID)
	if err != nil {
		a.ServerError(w, r, err)
		return
	}
	others, err := a.store.OtherDatesOfCourse(ctx, d.CourseID, d.ID, a.now())
	if err != nil {
		a.ServerError(w, r, err)
		return
	}
	offers, err := a.store.DateOffers(ctx, dateID)
	if err != nil {
		a.ServerError(w, r, err)
		return
	}
	p := views.AdminDateProps{Date: d, Others: others, Offers: offers, Now: a.now(), Form: f, Errors: errs}
	for _, x := range people {
		switch x.Status {
		case booking.StatusConfirmed:
			p.Confirmed = append(p.Confirmed, x)
		case booking.StatusWaitlisted:
			p.Waiting = append(p.Waiting, x)
		default:
			p.Cancelled = append(p.Cancelled, x)
		}
	}
	title := d.CourseTitle + " " + views.ShortDate(d.StartsAt)
	if errs.Any() {
		title = "Fejl: " + title
	}
	p.Page = a.adminPage(r, title)
	a.Render(w, r, status, views.AdminDate(p))
}
