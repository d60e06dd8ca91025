package booking

import (
	"errors"
	"slices"
	"testing"
	"time"

	"kursuskatalog/internal/catalog"
)

func TestToCancel(t *testing.T) {
	d1, d2 := testDate(1, 1, 10, 5), testDate(2, 2, 10, 5)
	d2.Deadline = time.Date(2027, 1, 5, 0, 0, 0, 0, time.UTC) // passed on 10 January
	dates := map[int64]catalog.CourseDate{1: d1.CourseDate, 2: d2.CourseDate}
	seats := []Seat{
		{ID: 10, DateID: 1, Status: StatusConfirmed},
		{ID: 11, DateID: 1, Status: StatusWaitlisted},
		{ID: 12, DateID: 1, Status: StatusCancelled},
		{ID: 13, DateID: 2, Status: StatusConfirmed},
	}
	tests := []struct {
		name  string
		seats []Seat
		named []int64
		want  []int64
		err   error
	}{
		{"one seat named", seats, []int64{10}, []int64{10}, nil},
		{"a waiting place", seats, []int64{11}, []int64{11}, nil},
		{"a cancelled seat: nothing to cancel", seats, []int64{12}, nil, nil},
		{"a seat of another booking: nothing to cancel", seats, []int64{99}, nil, nil},
		{"after its deadline: binding", seats, []int64{13}, nil, ErrBinding},
		{"the whole booking, every seat before its deadline", seats[:3], nil, []int64{10, 11}, nil},
		{"the whole booking with one seat binding", seats, nil, nil, ErrBinding},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ToCancel(tt.seats, dates, tt.named, beforeDeadline)
			if !errors.Is(err, tt.err) {
				t.Fatalf("err = %v, want %v", err, tt.err)
			}
			var ids []int64
			for _, st := range got {
				ids = append(ids, st.ID)
			}
			if !slices.Equal(ids, tt.want) {
				t.Fatalf("cancelled %v, want %v", ids, tt.want)
			}
		})
	}
}

func TestFreed(t *testing.T) {
	got := Freed([]Seat{{DateID: 1, Status: StatusConfirmed}, {DateID: 1, Status: StatusWaitlisted}, {DateID: 2, Status: StatusConfirmed}})
	if !slices.Equal(got, []int64{1, 2}) {
		t.Fatalf("freed %v, want a seat on 1 and on 2, none for the waiting place", got)
	}
}

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
		{"promote someone waiting to a free seat", CheckPromote(StatusWaitlisted, free), nil},
		{"promote to a full date", CheckPromote(StatusWaitlisted, full), ErrNoSeat},
		{"promote someone seated", CheckPromote(StatusConfirmed, free), ErrNotWaiting},
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
