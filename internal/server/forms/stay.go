package forms

import (
	"net/url"

	"kursuskatalog/internal/booking"
	"kursuskatalog/web/views"
)

// DecodeStay reads one person's residential fields, whose names start
// with prefix ("p0_", "s_" or ""). A form without them (its course had no
// stay) gives the default: sleeping at the venue.
func DecodeStay(v url.Values, prefix string) views.StayForm {
	f := views.DefaultStay()
	if v.Get(prefix+"overnight") == "nej" {
		f.Overnight = "nej"
	}
	f.EarlyArrival = v.Get(prefix+"early") != ""
	f.Allergens = booking.KnownAllergens(v[prefix+"allergen"])
	f.Diet = Clip(v.Get(prefix+"diet"), 600)
	f.Access = Clip(v.Get(prefix+"access"), 600)
	f.Needs = Clip(v.Get(prefix+"needs"), 600)
	return f
}

// CheckStay checks one person's residential fields, whose ids start with
// id; n names the person in the messages (" (deltager 2)" or ""). withDiet:
// the diet and accessibility fields are among them.
func CheckStay(e *views.FormErrors, id, n string, f views.StayForm, withDiet bool) {
	if withDiet {
		TooLong(e, id+"-diet", "Kost og allergier"+n, f.Diet, 500)
		TooLong(e, id+"-access", "Behov for tilgængelighed"+n, f.Access, 500)
	}
	TooLong(e, id+"-needs", "Andre behov under opholdet"+n, f.Needs, 500)
}
