package admin

import (
	"net/http"

	"kursuskatalog/web/views"
)

// showDashboard lists the dates that have not ended with seats used and
// left and the length of each waiting list.
func (a *adminArea) showDashboard(w http.ResponseWriter, r *http.Request) {
	dates, err := a.store.UpcomingDateOverviews(r.Context(), a.now(), 500)
	if err != nil {
		a.ServerError(w, r, err)
		return
	}
	a.Render(w, r, http.StatusOK, views.AdminDashboard(a.adminPage(r, "Kommende datoer"), dates))
}
