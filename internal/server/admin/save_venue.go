package admin

import (
	"errors"
	"net/http"
	"regexp"

	"kursuskatalog/internal/catalog"
	"kursuskatalog/internal/server/respond"
	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

var venuePostcodeRE = regexp.MustCompile(`^[0-9]{4}$`)

// createVenue adds a venue (POST /steder/ny).
func (a *adminArea) createVenue(w http.ResponseWriter, r *http.Request) { a.writeVenue(w, r, 0) }

// saveVenue saves a venue (POST /steder/{id}).
func (a *adminArea) saveVenue(w http.ResponseWriter, r *http.Request) {
	id, ok := idParam(r)
	if !ok {
		a.notFound(w, r)
		return
	}
	a.writeVenue(w, r, id)
}

// writeVenue validates the posted venue and creates it (id 0) or saves it
// over the version the form was opened with.
func (a *adminArea) writeVenue(w http.ResponseWriter, r *http.Request, id int64) {
	if !respond.ParseForm(w, r) {
		return
	}
	v := catalog.Venue{ID: id, Name: postedText(r, "name"), Street: postedText(r, "street"), Postcode: postedText(r, "postcode"),
		City: postedText(r, "city"), Region: postedText(r, "region"), ArrivalNote: postedText(r, "arrival_note")}
	version := postedVersion(r)
	var errs views.FormErrors
	requireEditorText(&errs, "name", v.Name, "Skriv stedets navn", 200)
	lineEditorText(&errs, "street", v.Street, 200)
	if !venuePostcodeRE.MatchString(v.Postcode) {
		errs.Add("postcode", "Skriv et postnummer med 4 cifre, fx 5210")
	}
	requireEditorText(&errs, "city", v.City, "Skriv byen", 100)
	if catalog.RegionName(v.Region) == v.Region {
		errs.Add("region", "Vælg en region")
	}
	maxEditorText(&errs, "arrival_note", v.ArrivalNote, 1000)
	title := "Opret sted"
	if id != 0 {
		title = "Ret sted"
	}
	if errs.Any() {
		a.renderEditor(w, r, http.StatusUnprocessableEntity, title, venueForm(v, version, errs))
		return
	}
	var err error
	if id == 0 {
		id, err = a.store.CreateVenue(r.Context(), staffOf(r).ID, v, a.now())
	} else {
		err = a.store.UpdateVenue(r.Context(), staffOf(r).ID, v, version, a.now())
	}
	switch {
	case errors.Is(err, store.ErrDuplicate):
		errs.Add("name", "Der findes allerede et sted med det navn i postnummeret")
		a.renderEditor(w, r, http.StatusUnprocessableEntity, title, venueForm(v, version, errs))
	case errors.Is(err, store.ErrConflict):
		cur, lerr := a.store.VenueRowByID(r.Context(), id)
		if lerr != nil {
			a.ServerError(w, r, lerr)
			return
		}
		errs.Add("name", conflictMessage("Stedet"))
		a.renderEditor(w, r, http.StatusUnprocessableEntity, title, venueForm(v, cur.Version, errs))
	case errors.Is(err, store.ErrNotFound):
		a.notFound(w, r)
	case err != nil:
		a.ServerError(w, r, err)
	default:
		a.flash(r, "Stedet er gemt.")
		http.Redirect(w, r, "/admin/steder", http.StatusSeeOther)
	}
}
