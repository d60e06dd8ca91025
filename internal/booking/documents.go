package booking

import "time"

// Document is an issued invoice or credit note as the pages list it.
type Document struct {
	ID            int64
	Kind          string // "invoice" or "credit_note"
	Number        string
	BookingID     int64 // 0 once the booking is deleted
	BookingRef    string
	CreditsID     int64 // a credit note: the invoice it credits
	CreditsNumber string
	Reason        string
	MadeBy        string // "system" or "staff"
	IssuedAt      time.Time
	DueDate       time.Time // an invoice: payment due
	OrgName       string
	Department    string
	EAN           string
	CVR           string
	Address       string
	Reference     string
	ContactName   string
	ContactEmail  string
	ExclOre       int64
	VATOre        int64
	InclOre       int64
	Channel       string // "access_point" (OIOUBL to the EAN) or "mail" (PDF to the booker)
	SentAt        time.Time
	SendError     string
	CreditedOre   int64 // an invoice: what credit notes have credited of it, incl. VAT
	Lines         []DocumentLine
}

// DocumentLine is one participant on one date of a document.
type DocumentLine struct {
	No          int
	SeatID      int64
	Participant string
	CourseTitle string
	StartsAt    time.Time
	EndsAt      time.Time
	ListOre     int64
	PriceOre    int64
	VATRateBP   int
	VATOre      int64
	CreditsLine int
}

// Document states, as staff filter them.
const (
	DocIssued   = "issued"   // not yet delivered
	DocSent     = "sent"     // delivered to the access point or by mail
	DocCredited = "credited" // an invoice credited, wholly or in part
)

// State is the document's state: credited (an invoice any credit note
// names), else sent or issued.
func (d Document) State() string {
	switch {
	case d.CreditedOre > 0:
		return DocCredited
	case !d.SentAt.IsZero():
		return DocSent
	}
	return DocIssued
}

// StateLabel is the state in Danish.
func (d Document) StateLabel() string {
	switch d.State() {
	case DocCredited:
		if d.CreditedOre < d.InclOre {
			return "Delvist krediteret"
		}
		return "Krediteret"
	case DocSent:
		return "Sendt"
	}
	if d.SendError != "" {
		return "Udstedt, ikke sendt endnu"
	}
	return "Udstedt"
}

// KindLabel is the kind in Danish.
func (d Document) KindLabel() string {
	if d.Kind == "credit_note" {
		return "Kreditnota"
	}
	return "Faktura"
}

// HasXML says whether the document is OIOUBL sent to an EAN (which also
// has a PDF copy); the others are PDFs only.
func (d Document) HasXML() bool { return d.Channel == "access_point" }
