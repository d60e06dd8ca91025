package admin

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"kursuskatalog/internal/store"
)

// deleteCourse deletes a course that nothing depends on; otherwise the
// editor says what holds it.
func (a *adminArea) deleteCourse(w http.ResponseWriter, r *http.Request) {
	id, ok := a.postedID(w, r)
	if !ok {
		return
	}
	version, _ := strconv.Atoi(r.PostForm.Get("version"))
	err := a.store.DeleteCourse(r.Context(), id, version, staffOf(r).ID, a.now())
	var inUse *store.CourseInUseError
	switch {
	case errors.As(err, &inUse):
		a.refuseCourse(w, r, id, "slet", inUseMessage(inUse))
	case errors.Is(err, store.ErrConflict):
		a.refuseCourse(w, r, id, "slet", "Kurset er ændret af en anden siden du åbnede det. Se ændringerne, før du sletter det.")
	case errors.Is(err, store.ErrNotFound):
		a.notFound(w, r)
	case err != nil:
		a.ServerError(w, r, err)
	default:
		a.flash(r, "Kurset er slettet.")
		http.Redirect(w, r, "/admin/kurser", http.StatusSeeOther)
	}
}

// inUseMessage says in Danish why a course cannot be deleted.
func inUseMessage(e *store.CourseInUseError) string {
	var why []string
	if e.Participants == 1 {
		why = append(why, "1 deltager er tilmeldt (eller har været tilmeldt) en af dets datoer")
	} else if e.Participants > 1 {
		why = append(why, strconv.Itoa(e.Participants)+" deltagere er tilmeldt (eller har været tilmeldt) dets datoer")
	}
	if len(e.Programmes) > 0 {
		why = append(why, "det er modul i forløbet "+strings.Join(e.Programmes, ", "))
	}
	if len(e.Bundles) > 0 {
		why = append(why, "det indgår i pakkeprisen "+strings.Join(e.Bundles, ", "))
	}
	return "Kurset kan ikke slettes, fordi " + strings.Join(why, ", og ") + ". Gør det i stedet til en kladde, så er det ikke synligt."
}

// refuseCourse shows the editor with the saved values and one message
// (status 422), for the actions beside the form.
func (a *adminArea) refuseCourse(w http.ResponseWriter, r *http.Request, id int64, field, msg string) {
	c, err := a.store.CourseForEdit(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		a.notFound(w, r)
		return
	} else if err != nil {
		a.ServerError(w, r, err)
		return
	}
	f := courseFormOf(c)
	f.Errors.Add(field, msg)
	a.renderCourseForm(w, r, http.StatusUnprocessableEntity, f)
}
