package admin

import (
	"errors"
	"net/http"

	"kursuskatalog/internal/auth"
	"kursuskatalog/internal/server/respond"
	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

// createStaffUser adds a staff user with an initial password, hashed with
// argon2id (administrators only).
func (a *adminArea) createStaffUser(w http.ResponseWriter, r *http.Request) {
	if !respond.ParseForm(w, r) {
		return
	}
	u := store.StaffUser{Email: postedText(r, "email"), Name: postedText(r, "name"), Role: r.PostForm.Get("role")}
	password := r.PostForm.Get("password")
	var errs views.FormErrors
	if u.Email == "" {
		errs.Add("email", "Skriv brugerens e-mail")
	} else if !plainEmail(u.Email) || len(u.Email) > 254 {
		errs.Add("email", "Skriv en e-mailadresse som navn@cok.dk")
	}
	requireEditorText(&errs, "name", u.Name, "Skriv brugerens navn", 200)
	if !auth.ValidRole(u.Role) {
		errs.Add("role", "Vælg en rolle")
	}
	if password == "" {
		errs.Add("password", "Skriv en første adgangskode")
	} else {
		errs.Add("password", auth.WeakPassword(password, u.Email, u.Name))
	}
	if !errs.Any() {
		var err error
		if u.PasswordHash, err = a.hasher.Hash(r.Context(), password); err != nil {
			a.ServerError(w, r, err)
			return
		}
	}
	if errs.Any() {
		a.renderEditor(w, r, http.StatusUnprocessableEntity, "Opret bruger", newStaffUserForm(u, errs))
		return
	}
	_, err := a.store.AddStaffUser(r.Context(), staffOf(r).ID, u, a.now())
	if errors.Is(err, store.ErrStaffExists) {
		errs.Add("email", "Der findes allerede en bruger med den e-mail")
		a.renderEditor(w, r, http.StatusUnprocessableEntity, "Opret bruger", newStaffUserForm(u, errs))
		return
	} else if err != nil {
		a.ServerError(w, r, err)
		return
	}
	a.flash(r, "Brugeren er oprettet.")
	http.Redirect(w, r, "/admin/brugere", http.StatusSeeOther)
}

// saveStaffUser changes a staff user's name, role or access. Administrators
// cannot demote or disable themselves, so that the staff area never loses
// its last administrator by a slip.
func (a *adminArea) saveStaffUser(w http.ResponseWriter, r *http.Request) {
	id, ok := a.postedID(w, r)
	if !ok {
		return
	}
	cur, err := a.store.StaffUserRowByID(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		a.notFound(w, r)
		return
	} else if err != nil {
		a.ServerError(w, r, err)
		return
	}
	u, errs := readStaffUserForm(r, id, staffOf(r).ID)
	version := postedVersion(r)
	typed := cur
	typed.Name, typed.Role, typed.Disabled, typed.Version = u.Name, u.Role, u.Disabled, version
	if errs.Any() {
		a.renderEditor(w, r, http.StatusUnprocessableEntity, "Ret bruger", staffUserForm(typed, errs))
		return
	}
	err = a.store.UpdateStaffUser(r.Context(), staffOf(r).ID, u, version, a.now())
	switch {
	case errors.Is(err, store.ErrConflict):
		now, lerr := a.store.StaffUserRowByID(r.Context(), id)
		if lerr != nil {
			a.ServerError(w, r, lerr)
			return
		}
		typed.Version = now.Version
		errs.Add("name", conflictMessage("Brugeren"))
		a.renderEditor(w, r, http.StatusUnprocessableEntity, "Ret bruger", staffUserForm(typed, errs))
	case errors.Is(err, store.ErrNotFound):
		a.notFound(w, r)
	case err != nil:
		a.ServerError(w, r, err)
	default:
		msg := "Brugeren er gemt."
		if u.Disabled && !cur.Disabled {
			msg = "Brugeren er spærret og logget ud."
		}
		a.flash(r, msg)
		http.Redirect(w, r, "/admin/brugere", http.StatusSeeOther)
	}
}

// readStaffUserForm reads and checks the form of staff user id, saved by
// staff user me.
func readStaffUserForm(r *http.Request, id, me int64) (store.StaffUserUpdate, views.FormErrors) {
	state := r.PostForm.Get("state")
	u := store.StaffUserUpdate{ID: id, Name: postedText(r, "name"), Role: r.PostForm.Get("role"), Disabled: state == "disabled"}
	var errs views.FormErrors
	requireEditorText(&errs, "name", u.Name, "Skriv brugerens navn", 200)
	if !auth.ValidRole(u.Role) {
		errs.Add("role", "Vælg en rolle")
	} else if id == me && u.Role != auth.RoleAdmin {
		errs.Add("role", "Du kan ikke fjerne din egen administratorrolle. Bed en anden administrator om det.")
	}
	if state != "active" && state != "disabled" {
		errs.Add("state", "Vælg aktiv eller spærret")
	} else if id == me && u.Disabled {
		errs.Add("state", "Du kan ikke spærre dig selv")
	}
	return u, errs
}
