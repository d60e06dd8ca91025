package admin

import (
	"errors"
	"net/http"

	"kursuskatalog/internal/server/respond"
	"kursuskatalog/internal/store"
)

// createProgramme adds a programme (POST /forloeb/ny).
func (a *adminArea) createProgramme(w http.ResponseWriter, r *http.Request) {
	a.writeProgramme(w, r, 0)
}

// saveProgramme saves a programme with its modules (POST /forloeb/{id}).
func (a *adminArea) saveProgramme(w http.ResponseWriter, r *http.Request) {
	id, ok := idParam(r)
	if !ok {
		a.notFound(w, r)
		return
	}
	a.writeProgramme(w, r, id)
}

func (a *adminArea) writeProgramme(w http.ResponseWriter, r *http.Request, id int64) {
	if !respond.ParseForm(w, r) {
		return
	}
	courses, err := a.store.CourseChoices(r.Context())
	if err != nil {
		a.ServerError(w, r, err)
		return
	}
	consultants, err := a.store.ConsultantOptions(r.Context())
	if err != nil {
		a.ServerError(w, r, err)
		return
	}
	f := readProgrammeForm(r, id, courses, consultants)
	version := postedVersion(r)
	title := "Opret forløb"
	if id != 0 {
		title = "Ret forløb"
	}
	if f.errs.Any() {
		a.showProgrammeForm(w, r, http.StatusUnprocessableEntity, title, f.typed, id, version, f.errs)
		return
	}
	if id == 0 {
		id, err = a.store.CreateProgramme(r.Context(), staffOf(r).ID, f.programme, f.modules, a.now())
	} else {
		err = a.store.UpdateProgramme(r.Context(), staffOf(r).ID, f.programme, f.modules, version, a.now())
	}
	switch {
	case errors.Is(err, store.ErrDuplicate):
		f.errs.Add("slug", "Et andet forløb har allerede den adresse")
	case errors.Is(err, store.ErrConflict):
		cur, lerr := a.store.ProgrammeRowByID(r.Context(), id)
		if lerr != nil {
			a.ServerError(w, r, lerr)
			return
		}
		f.errs.Add("title", conflictMessage("Forløbet"))
		version = cur.Version
	case errors.Is(err, store.ErrInUse):
		f.errs.Add("new_course", "Et af kurserne findes ikke længere. Vælg igen.")
	case errors.Is(err, store.ErrNotFound):
		a.notFound(w, r)
		return
	case err != nil:
		a.ServerError(w, r, err)
		return
	default:
		a.flash(r, "Forløbet er gemt.")
		http.Redirect(w, r, editorPath("/admin/forloeb", id), http.StatusSeeOther)
		return
	}
	a.showProgrammeForm(w, r, http.StatusUnprocessableEntity, title, f.typed, id, version, f.errs)
}
