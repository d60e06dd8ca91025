package admin

import (
	"net/http"

	"kursuskatalog/internal/overview"
	"kursuskatalog/web/views"
)

// showDashboard leads with what needs attention (overview.Attend), then
// lists the dates that have not ended with seats used and left, the
// minimum and the length of each waiting list.
func (a *adminArea) showDashboard(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	now := a.now()
	weekStart, weekEnd := overview.Week(now)
	minimumBy := weekStart.AddDate(0, 0, 7+overview.MinimumWarningDays)
	candidates, err := a.store.AttentionDates(ctx, now, minimumBy, weekStart, weekEnd)
	if err != nil {
		a.ServerError(w, r, err)
		return
	}
	inquiries, err := a.store.OpenInquiries(ctx, 200)
	if err != nil {
		a.ServerError(w, r, err)
		return
	}
	att := overview.Attend(now, candidates, inquiries)
	// Due this week, as the invoicing worklist counts due on any day of it.
	if att.Invoices, err = a.store.DueInvoices(ctx, weekEnd); err != nil {
		a.ServerError(w, r, err)
		return
	}
	dates, err := a.store.UpcomingDateOverviews(ctx, now, 300)
	if err != nil {
		a.ServerError(w, r, err)
		return
	}
	a.Render(w, r, http.StatusOK, views.AdminDashboard(views.AdminDashboardProps{
		Page: a.adminPage(r, "Overblik"), Now: now, WeekEnd: weekEnd, Attention: att, Dates: dates}))
}
