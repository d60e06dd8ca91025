package demo

import (
	"strings"

	"kursuskatalog/internal/catalog"
)

// aftercare is what a demo course says about the time after the booking:
// a course whose price covers an overnight stay is residential (as the
// seed course "Politisk forståelse" is: meals and a night at the hotel,
// a dinner and an evening session); the diploma states 14 hours for two
// days and 6 for one.
func aftercare(c courseSpec) catalog.Aftercare {
	a := catalog.Aftercare{Residential: strings.Contains(c.PriceCovers, "overnatning"),
		ReminderDays: catalog.DefaultReminderDays, DiplomaMinutes: 6 * 60,
		BringNote: "Computer eller tablet, hvis du vil læse kursusmaterialet digitalt."}
	if c.Days >= 2 {
		a.DiplomaMinutes = 14 * 60
	}
	if c.Slug == "politisk-forstaaelse" || c.Slug == "politisk-formidling-og-dialog" {
		a.BringNote = "Et dilemma fra din egen hverdag med politisk betjening, som vi kan arbejde med på kurset.\n" + a.BringNote
	}
	return a
}

// arrivalNote says how to get to a demo venue.
func arrivalNote(key string) string {
	if key == "odense" {
		return "Gratis parkering ved hotellet. Meld dig i receptionen, når du ankommer; værelserne er klar ved kaffepausen på dag 1."
	}
	return "Meld dig i receptionen, når du ankommer."
}
