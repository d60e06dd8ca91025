package admin

import (
	"errors"
	"net/http"

	"kursuskatalog/internal/auth"
	"kursuskatalog/internal/catalog"
	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

// listStaffUsers shows who has access (administrators only).
func (a *adminArea) listStaffUsers(w http.ResponseWriter, r *http.Request) {
	users, err := a.store.StaffUsers(r.Context())
	if err != nil {
		a.ServerError(w, r, err)
		return
	}
	p := views.EntityListProps{Page: a.adminPage(r, "Brugere"), Heading: "Brugere", NewURL: "/admin/brugere/ny", NewLabel: "Opret bruger",
		Caption: "Medarbejdere med adgang", Columns: []string{"Navn", "E-mail", "Rolle", "Oprettet"}}
	for _, u := range users {
		name := u.Name
		if name == "" {
			name = u.Email
		}
		row := views.EntityRow{URL: editorPath("/admin/brugere", u.ID), Cells: []string{name, u.Email, auth.RoleLabel(u.Role), catalog.FormatDate(u.CreatedAt)}}
		if u.Disabled {
			row.Tag = "Spærret"
		}
		p.Rows = append(p.Rows, row)
	}
	a.Render(w, r, http.StatusOK, views.AdminEntityList(p))
}

// newStaffUser shows the form for a new staff user.
func (a *adminArea) newStaffUser(w http.ResponseWriter, r *http.Request) {
	a.renderEditor(w, r, http.StatusOK, "Opret bruger", newStaffUserForm(store.StaffUser{Role: auth.RoleEditor}, views.FormErrors{}))
}

// editStaffUser shows a staff user's name, role and state.
func (a *adminArea) editStaffUser(w http.ResponseWriter, r *http.Request) {
	id, ok := idParam(r)
	if !ok {
		a.notFound(w, r)
		return
	}
	u, err := a.store.StaffUserRowByID(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		a.notFound(w, r)
		return
	} else if err != nil {
		a.ServerError(w, r, err)
		return
	}
	a.renderEditor(w, r, http.StatusOK, u.Email, staffUserForm(u, views.FormErrors{}))
}

func roleOptions() []views.Option {
	return []views.Option{{Value: auth.RoleEditor, Label: auth.RoleLabel(auth.RoleEditor)}, {Value: auth.RoleAdmin, Label: auth.RoleLabel(auth.RoleAdmin)}}
}

// newStaffUserForm never holds a password: a refused form asks for it again.
func newStaffUserForm(u store.StaffUser, errs views.FormErrors) views.EntityFormProps {
	p := views.EntityFormProps{Section: "Brugere", SectionURL: "/admin/brugere", Heading: "Opret bruger",
		Action: "/admin/brugere/ny", Errors: errs, Submit: "Opret bruger"}
	p.Fields = []views.EntityField{
		editorTextField("email", "E-mail", u.Email, errs, true, 254),
		editorTextField("name", "Navn", u.Name, errs, true, 200),
		{Field: views.Field{ID: "role", Name: "role", Label: "Rolle", Value: u.Role, Required: true, Error: errs.Get("role"),
			Hint: "En redaktør arbejder med tilmeldinger, henvendelser, mails og fakturering; en administrator også med kurserne, kataloget og brugerne."}, Options: roleOptions()},
		editorTextField("password", "Første adgangskode", "", errs, true, 200),
	}
	p.Fields[0].Type, p.Fields[0].Autocomplete = "email", "off"
	p.Fields[3].Type, p.Fields[3].Autocomplete = "password", "new-password"
	p.Fields[3].Hint = "Mindst 12 tegn og svær at gætte, fx fire tilfældige ord. Giv den til brugeren ad en sikker vej."
	return p
}

func staffUserForm(u store.StaffUserRow, errs views.FormErrors) views.EntityFormProps {
	p := views.EntityFormProps{Section: "Brugere", SectionURL: "/admin/brugere", Heading: "Ret bruger: " + u.Email,
		Action: editorPath("/admin/brugere", u.ID), Version: u.Version, Errors: errs, Submit: "Gem"}
	state := "active"
	if u.Disabled {
		state = "disabled"
	}
	p.Fields = []views.EntityField{
		editorTextField("name", "Navn", u.Name, errs, true, 200),
		{Field: views.Field{ID: "role", Name: "role", Label: "Rolle", Value: u.Role, Required: true, Error: errs.Get("role")}, Options: roleOptions()},
		{Field: views.Field{ID: "state", Name: "state", Label: "Adgang", Value: state, Required: true, Error: errs.Get("state"),
			Hint: "En spærret bruger kan ikke logge ind og bliver logget ud med det samme."},
			Options: []views.Option{{Value: "active", Label: "Aktiv"}, {Value: "disabled", Label: "Spærret"}}},
	}
	return p
}
