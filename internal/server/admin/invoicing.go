package admin

import (
	"errors"
	"net/http"
	"strings"
	"time"

	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

// invoiceHorizon: the invoice goes out 3-4 weeks before the course, so the
// worklist holds bookings with a date starting within four weeks.
const invoiceHorizon = 28 * 24 * time.Hour

// showInvoicing lists the bookings to invoice now.
func (a *adminArea) showInvoicing(w http.ResponseWriter, r *http.Request) {
	a.renderInvoicing(w, r, http.StatusOK, views.AdminInvoicingProps{})
}

func (a *adminArea) renderInvoicing(w http.ResponseWriter, r *http.Request, status int, p views.AdminInvoicingProps) {
	p.Until = a.now().Add(invoiceHorizon)
	items, err := a.store.InvoiceWorklist(r.Context(), p.Until)
	if err != nil {
		a.ServerError(w, r, err)
		return
	}
	p.Items = items
	title := "Fakturering"
	if p.Errors.Any() {
		title = "Fejl: " + title
	}
	p.Page = a.adminPage(r, title)
	a.Render(w, r, status, views.AdminInvoicing(p))
}

// markInvoiced records the invoice number of a booking; it leaves the list.
func (a *adminArea) markInvoiced(w http.ResponseWriter, r *http.Request) {
	id, ok := a.postedID(w, r)
	if !ok {
		return
	}
	number := strings.TrimSpace(r.PostForm.Get("invoice_number"))
	p := views.AdminInvoicingProps{For: id, Number: number}
	field := views.ActionFieldID("invoice", id)
	switch {
	case number == "":
		p.Errors.Add(field, "Skriv fakturanummeret")
	case len(number) > 50:
		p.Errors.Add(field, "Fakturanummeret må højst have 50 tegn")
	}
	if p.Errors.Any() {
		a.renderInvoicing(w, r, http.StatusUnprocessableEntity, p)
		return
	}
	err := a.store.MarkInvoiced(r.Context(), id, staffOf(r).ID, number, a.now())
	switch {
	case errors.Is(err, store.ErrInvoiced):
		p.Errors.Add(field, "Tilmeldingen er allerede markeret som faktureret")
		a.renderInvoicing(w, r, http.StatusUnprocessableEntity, p)
	case errors.Is(err, store.ErrNotFound):
		a.notFound(w, r)
	case err != nil:
		a.ServerError(w, r, err)
	default:
		a.flash(r, "Tilmeldingen er markeret som faktureret med nummer "+number+".")
		http.Redirect(w, r, "/admin/fakturering", http.StatusSeeOther)
	}
}
