package views

import (
	"slices"

	"github.com/a-h/templ"
)

// IsNew says the form creates a course.
func (f CourseForm) IsNew() bool { return f.ID == 0 }

func (f CourseForm) action() templ.SafeURL {
	if f.IsNew() {
		return "/admin/kurser/ny"
	}
	return templ.SafeURL("/admin/kurser/" + i64(f.ID))
}

func (f CourseForm) heading() string {
	if f.IsNew() {
		return "Nyt kursus"
	}
	return "Redigér " + f.Title
}

func (f CourseForm) hasTopic(id string) bool { return slices.Contains(f.Topics, id) }

func courseURL(id int64, rest string) templ.SafeURL {
	return templ.SafeURL("/admin/kurser/" + i64(id) + rest)
}

// AgendaHint explains the programme's text form.
const AgendaHint = "Én linje pr. ting. «Dag 1: Titel» starter en dag (titlen er valgfri). " +
	"Et programpunkt skrives «09:00 | Titel | Oplægsholder» (oplægsholder er valgfri). " +
	"Linjer, der starter med «-», er underpunkter til punktet over."

// DateForm is the form of one date of a course: strings as typed.
type DateForm struct {
	ID           int64 // 0: a new date
	CourseID     int64
	CourseTitle  string
	Version      int
	Venue        string
	Starts       string // datetime-local: 2027-03-03T08:45, Copenhagen
	Ends         string
	Deadline     string // date: 2027-02-10
	Capacity     string
	Minimum      string
	SeatsTaken   int
	Status       string
	CancelReason string // the saved reason of a cancelled date
	Reason       string // what was typed in the cancel form
	Venues       []Option
	Errors       FormErrors
}

func (f DateForm) action() templ.SafeURL {
	if f.ID == 0 {
		return courseURL(f.CourseID, "/datoer/ny")
	}
	return templ.SafeURL("/admin/datoer/" + i64(f.ID) + "/rediger")
}

func (f DateForm) field(id, name, label, value string) Field {
	return Field{ID: id, Name: name, Label: label, Value: value, Error: f.Errors.Get(id), Required: true}
}

func (f Field) typed(t string) Field { f.Type = t; return f }

func capacityHint(taken int) string {
	if taken == 0 {
		return "Mindst 1"
	}
	return "Mindst " + itoa(taken) + ", som allerede er optaget"
}
