package views

import (
	"strconv"
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

// anyCancellable says whether the booking has a seat or waiting place
// that can still be given up: on a course not started.
func (p ReceiptProps) anyCancellable() bool {
	for _, s := range p.R.Seats {
		if s.Status != booking.StatusCancelled && p.Now.Before(p.R.Date(s.DateID).StartsAt) {
			return true
		}
	}
	return false
}

func (p ReceiptProps) holds() bool { return anySeat(p.R.Seats, booking.StatusConfirmed) }

func (p ReceiptProps) waits() bool { return anySeat(p.R.Seats, booking.StatusWaitlisted) }

// billed says whether the booking is to be paid for: a seat held, or a
// cancelled seat still charged.
func (p ReceiptProps) billed() bool { return p.holds() || booking.Owed(p.R.Seats).InclOre > 0 }

func anySeat(seats []booking.Seat, status string) bool {
	for _, s := range seats {
		if s.Status == status {
			return true
		}
	}
	return false
}

// cancelledNotes say what the cancelled seats cost.
func (p ReceiptProps) cancelledNotes() []string {
	free, charged := 0, 0
	for _, s := range p.R.Seats {
		switch {
		case s.Charged:
			charged++
		case s.Status == booking.StatusCancelled:
			free++
		}
	}
	var out []string
	switch {
	case free == 1:
		out = append(out, "Prisen er for de pladser, der ikke er afmeldt. Den afmeldte plads koster ikke noget.")
	case free > 1:
		out = append(out, "Prisen er for de pladser, der ikke er afmeldt. De "+strconv.Itoa(free)+" afmeldte pladser koster ikke noget.")
	}
	switch {
	case charged == 1:
		out = append(out, "Én afmeldt plads var bindende og er med i prisen. Overtager en fra ventelisten pladsen, bliver afmeldingen gratis, og du får besked.")
	case charged > 1:
		out = append(out, strconv.Itoa(charged)+" afmeldte pladser var bindende og er med i prisen. Overtager nogen fra ventelisten dem, bliver afmeldingen gratis, og du får besked.")
	}
	return out
}

// WaitlistPromise is what a place on a waiting list means, the same on
// every page.
const WaitlistPromise = "En plads på ventelisten er gratis og aldrig bindende. Bliver en plads ledig, sender vi et tilbud på mail til den første på listen, som selv svarer ja tak eller nej tak inden for en frist."

func seatStatus(s booking.Seat) string {
	st := booking.StatusLabel(s.Status, s.WaitlistPos)
	if s.Charged {
		st += " (bindende)"
	}
	if s.SubstituteFor != "" {
		st += " (stedfortræder for " + s.SubstituteFor + ")"
	}
	return st
}

func cancelLabel(s booking.Seat) string {
	if s.Status == booking.StatusWaitlisted {
		return "Forlad ventelisten: " + s.Name
	}
	return "Afmeld " + s.Name
}

// deadlineMeaning says what the seats on d bind to.
func deadlineMeaning(d booking.BookedDate, seats []booking.Seat, now time.Time) []string {
	var out []string
	if anySeat(seats, booking.StatusConfirmed) {
		if !now.Before(booking.DeadlineEnd(d.Deadline)) {
			out = append(out, "Tilmeldingsfristen var "+catalog.FormatDate(d.Deadline)+". Tilmeldingen er bindende; du kan sende en stedfortræder. "+
				"Afmelder du, skal pladsen betales, medmindre en fra ventelisten overtager den.")
		} else {
			out = append(out, "Tilmeldingsfrist "+catalog.FormatDate(d.Deadline)+". Indtil da kan du afmelde gratis; derefter er tilmeldingen bindende, men du kan sende en stedfortræder. "+
				"En afmelding efter fristen er gratis, hvis en fra ventelisten overtager pladsen.")
		}
	}
	if anySeat(seats, booking.StatusWaitlisted) {
		out = append(out, "En plads på ventelisten er aldrig bindende, og du kan forlade den når som helst. Siger du ja tak til en ledig plads efter tilmeldingsfristen ("+
			catalog.FormatDate(d.Deadline)+"), er den bindende.")
	}
	return out
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
