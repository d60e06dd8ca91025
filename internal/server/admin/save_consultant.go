package admin

import (
	"errors"
	"net/http"
	"net/mail"

	"kursuskatalog/internal/catalog"
	"kursuskatalog/internal/server/respond"
	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

// createConsultant adds a consultant (POST /konsulenter/ny).
func (a *adminArea) createConsultant(w http.ResponseWriter, r *http.Request) {
	a.writeConsultant(w, r, 0)
}

// saveConsultant saves a consultant (POST /konsulenter/{id}).
func (a *adminArea) saveConsultant(w http.ResponseWriter, r *http.Request) {
	id, ok := idParam(r)
	if !ok {
		a.notFound(w, r)
		return
	}
	a.writeConsultant(w, r, id)
}

// plainEmail accepts a bare address ("navn@cok.dk"), nothing more.
func plainEmail(s string) bool {
	a, err := mail.ParseAddress(s)
	return err == nil && a.Address == s && a.Name == ""
}

func (a *adminArea) writeConsultant(w http.ResponseWriter, r *http.Request, id int64) {
	if !respond.ParseForm(w, r) {
		return
	}
	c := catalog.Consultant{ID: id, Name: postedText(r, "name"), JobTitle: postedText(r, "job_title"), Phone: postedText(r, "phone"),
		Email: postedText(r, "email")}
	version := postedVersion(r)
	var errs views.FormErrors
	requireEditorText(&errs, "name", c.Name, "Skriv konsulentens navn", 200)
	lineEditorText(&errs, "job_title", c.JobTitle, 200)
	lineEditorText(&errs, "phone", c.Phone, 40)
	if c.Email == "" {
		errs.Add("email", "Skriv konsulentens e-mail")
	} else if !plainEmail(c.Email) || len(c.Email) > 254 {
		errs.Add("email", "Skriv en e-mailadresse som navn@cok.dk")
	}
	title := "Opret konsulent"
	if id != 0 {
		title = "Ret konsulent"
	}
	if errs.Any() {
		a.renderEditor(w, r, http.StatusUnprocessableEntity, title, consultantForm(c, version, errs))
		return
	}
	var err error
	if id == 0 {
		id, err = a.store.CreateConsultant(r.Context(), staffOf(r).ID, c, a.now())
	} else {
		err = a.store.UpdateConsultant(r.Context(), staffOf(r).ID, c, version, a.now())
	}
	switch {
	case errors.Is(err, store.ErrDuplicate):
		errs.Add("email", "Der findes allerede en konsulent med den e-mail")
		a.renderEditor(w, r, http.StatusUnprocessableEntity, title, consultantForm(c, version, errs))
	case errors.Is(err, store.ErrConflict):
		cur, lerr := a.store.ConsultantRowByID(r.Context(), id)
		if lerr != nil {
			a.ServerError(w, r, lerr)
			return
		}
		errs.Add("name", conflictMessage("Konsulenten"))
		a.renderEditor(w, r, http.StatusUnprocessableEntity, title, consultantForm(c, cur.Version, errs))
	case errors.Is(err, store.ErrNotFound):
		a.notFound(w, r)
	case err != nil:
		a.ServerError(w, r, err)
	default:
		a.flash(r, "Konsulenten er gemt.")
		http.Redirect(w, r, "/admin/konsulenter", http.StatusSeeOther)
	}
}
