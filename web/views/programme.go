package views

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/a-h/templ"

	"kursuskatalog/internal/catalog"
)

// runURL starts one enrolment on every date of a run.
func runURL(run []catalog.CourseDate) templ.SafeURL {
	u := "/tilmelding"
	for i, d := range run {
		if i == 0 {
			u += "?"
		} else {
			u += "&"
		}
		u += "dato=" + id64(d.ID)
	}
	return templ.SafeURL(u)
}

func modulesSum(ms []catalog.ProgrammeModule) int64 {
	var sum int64
	for _, m := range ms {
		sum += m.Course.PriceOre
	}
	return sum
}

// programmeBundleNote is the bundle's price for the whole programme.
func programmeBundleNote(o catalog.OfferView) string {
	return "Tilmelder du dig " + modulesWord(len(o.Offer.Courses)) + " på én gang senest den " + catalog.FormatDayMonth(o.Offer.LastDay) +
		", betaler du " + catalog.FormatKroner(o.Offer.PriceOre) + " ekskl. moms pr. deltager i stedet for " +
		endSentence(catalog.FormatKroner(o.SumOre)) + " Du sparer " + endSentence(catalog.FormatKroner(o.SavingOre()))
}

// enrolAllText is the button that enrols in a run of n modules.
func enrolAllText(n int) string {
	if n == 2 {
		return "Tilmeld dig begge moduler"
	}
	return "Tilmeld dig alle " + strconv.Itoa(n) + " moduler"
}

func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + strings.Clone(s[n:])
}

func modulesWord(n int) string {
	if n == 2 {
		return "begge forløbets moduler"
	}
	return "alle forløbets moduler"
}
