package views

import (
	"time"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/catalog"
)

// ReceiptProps feeds the receipt and the booker's own page.
type ReceiptProps struct {
	Page      Page
	R         booking.Receipt
	ManageURL string // shown on the receipt; "" when this browser does not know it
	Manage    bool   // the booker's own page, with actions
	Token     string // the manage token, for the forms of the own page
	Notice    string // a confirmation after an action
	Errors    FormErrors
	Sub       SubstituteForm // what was typed in a failed substitute form
	Now       time.Time
}

// SubstituteForm is a substitute as typed.
type SubstituteForm struct {
	SeatID                int64
	Name, Email, JobTitle string
}

func (p ReceiptProps) anyCancellable() bool {
	for _, s := range p.R.Seats {
		if s.Status != booking.StatusCancelled && booking.CanCancel(p.R.Date(s.DateID).CourseDate, p.Now) {
			return true
		}
	}
	return false
}

func seatStatus(s booking.Seat) string {
	st := booking.StatusLabel(s.Status, s.WaitlistPos)
	if s.SubstituteFor != "" {
		st += " (stedfortræder for " + s.SubstituteFor + ")"
	}
	return st
}

func deadlineMeaning(d booking.BookedDate, now time.Time) string {
	if !now.Before(booking.DeadlineEnd(d.Deadline)) {
		return "Tilmeldingsfristen var " + catalog.FormatDate(d.Deadline) + ". Tilmeldingen er bindende; du kan sende en stedfortræder."
	}
	return "Tilmeldingsfrist " + catalog.FormatDate(d.Deadline) + ". Indtil da kan du afmelde gratis; derefter er tilmeldingen bindende, men du kan sende en stedfortræder."
}

func (p ReceiptProps) subValue(seat int64, which string) string {
	if p.Sub.SeatID != seat {
		return ""
	}
	switch which {
	case "name":
		return p.Sub.Name
	case "email":
		return p.Sub.Email
	}
	return p.Sub.JobTitle
}
