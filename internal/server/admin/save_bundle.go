package admin

import (
	"errors"
	"net/http"
	"strconv"
	"time"

	"kursuskatalog/internal/catalog"
	"kursuskatalog/internal/server/respond"
	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

// createBundle adds an offer (POST /pakker/ny).
func (a *adminArea) createBundle(w http.ResponseWriter, r *http.Request) { a.writeBundle(w, r, 0) }

// saveBundle saves an offer (POST /pakker/{id}).
func (a *adminArea) saveBundle(w http.ResponseWriter, r *http.Request) {
	id, ok := idParam(r)
	if !ok {
		a.notFound(w, r)
		return
	}
	a.writeBundle(w, r, id)
}

// parseDayField reads a calendar day: "2027-01-25" (a date input) or
// "25.01.2027" (typed where the browser has no date picker).
func parseDayField(s string) (time.Time, bool) {
	for _, layout := range []string{"2006-01-02", "02.01.2006", "2.1.2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

func (a *adminArea) writeBundle(w http.ResponseWriter, r *http.Request, id int64) {
	if !respond.ParseForm(w, r) {
		return
	}
	courses, err := a.store.CourseChoices(r.Context())
	if err != nil {
		a.ServerError(w, r, err)
		return
	}
	t, offer, sum, errs := readBundleForm(r, id, courses)
	version := postedVersion(r)
	title := "Opret pakketilbud"
	if id != 0 {
		title = "Ret pakketilbud"
	}
	if errs.Any() {
		a.renderEditor(w, r, http.StatusUnprocessableEntity, title, bundleForm(t, id, version, courses, errs))
		return
	}
	if id == 0 {
		id, err = a.store.CreateBundle(r.Context(), staffOf(r).ID, offer, a.now())
	} else {
		err = a.store.UpdateBundle(r.Context(), staffOf(r).ID, offer, version, a.now())
	}
	switch {
	case errors.Is(err, store.ErrConflict):
		cur, lerr := a.store.BundleRowByID(r.Context(), id)
		if lerr != nil {
			a.ServerError(w, r, lerr)
			return
		}
		errs.Add("title", conflictMessage("Pakketilbuddet"))
		a.renderEditor(w, r, http.StatusUnprocessableEntity, title, bundleForm(t, id, cur.Version, courses, errs))
	case errors.Is(err, store.ErrNotFound):
		a.notFound(w, r)
	case errors.Is(err, store.ErrInUse):
		// A course was deleted between the form and the save.
		errs.Add("courses", "Et af kurserne findes ikke længere. Vælg igen.")
		a.renderEditor(w, r, http.StatusUnprocessableEntity, title, bundleForm(t, id, version, courses, errs))
	case err != nil:
		a.ServerError(w, r, err)
	default:
		a.flash(r, "Pakketilbuddet er gemt. Besparelse: "+catalog.FormatKroner(sum-offer.PriceOre)+".")
		http.Redirect(w, r, editorPath("/admin/pakker", id), http.StatusSeeOther)
	}
}

// readBundleForm reads and checks the offer form of offer id: what was
// typed, the offer, the sum of its courses' prices, and the messages.
func readBundleForm(r *http.Request, id int64, courses []store.CourseChoice) (bundleTyped, catalog.BundleOffer, int64, views.FormErrors) {
	t := bundleTyped{Title: postedText(r, "title"), Description: postedText(r, "description"), Price: postedText(r, "price"),
		LastDay: postedText(r, "last_day")}
	var errs views.FormErrors
	requireEditorText(&errs, "title", t.Title, "Skriv tilbuddets titel", 200)
	maxEditorText(&errs, "description", t.Description, 2000)
	price, priceOK := catalog.ParseKroner(t.Price)
	if t.Price == "" {
		errs.Add("price", "Skriv pakkeprisen i kroner")
	} else if !priceOK {
		errs.Add("price", "Skriv prisen i hele kroner, fx 9995 eller 9.995,50")
	}
	lastDay, dayOK := parseDayField(t.LastDay)
	if t.LastDay == "" {
		errs.Add("last_day", "Skriv tilbuddets sidste dag")
	} else if !dayOK {
		errs.Add("last_day", "Skriv datoen som 25.01.2027")
	}
	offer := catalog.BundleOffer{ID: id, Title: t.Title, Description: t.Description, PriceOre: price, LastDay: lastDay}
	var sum int64
	seen := map[int64]bool{}
	for _, v := range r.PostForm["course"] {
		cid, _ := strconv.ParseInt(v, 10, 64)
		for _, c := range courses {
			if c.ID == cid && !seen[cid] {
				seen[cid] = true
				t.Courses = append(t.Courses, cid)
				offer.Courses = append(offer.Courses, catalog.BundleCourse{CourseID: cid})
				sum += c.PriceOre
			}
		}
	}
	if len(t.Courses) < 2 {
		errs.Add("courses", "Vælg mindst to kurser")
	} else if priceOK && price >= sum {
		errs.Add("price", "Pakkeprisen skal være lavere end kursernes samlede pris, "+catalog.FormatKroner(sum))
	}
	return t, offer, sum, errs
}
