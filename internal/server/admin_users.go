package server

import (
	"net/http"

	"kursuskatalog/internal/auth"
	"kursuskatalog/web/views"
)

// listStaffUsers shows who has access (administrators only).
func (a *adminArea) listStaffUsers(w http.ResponseWriter, r *http.Request) {
	users, err := a.store.StaffUsers(r.Context())
	if err != nil {
		a.serverError(w, r, err)
		return
	}
	rows := make([]views.StaffUserRow, len(users))
	for i, u := range users {
		rows[i] = views.StaffUserRow{Email: u.Email, Name: u.Name, Role: auth.RoleLabel(u.Role), Disabled: u.Disabled, CreatedAt: u.CreatedAt}
	}
	a.render(w, r, http.StatusOK, views.AdminStaffUsers(a.adminPage(r, "Brugere"), rows))
}
