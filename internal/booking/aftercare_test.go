package booking

import (
	"errors"
	"slices"
	"testing"
	"time"

	"kursuskatalog/internal/catalog"
)

var cph = catalog.Copenhagen

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestReminderDue(t *testing.T) {
	tests := []struct {
		name  string
		start time.Time
		days  int
		want  time.Time
	}{
		{"seven days before at nine", time.Date(2027, 3, 3, 8, 45, 0, 0, cph), 7, time.Date(2027, 2, 24, 9, 0, 0, 0, cph)},
		{"across the change to summer time", time.Date(2027, 4, 1, 8, 45, 0, 0, cph), 7, time.Date(2027, 3, 25, 9, 0, 0, 0, cph)},
		{"across the change to winter time", time.Date(2027, 11, 2, 10, 0, 0, 0, cph), 7, time.Date(2027, 10, 26, 9, 0, 0, 0, cph)},
		{"the start day in Copenhagen, not in UTC", time.Date(2027, 3, 3, 0, 30, 0, 0, cph), 1, time.Date(2027, 3, 2, 9, 0, 0, 0, cph)},
		{"over a month end", time.Date(2027, 3, 2, 9, 0, 0, 0, cph), 3, time.Date(2027, 2, 27, 9, 0, 0, 0, cph)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ReminderDue(tt.start, tt.days); !got.Equal(tt.want) {
				t.Fatalf("ReminderDue = %s, want %s", got.In(cph), tt.want)
			}
		})
	}
	// Nine in Copenhagen is 08:00 UTC in winter and 07:00 in summer.
	if h := ReminderDue(time.Date(2027, 7, 10, 9, 0, 0, 0, cph), 7).UTC().Hour(); h != 7 {
		t.Fatalf("summer reminder at %d UTC, want 7", h)
	}
}

func TestRemindNow(t *testing.T) {
	start := time.Date(2027, 3, 3, 8, 45, 0, 0, cph)
	d := catalog.CourseDate{StartsAt: start, EndsAt: start.Add(30 * time.Hour), Status: catalog.DatePlanned}
	cancelled := d
	cancelled.Status = catalog.DateCancelled
	due := time.Date(2027, 2, 24, 9, 0, 0, 0, cph)
	tests := []struct {
		name string
		d    catalog.CourseDate
		days int
		now  time.Time
		want bool
	}{
		{"a minute before due", d, 7, due.Add(-time.Minute), false},
		{"at due", d, 7, due, true},
		{"booked two days before the start: at once", d, 7, start.Add(-48 * time.Hour), true},
		{"a minute before the start", d, 7, start.Add(-time.Minute), true},
		{"at the start: too late", d, 7, start, false},
		{"a course without reminders", d, 0, start.Add(-time.Hour), false},
		{"a cancelled date", cancelled, 7, due.Add(time.Hour), false},
		{"three days: not yet at seven", d, 3, due.Add(time.Hour), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := RemindNow(tt.d, tt.days, tt.now); got != tt.want {
				t.Fatalf("RemindNow = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestCourseDays(t *testing.T) {
	tests := []struct {
		name       string
		start, end time.Time
		want       []time.Time
	}{
		{"one day", time.Date(2027, 3, 3, 9, 0, 0, 0, cph), time.Date(2027, 3, 3, 16, 0, 0, 0, cph), []time.Time{day(2027, 3, 3)}},
		{"two days", time.Date(2027, 3, 3, 8, 45, 0, 0, cph), time.Date(2027, 3, 4, 15, 0, 0, 0, cph), []time.Time{day(2027, 3, 3), day(2027, 3, 4)}},
		{"a start just after midnight is that day in Copenhagen", time.Date(2027, 3, 3, 0, 30, 0, 0, cph), time.Date(2027, 3, 3, 12, 0, 0, 0, cph), []time.Time{day(2027, 3, 3)}},
		{"over a weekend counts every day", time.Date(2027, 3, 5, 9, 0, 0, 0, cph), time.Date(2027, 3, 7, 15, 0, 0, 0, cph), []time.Time{day(2027, 3, 5), day(2027, 3, 6), day(2027, 3, 7)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CourseDays(tt.start, tt.end); !slices.EqualFunc(got, tt.want, time.Time.Equal) {
				t.Fatalf("CourseDays = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestCheckAttendanceDay(t *testing.T) {
	start := time.Date(2027, 3, 3, 8, 45, 0, 0, cph)
	d := catalog.CourseDate{StartsAt: start, EndsAt: time.Date(2027, 3, 4, 15, 0, 0, 0, cph), Status: catalog.DatePlanned}
	cancelled := d
	cancelled.Status = catalog.DateCancelled
	tests := []struct {
		name string
		d    catalog.CourseDate
		day  time.Time
		now  time.Time
		want error
	}{
		{"at the door before the start", d, day(2027, 3, 3), time.Date(2027, 3, 3, 8, 15, 0, 0, cph), nil},
		{"the day before: not yet", d, day(2027, 3, 3), time.Date(2027, 3, 2, 23, 59, 0, 0, cph), ErrAttendanceDay},
		{"day two on day one: not yet", d, day(2027, 3, 4), time.Date(2027, 3, 3, 12, 0, 0, 0, cph), ErrAttendanceDay},
		{"day two on day two", d, day(2027, 3, 4), time.Date(2027, 3, 4, 8, 0, 0, 0, cph), nil},
		{"a correction a week after", d, day(2027, 3, 3), time.Date(2027, 3, 11, 10, 0, 0, 0, cph), nil},
		{"not a course day", d, day(2027, 3, 5), time.Date(2027, 3, 11, 10, 0, 0, 0, cph), ErrAttendanceDay},
		{"a cancelled date", cancelled, day(2027, 3, 3), time.Date(2027, 3, 3, 10, 0, 0, 0, cph), ErrDateCancelled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CheckAttendanceDay(tt.d, tt.day, tt.now); !errors.Is(got, tt.want) {
				t.Fatalf("CheckAttendanceDay = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestAttended(t *testing.T) {
	days := []time.Time{day(2027, 3, 3), day(2027, 3, 4)}
	tests := []struct {
		name  string
		marks []Mark
		want  bool
	}{
		{"nobody marked them", nil, false},
		{"present both days", []Mark{{days[0], true}, {days[1], true}}, true},
		{"present on day one, day two not marked", []Mark{{days[0], true}}, true},
		{"present, then absent on day two", []Mark{{days[0], true}, {days[1], false}}, false},
		{"absent both days", []Mark{{days[0], false}, {days[1], false}}, false},
		{"a mark on another date's day is ignored", []Mark{{day(2027, 2, 1), false}, {days[0], true}}, true},
		{"only marks of another date", []Mark{{day(2027, 2, 1), true}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Attended(days, tt.marks); got != tt.want {
				t.Fatalf("Attended = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestAfterCourseAndEvaluation(t *testing.T) {
	end := time.Date(2027, 3, 4, 15, 0, 0, 0, cph)
	d := catalog.CourseDate{StartsAt: end.Add(-30 * time.Hour), EndsAt: end, Status: catalog.DatePlanned}
	tests := []struct {
		name               string
		now                time.Time
		attended, answered bool
		mail               bool
		eval               error
	}{
		{"during the course", end.Add(-time.Minute), true, false, false, ErrEvaluationClosed},
		{"at the end", end, true, false, true, nil},
		{"absent", end.Add(time.Hour), false, false, true, ErrEvaluationClosed},
		{"answered already", end.Add(time.Hour), true, true, true, ErrEvaluationAnswered},
		{"13 days after: still mailed", end.Add(13 * 24 * time.Hour), true, false, true, nil},
		{"14 days after: no longer mailed, still open", end.Add(14 * 24 * time.Hour), true, false, false, nil},
		{"60 days after: closed", end.Add(60 * 24 * time.Hour), true, false, false, ErrEvaluationClosed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := AfterCourseNow(d, tt.now); got != tt.mail {
				t.Errorf("AfterCourseNow = %v, want %v", got, tt.mail)
			}
			if got := CheckEvaluation(d, tt.attended, tt.answered, tt.now); !errors.Is(got, tt.eval) {
				t.Errorf("CheckEvaluation = %v, want %v", got, tt.eval)
			}
		})
	}
}

func TestCheckStayChange(t *testing.T) {
	start := time.Date(2027, 3, 3, 8, 45, 0, 0, cph)
	d := catalog.CourseDate{StartsAt: start, EndsAt: start.Add(30 * time.Hour), Status: catalog.DatePlanned}
	tests := []struct {
		name   string
		status string
		now    time.Time
		want   error
	}{
		{"confirmed, before the start", StatusConfirmed, start.Add(-time.Minute), nil},
		{"waiting, before the start", StatusWaitlisted, start.Add(-time.Hour), nil},
		{"at the start", StatusConfirmed, start, ErrStayClosed},
		{"cancelled", StatusCancelled, start.Add(-time.Hour), ErrCancelled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CheckStayChange(d, tt.status, tt.now); !errors.Is(got, tt.want) {
				t.Fatalf("CheckStayChange = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestKnownAllergens(t *testing.T) {
	if got := KnownAllergens([]string{"milk", "gluten", "milk", "chocolate"}); !slices.Equal(got, []string{"gluten", "milk"}) {
		t.Fatalf("KnownAllergens = %v, want gluten and milk once, in the regulation's order", got)
	}
	if len(Allergens) != 14 {
		t.Fatalf("%d allergens, the regulation has 14", len(Allergens))
	}
}

func TestSummarize(t *testing.T) {
	s := Summarize([]Answer{
		{5, 4, 5, "Mere tid til dilemmaspillet"},
		{4, 4, 3, ""},
		{5, 2, 4, "  bedre kaffe "},
	})
	if s.N != 3 || !s.Shown() {
		t.Fatalf("N %d shown %v, want 3 and shown", s.N, s.Shown())
	}
	if s.Scores[0].Counts != [5]int{0, 0, 0, 1, 2} || s.Scores[0].Mean() != "4,7" {
		t.Errorf("overall %v mean %s, want one 4 and two 5s, 4,7", s.Scores[0].Counts, s.Scores[0].Mean())
	}
	if s.Scores[1].Mean() != "3,3" || s.Scores[2].Mean() != "4,0" {
		t.Errorf("means %s and %s, want 3,3 and 4,0", s.Scores[1].Mean(), s.Scores[2].Mean())
	}
	if !slices.Equal(s.Improve, []string{"bedre kaffe", "Mere tid til dilemmaspillet"}) {
		t.Errorf("texts %q, want them trimmed, empty ones left out, sorted", s.Improve)
	}
	if two := Summarize([]Answer{{5, 5, 5, ""}, {1, 1, 1, ""}}); two.Shown() {
		t.Error("two answers are shown; an answer could be told from who gave it")
	}
	if (Score{}).Mean() != "–" {
		t.Error("the mean of no ratings is not a dash")
	}
}

func TestTotalStays(t *testing.T) {
	got := TotalStays([]StayRow{
		{Name: "A", Stay: &Stay{Overnight: true, EarlyArrival: true, Allergens: []string{"milk", "gluten"}}},
		{Name: "B", Stay: &Stay{Overnight: true}, Diet: "Vegetar"},
		{Name: "C", Stay: &Stay{Overnight: false, Allergens: []string{"milk"}}},
		{Name: "D"},
	})
	if got.People != 4 || got.Overnight != 2 || got.EarlyArrival != 1 || got.NotSaid != 1 || got.SpecialDiet != 3 {
		t.Fatalf("totals %+v", got)
	}
	want := []AllergenCount{{Allergens[0], 1}, {Allergens[6], 2}}
	if !slices.Equal(got.Allergens, want) {
		t.Fatalf("allergens %v, want gluten 1 and milk 2", got.Allergens)
	}
}
