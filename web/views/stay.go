package views

import (
	"slices"

	"kursuskatalog/internal/booking"
)

// StayForm is a participant's residential details as typed: on the
// enrolment form (Diet and Access are then the participant's own fields)
// and on their own page.
type StayForm struct {
	Overnight    string // "ja" or "nej"
	EarlyArrival bool
	Allergens    []string
	Diet, Access string
	Needs        string
}

// DefaultStay is the stay of a participant nobody has asked yet: they
// sleep at the venue, as the price includes.
func DefaultStay() StayForm { return StayForm{Overnight: "ja"} }

// Stay is what the form says.
func (f StayForm) Stay() booking.Stay {
	return booking.Stay{Overnight: f.Overnight != "nej", EarlyArrival: f.EarlyArrival,
		Allergens: booking.KnownAllergens(f.Allergens), Needs: f.Needs}
}

// StayFormOf shows saved details in the form (the default when none).
func StayFormOf(st *booking.Stay, diet, access string) StayForm {
	f := DefaultStay()
	f.Diet, f.Access = diet, access
	if st != nil {
		f.EarlyArrival, f.Allergens, f.Needs = st.EarlyArrival, st.Allergens, st.Needs
		if !st.Overnight {
			f.Overnight = "nej"
		}
	}
	return f
}

// Given says whether anything beyond the default was typed.
func (f StayForm) Given() bool {
	return f.Overnight == "nej" || f.EarlyArrival || len(f.Allergens) > 0 || f.Needs != ""
}

// stayFields are the residential fields of one person: ids start with
// ID, names with Name ("p0_" gives "p0_overnight").
type stayFields struct {
	ID, Name string
	Legend   string
	Form     StayForm
	Errors   FormErrors
	// WithDiet: the diet and accessibility fields belong here (on the
	// participant's own page); on the enrolment form they are the
	// participant's own fields already.
	WithDiet bool
}

func (s stayFields) has(code string) bool { return slices.Contains(s.Form.Allergens, code) }
