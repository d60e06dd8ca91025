package booking

import (
	"errors"
	"slices"
	"time"

	"kursuskatalog/internal/catalog"
)

// After the booking: the practical information before the start, the
// residential details, attendance per course day, and what follows the
// course for those who came (the diploma and the evaluation).

// Allergen is one of the 14 allergens EU regulation 1169/2011 (annex II)
// makes caterers declare: a code as stored, and the Danish name
// (Fødevarestyrelsen's wording).
type Allergen struct{ Code, Name string }

// Allergens in the regulation's order.
var Allergens = []Allergen{
	{"gluten", "Gluten (korn)"},
	{"crustaceans", "Krebsdyr"},
	{"eggs", "Æg"},
	{"fish", "Fisk"},
	{"peanuts", "Jordnødder"},
	{"soybeans", "Soja"},
	{"milk", "Mælk og laktose"},
	{"nuts", "Nødder"},
	{"celery", "Selleri"},
	{"mustard", "Sennep"},
	{"sesame", "Sesam"},
	{"sulphites", "Svovldioxid og sulfitter"},
	{"lupin", "Lupin"},
	{"molluscs", "Bløddyr"},
}

// AllergenName is the Danish name of a code ("" for an unknown one).
func AllergenName(code string) string {
	for _, a := range Allergens {
		if a.Code == code {
			return a.Name
		}
	}
	return ""
}

// KnownAllergens keeps the known codes of codes, once each, in the
// regulation's order: what a form's checkboxes may send.
func KnownAllergens(codes []string) []string {
	out := []string{}
	for _, a := range Allergens {
		if slices.Contains(codes, a.Code) {
			out = append(out, a.Code)
		}
	}
	return out
}

// Stay is a participant's residential details on a course with an
// overnight stay. Diet (free text) and accessibility are on Person.
type Stay struct {
	Overnight    bool     // sleeps at the venue
	EarlyArrival bool     // arrives the evening before: one more night
	Allergens    []string // codes of Allergens
	Needs        string   // other needs during the stay
}

// ReminderHour is the hour (Copenhagen) at which practical information
// goes out: in working hours, whatever time the course starts.
const ReminderHour = 9

// ReminderDue is when the practical information of a date starting at
// start is due: at 09:00 Copenhagen time, days calendar days before the
// start day (so across a change to or from summer time too).
func ReminderDue(start time.Time, days int) time.Time {
	y, m, d := start.In(catalog.Copenhagen).Date()
	return time.Date(y, m, d-days, ReminderHour, 0, 0, 0, catalog.Copenhagen)
}

// RemindNow says whether a participant confirmed on a date is to get the
// practical information at now: from its due time until the start. A
// course with 0 reminder days sends none; a booking made after the due
// time gets it at once.
func RemindNow(d catalog.CourseDate, days int, now time.Time) bool {
	return days > 0 && d.Status == catalog.DatePlanned &&
		!now.Before(ReminderDue(d.StartsAt, days)) && now.Before(d.StartsAt)
}

// ReminderHorizon bounds how far ahead reminders can fall due: the
// largest number of reminder days a course may have, plus one.
const ReminderHorizon = 61 * 24 * time.Hour

// AfterCourseWindow is how long after its end a date's diploma and
// evaluation mail may still go out, e.g. to a participant marked present
// late. Older dates are left alone.
const AfterCourseWindow = 14 * 24 * time.Hour

// AfterCourseNow says whether the diploma and evaluation mail of a date
// is due at now: from the end of the course, for AfterCourseWindow.
func AfterCourseNow(d catalog.CourseDate, now time.Time) bool {
	return d.Status == catalog.DatePlanned && !now.Before(d.EndsAt) && now.Before(d.EndsAt.Add(AfterCourseWindow))
}

// CourseDays are the calendar days (Copenhagen) a date runs on, as
// midnight UTC like deadlines: "03.03" and "04.03" for a course from 3 March
// 08:45 to 4 March 15:00.
func CourseDays(start, end time.Time) []time.Time {
	day := func(t time.Time) time.Time {
		y, m, d := t.In(catalog.Copenhagen).Date()
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	}
	var out []time.Time
	for t, last := day(start), day(end); !t.After(last); t = t.AddDate(0, 0, 1) {
		out = append(out, t)
	}
	return out
}

// Today is now's calendar day in Copenhagen, as midnight UTC.
func Today(now time.Time) time.Time {
	y, m, d := now.In(catalog.Copenhagen).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// ErrAttendanceDay is the error of marking attendance on a day the date
// does not run on, or that has not come yet.
var ErrAttendanceDay = errors.New("booking: not a course day that has come")

// CheckAttendanceDay says whether attendance on day can be marked at
// now: on a day the planned date runs on, once that day has come (at the
// door) and any time after (corrections).
func CheckAttendanceDay(d catalog.CourseDate, day, now time.Time) error {
	if d.Status != catalog.DatePlanned {
		return ErrDateCancelled
	}
	if !slices.ContainsFunc(CourseDays(d.StartsAt, d.EndsAt), day.Equal) || day.After(Today(now)) {
		return ErrAttendanceDay
	}
	return nil
}

// Mark is attendance marked on one day.
type Mark struct {
	Day     time.Time
	Present bool
}

// Attended says whether a participant counts as having taken part in the
// course (diploma, evaluation): marked present on at least one course day
// and absent on none. A day nobody marked does not count against them;
// marks on other days (a date moved) are ignored.
func Attended(days []time.Time, marks []Mark) bool {
	present := false
	for _, m := range marks {
		if !slices.ContainsFunc(days, m.Day.Equal) {
			continue
		}
		if !m.Present {
			return false
		}
		present = true
	}
	return present
}

// EvaluationWindow is how long after the course the evaluation can be
// answered.
const EvaluationWindow = 60 * 24 * time.Hour

// Errors of the participant's own page.
var (
	// ErrEvaluationClosed: the evaluation is not open to this participant
	// (not after the course, too long after, or they did not attend).
	ErrEvaluationClosed = errors.New("booking: evaluation not open")
	// ErrEvaluationAnswered: the participant has answered already.
	ErrEvaluationAnswered = errors.New("booking: evaluation answered")
	// ErrStayClosed: the residential details can no longer be changed.
	ErrStayClosed = errors.New("booking: stay can no longer change")
)

// CheckEvaluation says whether a participant may answer the evaluation of
// a date at now: once, after the course, for EvaluationWindow, if they
// attended.
func CheckEvaluation(d catalog.CourseDate, attended, answered bool, now time.Time) error {
	switch {
	case answered:
		return ErrEvaluationAnswered
	case !attended || d.Status != catalog.DatePlanned || now.Before(d.EndsAt) || !now.Before(d.EndsAt.Add(EvaluationWindow)):
		return ErrEvaluationClosed
	}
	return nil
}

// CheckStayChange says whether a participant may change their residential
// details at now: until the course starts, while they hold a seat or wait
// for one.
func CheckStayChange(d catalog.CourseDate, status string, now time.Time) error {
	if err := CheckActive(status); err != nil {
		return err
	}
	if d.Status != catalog.DatePlanned || !now.Before(d.StartsAt) {
		return ErrStayClosed
	}
	return nil
}

// MySeat is a participant's seat as their own page (their personal link)
// shows it.
type MySeat struct {
	Seat
	Stay      *Stay // nil: not asked (the course has no stay)
	Marks     []Mark
	Evaluated bool
}

// MySeats are the seats a personal link opens: one person's seats in one
// booking, with the booking's head and the dates.
type MySeats struct {
	BookingID   int64
	Ref         string
	BookerName  string
	BookerEmail string
	OrgName     string
	Seats       []MySeat
	Dates       []BookedDate
}

// Date returns the date with id (zero when it is not among them).
func (m MySeats) Date(id int64) BookedDate {
	for _, d := range m.Dates {
		if d.ID == id {
			return d
		}
	}
	return BookedDate{}
}

// Seat returns the seat with id; ok is false when the link does not open it.
func (m MySeats) Seat(id int64) (MySeat, bool) {
	for _, s := range m.Seats {
		if s.ID == id {
			return s, true
		}
	}
	return MySeat{}, false
}

// Attended says whether the seat's holder took part in its date.
func (m MySeats) Attended(s MySeat) bool {
	d := m.Date(s.DateID)
	return s.Status == StatusConfirmed && Attended(CourseDays(d.StartsAt, d.EndsAt), s.Marks)
}

// Practical is what the practical information and the diploma tell of a
// date: the date, how to get there, what to bring, the programme and the
// content.
type Practical struct {
	Date           BookedDate
	ArrivalNote    string // the venue's: parking, transport, where to report
	BringNote      string
	Agenda         []catalog.AgendaDay
	ContentIntro   string
	ContentBullets []string
	DiplomaMinutes int // 0: the diploma states the days
}

// Recipient is a confirmed participant to mail about their date: the
// practical information before it, or the diploma and evaluation after.
type Recipient struct {
	SeatID, BookingID      int64
	Name, Email            string
	Diet, Accessibility    string
	Stay                   *Stay
	Marks                  []Mark
	BookerName, BookerMail string
}

// AttendanceRow is a confirmed participant on a date's attendance list.
type AttendanceRow struct {
	SeatID  int64
	Name    string
	OrgName string
	Marks   []Mark
}

// On is the participant's mark on day: present, absent, or not marked
// (marked false).
func (r AttendanceRow) On(day time.Time) (present, marked bool) {
	for _, m := range r.Marks {
		if m.Day.Equal(day) {
			return m.Present, true
		}
	}
	return false, false
}
