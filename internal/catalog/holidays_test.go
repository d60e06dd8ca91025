package catalog

import (
	"testing"
	"time"
)

func TestEaster(t *testing.T) {
	for year, want := range map[int]string{2024: "2024-03-31", 2025: "2025-04-20", 2026: "2026-04-05", 2027: "2027-03-28", 2028: "2028-04-16"} {
		if got := easter(year).Format("2006-01-02"); got != want {
			t.Errorf("easter %d = %s, want %s", year, got, want)
		}
	}
}

func TestWorkdays(t *testing.T) {
	d := func(s string) time.Time {
		t, _ := time.ParseInLocation("2006-01-02", s, Copenhagen)
		return t
	}
	for _, c := range []struct {
		day  string
		work bool
	}{
		{"2026-11-23", true},  // Monday
		{"2026-11-22", false}, // Sunday
		{"2026-12-25", false}, // Juledag, a Friday
		{"2026-12-24", false}, // Juleaftensdag
		{"2027-03-25", false}, // Skærtorsdag
		{"2027-03-29", false}, // 2. påskedag
		{"2027-05-06", false}, // Kristi himmelfartsdag
		{"2027-05-17", false}, // 2. pinsedag
		{"2027-04-23", true},  // the Friday Store Bededag was until 2023
		{"2027-06-04", true},
	} {
		if got := IsWorkday(d(c.day)); got != c.work {
			t.Errorf("IsWorkday(%s) = %v", c.day, got)
		}
	}
	for _, c := range []struct {
		from string
		days int
		want string
	}{
		{"2026-11-21", 1, "2026-11-23"}, // Saturday: Monday
		{"2026-11-27", 2, "2026-11-30"}, // Friday cannot start two days
		{"2026-12-24", 1, "2026-12-28"}, // over Christmas
		{"2027-03-24", 2, "2027-03-30"}, // not into Easter
		{"2027-03-24", 1, "2027-03-24"},
	} {
		start := d(c.from).Add(9 * time.Hour)
		got := FirstWorkdays(start, c.days)
		if got.Format("2006-01-02") != c.want || got.Hour() != 9 {
			t.Errorf("FirstWorkdays(%s, %d) = %s, want %s 09:00", c.from, c.days, got, c.want)
		}
	}
}
