package views

import (
	"strconv"
	"time"

	"github.com/a-h/templ"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/catalog"
)

// AttendanceProps feed a date's attendance page: one course day's list.
type AttendanceProps struct {
	Page    AdminPage
	Date    booking.DateOverview
	Days    []time.Time
	Day     time.Time
	CanMark bool // the day has come
	Rows    []booking.AttendanceRow
	Errors  FormErrors
}

// counts are how many are present, absent and not marked on the day.
func (p AttendanceProps) counts() (present, absent, none int) {
	for _, r := range p.Rows {
		switch yes, marked := r.On(p.Day); {
		case !marked:
			none++
		case yes:
			present++
		default:
			absent++
		}
	}
	return
}

func (p AttendanceProps) dayURL(d time.Time) templ.SafeURL {
	return templ.SafeURL("/admin/datoer/" + i64(p.Date.ID) + "/fremmoede?dag=" + catalog.DayInput(d))
}

func dayLabel(days []time.Time, d time.Time) string {
	for i, x := range days {
		if x.Equal(d) {
			return "Dag " + strconv.Itoa(i+1) + " · " + catalog.FormatDayMonth(d)
		}
	}
	return catalog.FormatDate(d)
}

// AttendanceRowProps feed one participant's row, which a tap replaces.
type AttendanceRowProps struct {
	DateID  int64
	Day     time.Time
	CanMark bool
	Row     booking.AttendanceRow
}

func (p AttendanceRowProps) state() (class, label string) {
	switch yes, marked := p.Row.On(p.Day); {
	case !marked:
		return "none", "Ikke registreret"
	case yes:
		return "present", "Til stede"
	}
	return "absent", "Fraværende"
}

func (p AttendanceRowProps) pressed(present bool) string {
	yes, marked := p.Row.On(p.Day)
	if marked && yes == present {
		return "true"
	}
	return "false"
}

// RoomingProps feed a date's rooming and diet list for the venue.
type RoomingProps struct {
	Page   AdminPage
	Date   booking.DateOverview
	Rows   []booking.StayRow
	Totals booking.StayTotals
}

// AllergenNames names the allergens of a stay, for lists.
func AllergenNames(st *booking.Stay) string {
	if st == nil {
		return ""
	}
	s := ""
	for i, a := range st.Allergens {
		if i > 0 {
			s += ", "
		}
		s += booking.AllergenName(a)
	}
	return s
}

// StayYesNo is "Ja", "Nej" or "Ikke oplyst" for the overnight stay (early: the
// arrival the evening before).
func StayYesNo(st *booking.Stay, early bool) string {
	if st == nil {
		return "Ikke oplyst"
	}
	if early {
		return yesNo(st.EarlyArrival)
	}
	return yesNo(st.Overnight)
}

// EvaluationResult is one evaluation's results with its charts.
type EvaluationResult struct {
	Summary booking.Summary
	Charts  []string // SVG, one per question
}

// DateResult is one date's line in a course's results.
type DateResult struct {
	Date    booking.DateOverview
	Summary booking.Summary
}

// EvaluationResultsProps feed the results page of a date or a course.
type EvaluationResultsProps struct {
	Page      AdminPage
	Heading   string
	Sub       string
	Back      templ.SafeURL
	BackLabel string
	CSV       templ.SafeURL
	Result    EvaluationResult
	// A course's page: each date, and the chart of each date's overall mean.
	Dates     []DateResult
	DateChart string
}

func chartID(i int) string { return "spm-" + strconv.Itoa(i+1) }
