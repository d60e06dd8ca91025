package booking

import (
	"testing"
	"time"

	"kursuskatalog/internal/catalog"
)

func TestPhaseOf(t *testing.T) {
	cph := catalog.Copenhagen
	start := time.Date(2027, 3, 3, 8, 45, 0, 0, cph)
	deadline := time.Date(2027, 1, 25, 0, 0, 0, 0, time.UTC)
	date := func(capacity, taken int, status string) catalog.CourseDate {
		return catalog.CourseDate{StartsAt: start, EndsAt: start.Add(30 * time.Hour), Deadline: deadline, Capacity: capacity, SeatsTaken: taken, Status: status}
	}
	beforeDeadline := time.Date(2027, 1, 25, 23, 59, 0, 0, cph)
	afterDeadline := time.Date(2027, 1, 26, 0, 0, 0, 0, cph)
	tests := []struct {
		name string
		d    catalog.CourseDate
		now  time.Time
		want Phase
	}{
		{"open", date(30, 10, "planned"), beforeDeadline, PhaseOpen},
		{"few seats at the threshold", date(30, 25, "planned"), beforeDeadline, PhaseFewSeats},
		{"one more than few", date(30, 24, "planned"), beforeDeadline, PhaseOpen},
		{"full before deadline: waitlist", date(30, 30, "planned"), beforeDeadline, PhaseWaitlist},
		{"deadline day's last minute is still before", date(30, 10, "planned"), beforeDeadline, PhaseOpen},
		{"midnight after the deadline: binding", date(30, 10, "planned"), afterDeadline, PhaseAfterDeadline},
		{"full after deadline: still a waiting list", date(30, 30, "planned"), afterDeadline, PhaseWaitlist},
		{"started", date(30, 10, "planned"), start, PhaseStarted},
		{"past", date(30, 10, "planned"), start.AddDate(1, 0, 0), PhaseStarted},
		{"cancelled wins over everything", date(30, 30, "cancelled"), beforeDeadline, PhaseCancelled},
		{"cancelled in the past", date(30, 0, "cancelled"), start.AddDate(0, 1, 0), PhaseCancelled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := PhaseOf(tt.d, tt.now); got != tt.want {
				t.Fatalf("PhaseOf = %v (%s), want %v (%s)", got, got.Label(), tt.want, tt.want.Label())
			}
		})
	}
}

func TestPhaseActions(t *testing.T) {
	for p := PhaseOpen; p <= PhaseCancelled; p++ {
		if p.Label() == "" {
			t.Errorf("phase %d has no label", p)
		}
		if p.CanEnrol() != (p.Action() != "") {
			t.Errorf("phase %s: CanEnrol=%v but action %q", p.Label(), p.CanEnrol(), p.Action())
		}
		if !p.CanEnrol() && p.Reason() == "" {
			t.Errorf("phase %s takes no enrolment but gives no reason", p.Label())
		}
	}
}
