package jobs

import (
	"testing"
	"time"

	"kursuskatalog/internal/catalog"
)

func TestNightlyRunsAtThreeInCopenhagen(t *testing.T) {
	cph := func(y int, m time.Month, d, h, min int) time.Time {
		return time.Date(y, m, d, h, min, 0, 0, catalog.Copenhagen)
	}
	tests := []struct {
		name      string
		now, want time.Time
	}{
		{"evening: the next night", cph(2026, 12, 4, 22, 0), cph(2026, 12, 5, 3, 0)},
		{"just before three", cph(2026, 12, 5, 2, 59), cph(2026, 12, 5, 3, 0)},
		{"at three: the night after", cph(2026, 12, 5, 3, 0), cph(2026, 12, 6, 3, 0)},
		{"a clock in UTC", time.Date(2026, 12, 5, 1, 30, 0, 0, time.UTC), cph(2026, 12, 5, 3, 0)},
		{"the night summer time starts", cph(2027, 3, 27, 12, 0), time.Date(2027, 3, 28, 1, 0, 0, 0, time.UTC)},
		{"the night summer time ends", cph(2027, 10, 30, 12, 0), time.Date(2027, 10, 31, 2, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		if got := (dailyAt{hour: nightlyHour}).Next(tt.now); !got.Equal(tt.want) {
			t.Errorf("%s: Next(%v) = %v, want %v", tt.name, tt.now, got, tt.want)
		}
	}
}
