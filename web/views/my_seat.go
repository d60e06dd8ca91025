package views

import (
	"strconv"
	"time"

	"github.com/a-h/templ"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/catalog"
)

// MySeatProps feed a participant's own page.
type MySeatProps struct {
	Page   Page
	Token  string
	Mine   booking.MySeats
	Now    time.Time
	Notice string
	// A refused stay form: its seat, what was typed and the messages.
	FormSeat int64
	Form     StayForm
	Errors   FormErrors
}

func (p MySeatProps) url(rest string) templ.SafeURL {
	return templ.SafeURL("/min-plads/" + p.Token + rest)
}

func (p MySeatProps) seatURL(what string, s booking.MySeat) templ.SafeURL {
	return p.url("/" + what + "/" + strconv.FormatInt(s.ID, 10))
}

// name is the person's name as their seats have it.
func (p MySeatProps) name() string {
	if len(p.Mine.Seats) == 0 {
		return ""
	}
	return p.Mine.Seats[len(p.Mine.Seats)-1].Name
}

// stayOf is the stay form of a seat: as typed when it was refused, else
// as saved.
func (p MySeatProps) stayOf(s booking.MySeat) stayFields {
	f := stayFields{ID: "plads-" + strconv.FormatInt(s.ID, 10), Legend: "Ophold og forplejning", WithDiet: true,
		Form: StayFormOf(s.Stay, s.Diet, s.Accessibility)}
	if p.FormSeat == s.ID {
		f.Form, f.Errors = p.Form, p.Errors
	}
	return f
}

// canChangeStay says whether the seat's stay form is shown.
func (p MySeatProps) canChangeStay(s booking.MySeat) bool {
	d := p.Mine.Date(s.DateID)
	return d.Residential && booking.CheckStayChange(d.CourseDate, s.Status, p.Now) == nil
}

// anyUpcoming says whether a seat's course has not started.
func (p MySeatProps) anyUpcoming() bool {
	for _, s := range p.Mine.Seats {
		if s.Status != booking.StatusCancelled && p.Now.Before(p.Mine.Date(s.DateID).StartsAt) {
			return true
		}
	}
	return false
}

// ended says whether the seat's course is over.
func (p MySeatProps) ended(s booking.MySeat) bool { return !p.Now.Before(p.Mine.Date(s.DateID).EndsAt) }

// canEvaluate says whether the evaluation link is shown.
func (p MySeatProps) canEvaluate(s booking.MySeat) bool {
	return booking.CheckEvaluation(p.Mine.Date(s.DateID).CourseDate, p.Mine.Attended(s), s.Evaluated, p.Now) == nil
}

func calendarURL(d booking.BookedDate) templ.SafeURL {
	return templ.SafeURL("/kurser/" + d.CourseSlug + "/datoer/" + strconv.FormatInt(d.ID, 10) + ".ics")
}

func mapURL(v catalog.Venue) templ.SafeURL { return templ.SafeURL(v.MapURL()) }

func yesNo(b bool) string {
	if b {
		return "Ja"
	}
	return "Nej"
}

// EvaluationProps feed the evaluation form.
type EvaluationProps struct {
	Page    Page
	Action  templ.SafeURL
	Back    templ.SafeURL
	Date    booking.BookedDate
	Answers map[string]string // question key → "1".."5" as chosen; "improve" → the text
	Errors  FormErrors
}

func (p EvaluationProps) chosen(key string, v int) bool { return p.Answers[key] == strconv.Itoa(v) }

var ratingWords = [...]string{"", "1", "2", "3", "4", "5"}

// SafeURL marks a URL the server built as safe to link to.
func SafeURL(u string) templ.SafeURL { return templ.SafeURL(u) }
