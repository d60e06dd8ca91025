package admin

import (
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"kursuskatalog/internal/catalog"
	"kursuskatalog/web/views"
)

// The course editor's fields about the time after the booking: the stay,
// the practical information and the diploma.

// aftercareFormOf shows saved values as the form reads them back.
func aftercareFormOf(a catalog.Aftercare) views.AftercareForm {
	f := views.AftercareForm{Residential: a.Residential, ReminderDays: strconv.Itoa(a.ReminderDays), BringNote: a.BringNote,
		Present: true}
	if a.DiplomaMinutes > 0 {
		f.DiplomaHours = strings.TrimSuffix(strings.TrimSuffix(catalog.FormatHours(a.DiplomaMinutes), " timer"), " time")
	}
	return f
}

func decodeAftercare(v url.Values) views.AftercareForm {
	// A form without the radio buttons answered (made by a script) keeps
	// the value the page was opened with.
	residential := v.Get("residential")
	if residential == "" {
		residential = v.Get("residential_was")
	}
	return views.AftercareForm{Residential: residential == "ja", ReminderDays: strings.TrimSpace(v.Get("reminder_days")),
		BringNote: strings.TrimSpace(v.Get("bring_note")), DiplomaHours: strings.TrimSpace(v.Get("diploma_hours")),
		Present: v.Has("aftercare")}
}

// checkAftercare checks the fields and returns what they say (nil when
// the form did not have them); the messages go to f.Errors.
func checkAftercare(f *views.CourseForm) *catalog.Aftercare {
	in := f.Aftercare
	if !in.Present {
		return nil
	}
	a := catalog.Aftercare{Residential: in.Residential, BringNote: in.BringNote}
	days, err := strconv.Atoi(in.ReminderDays)
	if err != nil || days < 0 || days > 60 {
		f.Errors.Add("reminder-days", "Skriv et antal dage fra 0 til 60, f.eks. 7")
	}
	a.ReminderDays = days
	if utf8.RuneCountInString(in.BringNote) > 1000 {
		f.Errors.Add("bring-note", "Teksten om hvad deltagerne skal medbringe må højst have 1.000 tegn")
	}
	minutes, ok := catalog.ParseHours(in.DiplomaHours)
	if !ok {
		f.Errors.Add("diploma-hours", "Skriv antal timer som et tal, f.eks. 14 eller 6,5")
	}
	a.DiplomaMinutes = minutes
	return &a
}
