package admin

import (
	"errors"
	"net/http"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/catalog"
	"kursuskatalog/internal/sheet"
	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

// exportParticipants sends a date's participants as CSV for Danish Excel
// (internal/sheet): EAN, CVR and phone numbers kept as text, prices as
// numbers.
func (a *adminArea) exportParticipants(w http.ResponseWriter, r *http.Request) {
	d, people, ok := a.dateAndPeople(w, r)
	if !ok {
		return
	}
	f := sheet.New()
	f.Texts("Status", "Nr. på venteliste", "Navn", "E-mail", "Stilling", "Organisation", "Afdeling",
		"Kost", "Hensyn", "Stedfortræder for", "Tilmelding", "Tilmeldt", "Pris ekskl. moms", "Bestiller",
		"Bestillers e-mail", "Bestillers telefon", "EAN-nummer", "CVR-nummer", "Reference", "Afmeldt", "Begrundelse")
	for _, p := range people {
		pos, cancelled := sheet.Text(""), sheet.Text("")
		if p.WaitlistPos > 0 {
			pos = sheet.Number(p.WaitlistPos)
		}
		if p.CancelledAt != nil {
			cancelled = sheet.Date(p.CancelledAt.In(catalog.Copenhagen))
		}
		row := append([]sheet.Cell{sheet.Text(statusWord(p.Status)), pos}, sheet.Texts(p.Name, p.Email, p.JobTitle, p.OrgName,
			p.Department, p.Diet, p.Accessibility, p.SubstituteFor, p.Ref)...)
		row = append(row, sheet.Date(p.CreatedAt.In(catalog.Copenhagen)), sheet.Decimal(p.PriceOre, 2))
		row = append(row, sheet.Texts(p.BookerName, p.BookerEmail, p.BookerPhone, p.EAN, p.CVR, p.Reference)...)
		f.Row(append(row, cancelled, sheet.Text(p.CancelReason))...)
	}
	name := "deltagere-" + d.CourseSlug + "-" + d.StartsAt.In(catalog.Copenhagen).Format("2006-01-02") + ".csv"
	sendCSV(w, r, a, f, name)
}

func statusWord(status string) string {
	switch status {
	case booking.StatusConfirmed:
		return "Bekræftet"
	case booking.StatusWaitlisted:
		return "Venteliste"
	default:
		return "Afmeldt"
	}
}

// printParticipants shows the confirmed participants as a list to print.
func (a *adminArea) printParticipants(w http.ResponseWriter, r *http.Request) {
	d, people, ok := a.dateAndPeople(w, r)
	if !ok {
		return
	}
	var rows []booking.DateParticipant
	for _, p := range people {
		if p.Status == booking.StatusConfirmed {
			rows = append(rows, p)
		}
	}
	a.Render(w, r, http.StatusOK, views.AdminPrintList(a.adminPage(r, "Deltagerliste "+d.CourseTitle), d, rows))
}

func (a *adminArea) dateAndPeople(w http.ResponseWriter, r *http.Request) (booking.DateOverview, []booking.DateParticipant, bool) {
	d, ok := a.dateOf(w, r)
	if !ok {
		return d, nil, false
	}
	people, err := a.store.DateParticipants(r.Context(), d.ID)
	if err != nil {
		a.ServerError(w, r, err)
		return d, nil, false
	}
	return d, people, true
}

// dateOf is the date the URL's {id} names, or false with the answer given
// (404 for none).
func (a *adminArea) dateOf(w http.ResponseWriter, r *http.Request) (booking.DateOverview, bool) {
	id, ok := idParam(r)
	if !ok {
		a.notFound(w, r)
		return booking.DateOverview{}, false
	}
	d, err := a.store.DateOverviewByID(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		a.notFound(w, r)
		return d, false
	} else if err != nil {
		a.ServerError(w, r, err)
		return d, false
	}
	return d, true
}
