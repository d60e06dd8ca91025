package admin

import (
	"errors"
	"net/http"
	"strconv"

	"kursuskatalog/internal/catalog"
	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

// listVenues lists the venues with how many dates each has.
func (a *adminArea) listVenues(w http.ResponseWriter, r *http.Request) {
	venues, err := a.store.VenueRows(r.Context())
	if err != nil {
		a.ServerError(w, r, err)
		return
	}
	p := views.EntityListProps{Page: a.adminPage(r, "Steder"), Heading: "Steder", NewURL: "/admin/steder/ny", NewLabel: "Opret sted",
		Caption: "Steder", Columns: []string{"Navn", "Adresse", "Region", "Datoer"}}
	for _, v := range venues {
		p.Rows = append(p.Rows, views.EntityRow{URL: editorPath("/admin/steder", v.ID),
			Cells: []string{v.Name, v.Address(), catalog.RegionName(v.Region), strconv.Itoa(v.Dates)}})
	}
	a.Render(w, r, http.StatusOK, views.AdminEntityList(p))
}

// newVenue shows the empty venue form.
func (a *adminArea) newVenue(w http.ResponseWriter, r *http.Request) {
	a.renderEditor(w, r, http.StatusOK, "Opret sted", venueForm(catalog.Venue{}, 0, views.FormErrors{}))
}

// editVenue shows a venue's form with its saved values.
func (a *adminArea) editVenue(w http.ResponseWriter, r *http.Request) {
	id, ok := idParam(r)
	if !ok {
		a.notFound(w, r)
		return
	}
	v, err := a.store.VenueRowByID(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		a.notFound(w, r)
		return
	} else if err != nil {
		a.ServerError(w, r, err)
		return
	}
	a.renderEditor(w, r, http.StatusOK, v.Name, venueForm(v.Venue, v.Version, views.FormErrors{}))
}

// venueForm is the venue form holding v (saved or typed).
func venueForm(v catalog.Venue, version int, errs views.FormErrors) views.EntityFormProps {
	p := views.EntityFormProps{Section: "Steder", SectionURL: "/admin/steder", Heading: "Opret sted",
		Action: "/admin/steder/ny", Version: version, Errors: errs, Submit: "Opret sted"}
	if v.ID != 0 {
		p.Heading, p.Action, p.Submit = "Ret sted: "+v.Name, editorPath("/admin/steder", v.ID), "Gem"
		p.DeleteURL, p.DeleteText = editorPath("/admin/steder", v.ID)+"/slet", "Slet stedet"
	}
	regions := []views.Option{{Value: "", Label: "Vælg region"}}
	for _, rg := range catalog.Regions {
		regions = append(regions, views.Option{Value: rg.Slug, Label: rg.Name})
	}
	p.Fields = []views.EntityField{
		editorTextField("name", "Navn", v.Name, errs, true, 200),
		editorTextField("street", "Adresse", v.Street, errs, false, 200),
		editorTextField("postcode", "Postnummer", v.Postcode, errs, true, 4),
		editorTextField("city", "By", v.City, errs, true, 100),
		{Field: views.Field{ID: "region", Name: "region", Label: "Region", Value: v.Region, Required: true, Error: errs.Get("region")}, Options: regions},
		{Field: views.Field{ID: "arrival_note", Name: "arrival_note", Label: "Ankomst og parkering", Value: v.ArrivalNote,
			Type: "textarea", MaxLength: 1000, Error: errs.Get("arrival_note"),
			Hint: "Står i den praktiske information før kurset, f.eks. parkering, offentlig transport og hvor man melder sig."}},
	}
	p.Fields[2].InputMode = "numeric"
	return p
}
