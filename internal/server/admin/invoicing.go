package admin

import (
	"net/http"

	"kursuskatalog/internal/booking"
	"kursuskatalog/web/views"
)

// invoiceListLimit is the most documents the invoicing page lists.
const invoiceListLimit = 200

// showInvoicing lists the bookings whose invoice falls due within four
// weeks and the documents issued, in the state asked for.
func (a *adminArea) showInvoicing(w http.ResponseWriter, r *http.Request) {
	p := views.AdminInvoicingProps{Page: a.adminPage(r, "Fakturering"), State: r.URL.Query().Get("status"), Limit: invoiceListLimit}
	switch p.State {
	case "", booking.DocIssued, booking.DocSent, booking.DocCredited:
	default:
		p.State = ""
	}
	var err error
	if p.Due, err = a.store.InvoicesDue(r.Context(), a.now().Add(booking.InvoiceLead)); err != nil {
		a.ServerError(w, r, err)
		return
	}
	if p.Counts, err = a.store.DocumentCounts(r.Context()); err != nil {
		a.ServerError(w, r, err)
		return
	}
	if p.Docs, err = a.store.Documents(r.Context(), p.State, invoiceListLimit); err != nil {
		a.ServerError(w, r, err)
		return
	}
	a.Render(w, r, http.StatusOK, views.AdminInvoicing(p))
}
