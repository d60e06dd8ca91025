// Package booking holds the enrolment rules of the seeds in pure Go: the
// phase of a date, seats and waiting list, bundle pricing and the checks of
// EAN and CVR numbers. It does no I/O and imports nothing of the project but
// catalog.
package booking

import (
	"time"

	"kursuskatalog/internal/catalog"
)

// Phase is where a date stands for someone who wants to enrol now. Every page
// and the booking itself ask PhaseOf, so they never disagree.
type Phase int

const (
	PhaseOpen          Phase = iota // seats left, before the deadline
	PhaseFewSeats                   // open, but FewSeats or fewer left
	PhaseAfterDeadline              // deadline passed, seats left: binding at once
	PhaseWaitlist                   // full: waiting list, before the deadline and after
	PhaseStarted                    // started or past
	PhaseCancelled                  // cancelled by COK
)

// FewSeats is the number of free seats at or below which pages warn.
const FewSeats = 5

// DeadlineEnd is the moment enrolment becomes binding: midnight after the
// deadline day, Copenhagen time.
func DeadlineEnd(deadline time.Time) time.Time {
	y, m, d := deadline.Date()
	return time.Date(y, m, d+1, 0, 0, 0, 0, catalog.Copenhagen)
}

// PhaseOf computes the phase of d at now.
func PhaseOf(d catalog.CourseDate, now time.Time) Phase {
	switch {
	case d.Status == catalog.DateCancelled:
		return PhaseCancelled
	case !now.Before(d.StartsAt):
		return PhaseStarted
	}
	afterDeadline := !now.Before(DeadlineEnd(d.Deadline))
	left := d.SeatsLeft()
	switch {
	case left == 0:
		// A waiting place is never binding, so a full date takes them
		// after its deadline too; accepting an offered seat then binds.
		return PhaseWaitlist
	case afterDeadline:
		return PhaseAfterDeadline
	case left <= FewSeats:
		return PhaseFewSeats
	}
	return PhaseOpen
}

// CanEnrol says whether the date takes an enrolment (confirmed or waiting).
func (p Phase) CanEnrol() bool {
	return p == PhaseOpen || p == PhaseFewSeats || p == PhaseAfterDeadline || p == PhaseWaitlist
}

// Label is the short Danish badge text.
func (p Phase) Label() string {
	switch p {
	case PhaseOpen:
		return "Ledige pladser"
	case PhaseFewSeats:
		return "Få ledige pladser"
	case PhaseAfterDeadline:
		return "Efter fristen – ledige pladser"
	case PhaseWaitlist:
		return "Fuldt booket – venteliste"
	case PhaseStarted:
		return "Afholdt"
	case PhaseCancelled:
		return "Aflyst"
	}
	return ""
}

// Class is a CSS modifier for the badge.
func (p Phase) Class() string {
	switch p {
	case PhaseOpen:
		return "open"
	case PhaseFewSeats, PhaseAfterDeadline:
		return "few"
	case PhaseWaitlist:
		return "waitlist"
	}
	return "closed"
}

// Action is the text of the button that fits the phase, or "" when none does.
func (p Phase) Action() string {
	switch p {
	case PhaseOpen, PhaseFewSeats, PhaseAfterDeadline:
		return "Tilmeld"
	case PhaseWaitlist:
		return "Skriv dig på venteliste"
	}
	return ""
}

// Reason explains, in Danish, why no enrolment is possible or what an
// enrolment now means.
func (p Phase) Reason() string {
	switch p {
	case PhaseAfterDeadline:
		return "Tilmeldingsfristen er overskredet, men der er stadig plads. Tilmeldingen er bindende med det samme."
	case PhaseWaitlist:
		return "Alle pladser er optaget. Du kan skrive dig på ventelisten; det er gratis og aldrig bindende. Bliver en plads ledig, tilbyder vi den til den første på listen, som selv siger ja tak eller nej tak. Siger du ja tak efter tilmeldingsfristen, er tilmeldingen bindende."
	case PhaseStarted:
		return "Kurset er begyndt eller afholdt."
	case PhaseCancelled:
		return "Denne afholdelse er aflyst."
	}
	return ""
}
