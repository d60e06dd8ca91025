package admin

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/catalog"
	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

// exportParticipants sends a date's participants as CSV for Danish Excel
// (writeExcelCSV): EAN, CVR and phone numbers kept as text, prices as
// numbers, dates as 03.03.2027.
func (a *adminArea) exportParticipants(w http.ResponseWriter, r *http.Request) {
	d, people, ok := a.dateAndPeople(w, r)
	if !ok {
		return
	}
	header := []string{"Status", "Nr. på venteliste", "Navn", "E-mail", "Stilling", "Organisation", "Afdeling",
		"Kost", "Hensyn", "Stedfortræder for", "Tilmelding", "Tilmeldt", "Pris ekskl. moms", "Bestiller",
		"Bestillers e-mail", "Bestillers telefon", "EAN-nummer", "CVR-nummer", "Reference", "Afmeldt", "Begrundelse"}
	rows := make([][]string, 0, len(people))
	for _, p := range people {
		pos, cancelled := "", ""
		if p.WaitlistPos > 0 {
			pos = strconv.Itoa(p.WaitlistPos)
		}
		if p.CancelledAt != nil {
			cancelled = catalog.FormatDate(*p.CancelledAt)
		}
		typed := []string{p.Name, p.Email, p.JobTitle, p.OrgName, p.Department, p.Diet, p.Accessibility, p.SubstituteFor}
		for i := range typed {
			typed[i] = spreadsheetSafe(typed[i])
		}
		row := append([]string{statusWord(p.Status), pos}, typed...)
		row = append(row, p.Ref, catalog.FormatDate(p.CreatedAt), decimal(p.PriceOre), spreadsheetSafe(p.BookerName),
			spreadsheetSafe(p.BookerEmail), excelText(p.BookerPhone), excelText(p.EAN), excelText(p.CVR),
			spreadsheetSafe(p.Reference), cancelled, spreadsheetSafe(p.CancelReason))
		rows = append(rows, row)
	}
	name := "deltagere-" + d.CourseSlug + "-" + d.StartsAt.In(catalog.Copenhagen).Format("2006-01-02") + ".csv"
	a.writeExcelCSV(w, r, name, header, rows)
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
	id, err := strconv.ParseInt(chi.URLParam(r, "id"), 10, 64)
	if err != nil {
		a.notFound(w, r)
		return booking.DateOverview{}, nil, false
	}
	d, err := a.store.DateOverviewByID(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		a.notFound(w, r)
		return d, nil, false
	} else if err != nil {
		a.ServerError(w, r, err)
		return d, nil, false
	}
	people, err := a.store.DateParticipants(r.Context(), id)
	if err != nil {
		a.ServerError(w, r, err)
		return d, nil, false
	}
	return d, people, true
}
