package booking

import (
	"errors"
	"testing"
	"time"

	"kursuskatalog/internal/catalog"
)

func TestChecksOfStaffActions(t *testing.T) {
	full, free := testDate(1, 1, 10, 10).CourseDate, testDate(1, 1, 10, 9).CourseDate
	started := testDate(1, 1, 10, 9).CourseDate
	cancelled := free
	cancelled.Status = catalog.DateCancelled
	afterStart := started.StartsAt.Add(time.Minute)
	tests := []struct {
		name string
		got  error
		want error
	}{
		{"staff cancel a seat", CheckActive(StatusConfirmed), nil},
		{"staff cancel a waiting place", CheckActive(StatusWaitlisted), nil},
		{"staff cancel twice", CheckActive(StatusCancelled), ErrCancelled},
		{"substitute before the start, after the deadline", CheckSubstitute(free, afterDeadline), nil},
		{"substitute after the start", CheckSubstitute(started, afterStart), ErrBinding},
		{"substitute on a cancelled date", CheckSubstitute(cancelled, beforeDeadline), ErrBinding},
		{"promote someone waiting to a free seat", CheckPromote(StatusWaitlisted, false, free), nil},
		{"promote to a full date", CheckPromote(StatusWaitlisted, false, full), ErrNoSeat},
		{"promote into the seat offered to them: staff accept for them", CheckPromote(StatusWaitlisted, true, full), nil},
		{"promote someone seated", CheckPromote(StatusConfirmed, false, free), ErrNotWaiting},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !errors.Is(tt.got, tt.want) {
				t.Fatalf("got %v, want %v", tt.got, tt.want)
			}
		})
	}
}

func TestPlanMove(t *testing.T) {
	from := testDate(1, 1, 10, 10)
	free, full, other := testDate(2, 1, 10, 3), testDate(3, 1, 10, 10), testDate(4, 2, 10, 0)
	cancelled := testDate(5, 1, 10, 0)
	cancelled.Status = catalog.DateCancelled
	tests := []struct {
		name    string
		status  string
		binding bool
		to      BookedDate
		now     time.Time
		want    Move
		err     error
	}{
		{"a seat to a date with seats", StatusConfirmed, false, free, beforeDeadline, Move{Seat: true, Frees: true}, nil},
		{"a seat to a full date: its waiting list", StatusConfirmed, false, full, beforeDeadline, Move{Seat: false, Frees: true}, nil},
		{"a binding seat to a full date: waiting, not bound", StatusConfirmed, true, full, afterDeadline, Move{Seat: false, Frees: true}, nil},
		{"a waiting place frees no seat", StatusWaitlisted, false, free, beforeDeadline, Move{Seat: true}, nil},
		{"after the new date's deadline: binding", StatusConfirmed, false, free, afterDeadline, Move{Seat: true, Binding: true, Frees: true}, nil},
		{"binding stays binding", StatusConfirmed, true, free, beforeDeadline, Move{Seat: true, Binding: true, Frees: true}, nil},
		{"another course", StatusConfirmed, false, other, beforeDeadline, Move{}, ErrOtherCourse},
		{"a cancelled date", StatusConfirmed, false, cancelled, beforeDeadline, Move{}, ErrOtherCourse},
		{"the same date", StatusConfirmed, false, from, beforeDeadline, Move{}, ErrOtherCourse},
		{"a started date", StatusConfirmed, false, free, free.StartsAt, Move{}, ErrOtherCourse},
		{"a cancelled participant", StatusCancelled, false, free, beforeDeadline, Move{}, ErrCancelled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := PlanMove(tt.status, tt.binding, from, tt.to, tt.now)
			if !errors.Is(err, tt.err) || got != tt.want {
				t.Fatalf("PlanMove = %+v, %v; want %+v, %v", got, err, tt.want, tt.err)
			}
		})
	}
}

func TestNewSeats(t *testing.T) {
	tests := []struct {
		name            string
		old, new, taken int
		want            int
		err             bool
	}{
		{"more seats go to those waiting", 20, 24, 20, 4, false},
		{"fewer seats, still above those taken", 24, 20, 18, 0, false},
		{"the same", 24, 24, 24, 0, false},
		{"below the seats taken", 24, 10, 12, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := NewSeats(tt.old, tt.new, tt.taken)
			var capErr *CapacityError
			if got != tt.want || errors.As(err, &capErr) != tt.err {
				t.Fatalf("NewSeats = %d, %v; want %d, error %v", got, err, tt.want, tt.err)
			}
			if tt.err && capErr.Taken != tt.taken {
				t.Fatalf("CapacityError.Taken = %d, want %d", capErr.Taken, tt.taken)
			}
		})
	}
}
