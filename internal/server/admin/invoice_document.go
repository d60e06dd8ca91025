package admin

import (
	"errors"
	"net/http"

	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

// showInvoiceDocument shows one invoice or credit note.
func (a *adminArea) showInvoiceDocument(w http.ResponseWriter, r *http.Request) {
	a.renderDocument(w, r, http.StatusOK, views.AdminDocumentProps{})
}

// renderDocument renders a document's page with p's credit form.
func (a *adminArea) renderDocument(w http.ResponseWriter, r *http.Request, status int, p views.AdminDocumentProps) {
	id, ok := idParam(r)
	if !ok {
		a.notFound(w, r)
		return
	}
	d, err := a.store.Document(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		a.notFound(w, r)
		return
	} else if err != nil {
		a.ServerError(w, r, err)
		return
	}
	if d.BookingID != 0 {
		all, err := a.store.DocumentsOfBookingID(r.Context(), d.BookingID)
		if err != nil {
			a.ServerError(w, r, err)
			return
		}
		for _, c := range all {
			if c.CreditsID == d.ID {
				p.Credits = append(p.Credits, c)
			}
		}
	}
	p.Doc = d
	p.CanCredit = d.Kind == "invoice" && d.CreditedOre < d.InclOre
	title := d.KindLabel() + " " + d.Number
	if p.Errors.Any() {
		title = "Fejl: " + title
	}
	p.Page = a.adminPage(r, title)
	a.Render(w, r, status, views.AdminDocument(p))
}
