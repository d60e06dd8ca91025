package admin

import (
	"net/http"
	"time"

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
	items, err := a.store.InvoicesDue(r.Context(), a.now())
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
