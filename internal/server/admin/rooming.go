package admin

import (
	"net/http"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/catalog"
	"kursuskatalog/internal/sheet"
	"kursuskatalog/web/views"
)

// showRooming shows a date's rooming and diet list for the venue, made
// to print.
func (a *adminArea) showRooming(w http.ResponseWriter, r *http.Request) {
	d, rows, ok := a.dateStays(w, r)
	if !ok {
		return
	}
	p := views.RoomingProps{Page: a.adminPage(r, "Værelser og kost "+d.CourseTitle+" "+views.ShortDate(d.StartsAt)),
		Date: d, Rows: rows, Totals: booking.TotalStays(rows)}
	a.Render(w, r, http.StatusOK, views.AdminRooming(p))
}

// exportRooming sends the rooming and diet list as CSV for Danish Excel.
func (a *adminArea) exportRooming(w http.ResponseWriter, r *http.Request) {
	d, rows, ok := a.dateStays(w, r)
	if !ok {
		return
	}
	f := sheet.New()
	f.Texts("Navn", "Organisation", "Overnatning", "Ankomst aftenen før", "Allergier", "Kost i øvrigt", "Tilgængelighed", "Andre behov")
	for _, x := range rows {
		needs := ""
		if x.Stay != nil {
			needs = x.Stay.Needs
		}
		f.Texts(x.Name, x.OrgName, views.StayYesNo(x.Stay, false), views.StayYesNo(x.Stay, true), views.AllergenNames(x.Stay),
			x.Diet, x.Accessibility, needs)
	}
	sendCSV(w, r, a, f, "vaerelser-og-kost-"+d.CourseSlug+"-"+d.StartsAt.In(catalog.Copenhagen).Format("2006-01-02")+".csv")
}

func (a *adminArea) dateStays(w http.ResponseWriter, r *http.Request) (booking.DateOverview, []booking.StayRow, bool) {
	d, ok := a.dateOf(w, r)
	if !ok {
		return d, nil, false
	}
	rows, err := a.store.DateStays(r.Context(), d.ID)
	if err != nil {
		a.ServerError(w, r, err)
		return d, nil, false
	}
	return d, rows, true
}

// sendCSV sends a finished file as a download.
func sendCSV(w http.ResponseWriter, r *http.Request, a *adminArea, f *sheet.Writer, name string) {
	b, err := f.Bytes()
	if err != nil {
		a.ServerError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	w.Write(b)
}
