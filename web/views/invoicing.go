package views

import (
	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/catalog"
)

// AdminInvoicingProps are the props of /admin/fakturering: the bookings
// whose invoice falls due within four weeks (or is overdue), and the
// documents issued, filtered by state.
type AdminInvoicingProps struct {
	Page   AdminPage
	Due    []booking.InvoiceItem
	State  string // "" (all), booking.DocIssued, DocSent or DocCredited
	Counts map[string]int
	Docs   []booking.Document
	Limit  int // the most documents listed
}

// InvoiceStates are the filters of the documents list, in order.
var InvoiceStates = []struct{ Value, Label string }{
	{"", "Alle"}, {booking.DocIssued, "Udstedt, ikke sendt"}, {booking.DocSent, "Sendt"}, {booking.DocCredited, "Krediteret"},
}

// AdminDocumentProps are the props of one invoice or credit note's page,
// with the credit form of an invoice that has lines standing.
type AdminDocumentProps struct {
	Page      AdminPage
	Doc       booking.Document
	Credits   []booking.Document // the credit notes against an invoice
	CanCredit bool
	Reason    string // the credit form as typed
	Errors    FormErrors
}

// documentURL is a document's page for staff.
func documentURL(d booking.Document) string { return "/admin/fakturering/" + FormatID(d.ID) }

// myDocumentURL is a document's PDF at the booker's manage link.
func myDocumentURL(token string, d booking.Document) string {
	return "/min-tilmelding/" + token + "/fakturaer/" + FormatID(d.ID) + ".pdf"
}

// docAmount is a document's total incl. VAT, negative for a credit note.
func docAmount(d booking.Document) string {
	if d.Kind == "credit_note" {
		return "−" + catalog.FormatKroner(d.InclOre)
	}
	return catalog.FormatKroner(d.InclOre)
}

// docChannel says how a document is delivered.
func docChannel(d booking.Document) string {
	if d.HasXML() {
		return "OIOUBL til EAN " + d.EAN
	}
	return "PDF på mail til " + d.ContactEmail
}

// invoiceTo says where a due invoice will go.
func invoiceTo(it booking.InvoiceItem) string {
	if it.EAN != "" {
		return "EAN " + it.EAN
	}
	return "CVR " + it.CVR + ", PDF på mail"
}

// docCustomer is the organisation billed, with its department.
func docCustomer(d booking.Document) string {
	if d.Department != "" {
		return d.OrgName + ", " + d.Department
	}
	return d.OrgName
}
