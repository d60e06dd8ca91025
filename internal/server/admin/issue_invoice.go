package admin

import (
	"errors"
	"net/http"
	"strings"

	"kursuskatalog/internal/enrolment"
	"kursuskatalog/internal/store"
)

// issueInvoiceNow issues a booking's invoice before its time (and any
// credit note its changes call for), at a member of staff's request.
func (a *adminArea) issueInvoiceNow(w http.ResponseWriter, r *http.Request) {
	id, ok := idParam(r)
	if !ok {
		a.notFound(w, r)
		return
	}
	numbers, err := a.enrol.IssueNow(r.Context(), staffOf(r).ID, id)
	switch {
	case errors.Is(err, store.ErrNotFound):
		a.notFound(w, r)
		return
	case errors.Is(err, enrolment.ErrNothingToBill):
		a.flash(r, "Der er intet at fakturere på tilmeldingen: den er faktureret, som den er.")
	case err != nil:
		a.ServerError(w, r, err)
		return
	default:
		a.flash(r, "Udstedt: "+strings.Join(numbers, ", ")+".")
	}
	http.Redirect(w, r, "/admin/fakturering", http.StatusSeeOther)
}
