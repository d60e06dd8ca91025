package admin

import (
	"errors"
	"io"
	"net/http"
	"unicode/utf8"

	"kursuskatalog/internal/catalog"
	"kursuskatalog/internal/images"
	"kursuskatalog/internal/server/forms"
	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

// showAdminCourseImage is the course editor's picture page.
func (a *adminArea) showAdminCourseImage(w http.ResponseWriter, r *http.Request) {
	id, ok := idParam(r)
	if !ok {
		a.notFound(w, r)
		return
	}
	a.renderCourseImage(w, r, http.StatusOK, id, "", views.FormErrors{}, true)
}

// renderCourseImage shows the picture page; keepAlt takes the alt text
// from the saved picture rather than from what was typed.
func (a *adminArea) renderCourseImage(w http.ResponseWriter, r *http.Request, status int, id int64, alt string, errs views.FormErrors, keepAlt bool) {
	c, err := a.store.CourseForEdit(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		a.notFound(w, r)
		return
	} else if err != nil {
		a.ServerError(w, r, err)
		return
	}
	im, err := a.store.CourseImage(r.Context(), id)
	if err != nil {
		a.ServerError(w, r, err)
		return
	}
	if keepAlt && im != nil {
		alt = im.Alt
	}
	p := a.adminPage(r, "Billede: "+c.Title)
	if errs.Any() {
		p.Title = "Fejl: " + p.Title
	}
	a.Render(w, r, status, views.AdminCourseImage(views.CourseImageProps{Page: p, CourseID: id, Title: c.Title, Image: im, Alt: alt, Errors: errs}))
}

// saveAdminCourseImage stores an uploaded picture in every size, or only a
// new alt text when no file is chosen and the course has a picture.
func (a *adminArea) saveAdminCourseImage(w http.ResponseWriter, r *http.Request) {
	id, ok := idParam(r)
	if !ok {
		a.notFound(w, r)
		return
	}
	var errs views.FormErrors
	if err := r.ParseMultipartForm(2 << 20); err != nil {
		errs.Add("billede", images.ErrTooLarge.Error())
		a.renderCourseImage(w, r, http.StatusUnprocessableEntity, id, "", errs, false)
		return
	}
	alt := forms.Clip(r.PostFormValue("alt"), 1000)
	if alt == "" {
		errs.Add("alt", "Skriv, hvad billedet viser (alternativ tekst)")
	} else if utf8.RuneCountInString(alt) > 250 {
		errs.Add("alt", "Den alternative tekst må højst være 250 tegn")
	}
	upload, err := readUpload(r)
	if err != nil {
		a.ServerError(w, r, err)
		return
	}
	var sizes []catalog.ImageSize
	var hash string
	if upload != nil {
		if sizes, hash, err = images.Make(upload); err != nil {
			errs.Add("billede", err.Error())
		}
	}
	if errs.Any() {
		a.renderCourseImage(w, r, http.StatusUnprocessableEntity, id, alt, errs, false)
		return
	}
	staff := staffOf(r).ID
	switch {
	case upload != nil:
		err = a.store.SaveCourseImage(r.Context(), id, alt, hash, sizes, staff, a.now())
	default:
		err = a.store.SaveCourseImageAlt(r.Context(), id, alt, staff, a.now())
	}
	if errors.Is(err, store.ErrNotFound) && upload == nil {
		errs.Add("billede", "Vælg et billede")
		a.renderCourseImage(w, r, http.StatusUnprocessableEntity, id, alt, errs, false)
		return
	} else if err != nil {
		a.ServerError(w, r, err)
		return
	}
	a.flash(r, "Billedet er gemt.")
	http.Redirect(w, r, "/admin/kurser/"+views.FormatID(id)+"/billede", http.StatusSeeOther)
}

// readUpload returns the chosen file's bytes, nil when none was chosen.
func readUpload(r *http.Request) ([]byte, error) {
	f, h, err := r.FormFile("billede")
	if errors.Is(err, http.ErrMissingFile) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	defer f.Close()
	if h.Size == 0 {
		return nil, nil
	}
	return io.ReadAll(io.LimitReader(f, images.MaxBytes+1))
}

// deleteAdminCourseImage removes a course's picture.
func (a *adminArea) deleteAdminCourseImage(w http.ResponseWriter, r *http.Request) {
	id, ok := idParam(r)
	if !ok {
		a.notFound(w, r)
		return
	}
	if err := a.store.DeleteCourseImage(r.Context(), id, staffOf(r).ID, a.now()); err != nil {
		a.ServerError(w, r, err)
		return
	}
	a.flash(r, "Billedet er fjernet.")
	http.Redirect(w, r, "/admin/kurser/"+views.FormatID(id)+"/billede", http.StatusSeeOther)
}
