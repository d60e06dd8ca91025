package admin

import (
	"net/http"
	"net/url"
	"strconv"

	"kursuskatalog/internal/audit"
	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

const logPage = 100

// showAuditLog lists the newest changes in words, a hundred at a time
// (administrators only); ?foer=ID shows those before entry ID.
func (a *adminArea) showAuditLog(w http.ResponseWriter, r *http.Request) {
	before, _ := strconv.ParseInt(r.URL.Query().Get("foer"), 10, 64)
	entries, err := a.store.AuditLog(r.Context(), max(before, 0), logPage)
	if err != nil {
		a.ServerError(w, r, err)
		return
	}
	p := views.AdminLogProps{Page: a.adminPage(r, "Log over ændringer")}
	for _, e := range entries {
		p.Rows = append(p.Rows, auditRow(e))
	}
	if len(entries) == logPage {
		p.Older = "/admin/log?foer=" + strconv.FormatInt(entries[len(entries)-1].ID, 10)
	}
	a.Render(w, r, http.StatusOK, views.AdminLog(p))
}

func auditRow(e store.AuditRow) views.AuditRow {
	row := views.AuditRow{At: e.At, Who: e.StaffName, What: audit.EntityName(e.Entity), Label: e.Label,
		Action: audit.ActionText(e.Entity, e.Action)}
	switch {
	case e.Actor != "":
		row.Who = e.Actor
	case row.Who == "":
		row.Who = "Systemet"
	}
	if e.Exists {
		row.Link = auditLink(e)
	}
	for _, c := range e.Changes {
		row.Changes = append(row.Changes, views.AuditChange{Field: audit.FieldLabel(c.Field), Old: c.Old, New: c.New})
	}
	return row
}

// auditLink is the staff page of the thing an entry is about.
func auditLink(e store.AuditRow) string {
	id := strconv.FormatInt(e.EntityID, 10)
	switch e.Entity {
	case "course":
		return "/admin/kurser/" + id
	case "course_date":
		return "/admin/datoer/" + id
	case "participant":
		return "/admin/datoer/" + strconv.FormatInt(e.DateID, 10)
	case "booking":
		return "/admin/soeg?q=" + url.QueryEscape(e.BookingRef)
	case "inquiry":
		return "/admin/henvendelser/" + id
	case "venue":
		return "/admin/steder/" + id
	case "consultant":
		return "/admin/konsulenter/" + id
	case "topic":
		return "/admin/emner/" + id
	case "bundle_offer":
		return "/admin/pakker/" + id
	case "programme":
		return "/admin/forloeb/" + id
	case "staff_user":
		return "/admin/brugere/" + id
	}
	return ""
}
