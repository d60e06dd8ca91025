package admin

import (
	"net/http"

	"kursuskatalog/web/views"
)

// showAuditLog lists the newest staff changes (administrators only).
func (a *adminArea) showAuditLog(w http.ResponseWriter, r *http.Request) {
	entries, err := a.store.AuditLog(r.Context(), 500)
	if err != nil {
		a.ServerError(w, r, err)
		return
	}
	rows := make([]views.AuditRow, len(entries))
	for i, e := range entries {
		rows[i] = views.AuditRow{At: e.At, StaffName: e.StaffName, Entity: e.Entity, EntityID: e.EntityID, Action: e.Action, ChangedFields: e.ChangedFields}
	}
	a.Render(w, r, http.StatusOK, views.AdminLog(a.adminPage(r, "Log over ændringer"), rows))
}
