package booking

import (
	"testing"
	"time"

	"kursuskatalog/internal/catalog"
)

func TestDatesTogether(t *testing.T) {
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	date := func(id int64, month time.Month, day int, taken int) catalog.CourseDate {
		s := time.Date(2027, month, day, 8, 45, 0, 0, catalog.Copenhagen)
		return catalog.CourseDate{ID: id, StartsAt: s, EndsAt: s.Add(30 * time.Hour), Deadline: s.AddDate(0, 0, -30),
			Capacity: 20, SeatsTaken: taken, Status: catalog.DatePlanned}
	}
	base := []catalog.CourseDate{date(1, 3, 3, 0), date(2, 9, 8, 0), date(3, 11, 1, 0)}
	special := []catalog.CourseDate{date(11, 2, 1, 0), date(12, 4, 7, 20), date(13, 5, 5, 0), date(14, 10, 6, 0)}
	runs := DatesTogether([][]catalog.CourseDate{base, special}, now)
	// March's base goes with May (April's date is full: only its waiting
	// list is open); November's base has no special after it.
	want := [][2]int64{{1, 13}, {2, 14}}
	if len(runs) != len(want) {
		t.Fatalf("%d runs, want %d: %v", len(runs), len(want), runs)
	}
	for i, w := range want {
		if runs[i][0].ID != w[0] || runs[i][1].ID != w[1] {
			t.Errorf("run %d is %d+%d, want %d+%d", i, runs[i][0].ID, runs[i][1].ID, w[0], w[1])
		}
	}
}
