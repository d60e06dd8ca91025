package admin

import (
	"errors"
	"net/http"
	"strings"

	"kursuskatalog/internal/enrolment"
	"kursuskatalog/internal/server/forms"
	"kursuskatalog/internal/server/respond"
	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

// creditInvoice credits what stands of an invoice with staff's reason (a
// correction) and invoices the booking anew from its data now.
func (a *adminArea) creditInvoice(w http.ResponseWriter, r *http.Request) {
	id, ok := idParam(r)
	if !ok {
		a.notFound(w, r)
		return
	}
	if !respond.ParseForm(w, r) {
		return
	}
	// The reason is one line on the documents: line breaks become spaces.
	p := views.AdminDocumentProps{Reason: strings.Join(strings.Fields(r.PostForm.Get("reason")), " ")}
	switch {
	case p.Reason == "":
		p.Errors.Add("reason", "Skriv årsagen til kreditnotaen")
	case len([]rune(p.Reason)) > 300:
		p.Errors.Add("reason", "Årsagen må højst have 300 tegn")
	default:
		forms.OneLine(&p.Errors, "reason", "Årsagen", p.Reason)
	}
	if p.Errors.Any() {
		a.renderDocument(w, r, http.StatusUnprocessableEntity, p)
		return
	}
	numbers, err := a.enrol.CreditInvoice(r.Context(), staffOf(r).ID, id, p.Reason)
	switch {
	case errors.Is(err, store.ErrNotFound):
		a.notFound(w, r)
	case errors.Is(err, enrolment.ErrNothingToBill):
		p.Errors.Add("reason", "Fakturaen er allerede krediteret")
		a.renderDocument(w, r, http.StatusUnprocessableEntity, p)
	case err != nil:
		a.ServerError(w, r, err)
	default:
		a.flash(r, "Udstedt: "+strings.Join(numbers, ", ")+".")
		http.Redirect(w, r, "/admin/fakturering/"+views.FormatID(id), http.StatusSeeOther)
	}
}
