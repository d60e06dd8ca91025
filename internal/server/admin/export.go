package admin

import (
	"bytes"
	"encoding/csv"
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/go-chi/chi/v5"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/catalog"
	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

// exportParticipants sends a date's participants as CSV made for Danish
// Excel: UTF-8 with a byte-order mark (else Excel reads it as Windows-1252),
// semicolons (the list separator where the decimal mark is a comma) and
// dates as 03.03.2027.
func (a *adminArea) exportParticipants(w http.ResponseWriter, r *http.Request) {
	d, people, ok := a.dateAndPeople(w, r)
	if !ok {
		return
	}
	var buf bytes.Buffer
	buf.WriteString("\uFEFF")
	cw := csv.NewWriter(&buf)
	cw.Comma = ';'
	cw.UseCRLF = true
	cw.Write([]string{"Status", "Nr. på venteliste", "Navn", "E-mail", "Stilling", "Organisation", "Afdeling",
		"Kost", "Hensyn", "Stedfortræder for", "Tilmelding", "Tilmeldt", "Bestiller", "Bestillers e-mail",
		"EAN-nummer", "CVR-nummer", "Reference", "Afmeldt", "Begrundelse"})
	for _, p := range people {
		pos, cancelled := "", ""
		if p.WaitlistPos > 0 {
			pos = strconv.Itoa(p.WaitlistPos)
		}
		if p.CancelledAt != nil {
			cancelled = catalog.FormatDate(*p.CancelledAt)
		}
		row := []string{statusWord(p.Status), pos, p.Name, p.Email, p.JobTitle, p.OrgName, p.Department,
			p.Diet, p.Accessibility, p.SubstituteFor, p.Ref, catalog.FormatDate(p.CreatedAt), p.BookerName, p.BookerEmail,
			p.EAN, p.CVR, p.Reference, cancelled, p.CancelReason}
		for i := range row {
			row[i] = spreadsheetSafe(row[i])
		}
		cw.Write(row)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		a.ServerError(w, r, err)
		return
	}
	name := "deltagere-" + d.CourseSlug + "-" + d.StartsAt.In(catalog.Copenhagen).Format("2006-01-02") + ".csv"
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	w.Write(buf.Bytes())
}

// spreadsheetSafe keeps a typed value from being run as a formula when the
// file is opened (CSV injection): such cells start with a quote.
func spreadsheetSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
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
