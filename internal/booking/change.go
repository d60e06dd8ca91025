package booking

import (
	"slices"
	"time"

	"kursuskatalog/internal/catalog"
)

// The rules of changes to a booking once made: cancelling, handing a seat
// on, promoting, moving, and what a date's new capacity does.

// ToCancel returns the seats a booker's cancellation at now takes: those
// named (every seat of the booking when none are named) that are not
// cancelled yet. It is ErrBinding when one of them may no longer be
// cancelled free of charge (CanCancel on its date). An empty result means
// there is nothing to cancel.
func ToCancel(seats []Seat, dates map[int64]catalog.CourseDate, named []int64, now time.Time) ([]Seat, error) {
	var out []Seat
	for _, st := range seats {
		if st.Status == StatusCancelled || (len(named) > 0 && !slices.Contains(named, st.ID)) {
			continue
		}
		if !CanCancel(dates[st.DateID], now) {
			return nil, ErrBinding
		}
		out = append(out, st)
	}
	return out, nil
}

// Freed lists the dates on which cancelling these seats frees a seat, one
// entry per seat: a seat held, not a place on a waiting list. A freed
// seat goes to the first on the date's waiting list, or back to the date.
func Freed(cancelled []Seat) []int64 {
	var out []int64
	for _, st := range cancelled {
		if st.Status == StatusConfirmed {
			out = append(out, st.DateID)
		}
	}
	return out
}

// CheckActive says whether staff may cancel a participant with this status,
// or put a substitute in their place: anyone not cancelled already,
// whatever the phase.
func CheckActive(status string) error {
	if status == StatusCancelled {
		return ErrCancelled
	}
	return nil
}

// CheckSubstitute says whether the booker may hand a seat on at now: until
// the course starts, on a date not cancelled.
func CheckSubstitute(d catalog.CourseDate, now time.Time) error {
	if !CanSubstitute(d, now) {
		return ErrBinding
	}
	return nil
}

// CheckPromote says whether staff may give a waiting participant a seat on
// d out of turn: only someone waiting, and only when d has a free seat.
func CheckPromote(status string, d catalog.CourseDate) error {
	if status != StatusWaitlisted {
		return ErrNotWaiting
	}
	if d.SeatsLeft() == 0 {
		return ErrNoSeat
	}
	return nil
}

// Move is what moving a participant to another date does.
type Move struct {
	Seat    bool // a seat on the new date; false: the end of its waiting list
	Binding bool // binding once moved
	Frees   bool // the participant held a seat on the old date, which is freed
}

// PlanMove plans moving a participant with status from one date to another
// of the same course at now. The new date must be planned and upcoming.
// The participant gets a seat when the new date has one; binding stays, and
// comes when the new date's deadline has passed.
func PlanMove(status string, binding bool, from, to BookedDate, now time.Time) (Move, error) {
	if status == StatusCancelled {
		return Move{}, ErrCancelled
	}
	if to.ID == from.ID || to.CourseID != from.CourseID || to.Status != catalog.DatePlanned || !to.StartsAt.After(now) {
		return Move{}, ErrOtherCourse
	}
	return Move{
		Seat:    to.SeatsLeft() > 0,
		Binding: binding || !now.Before(DeadlineEnd(to.Deadline)),
		Frees:   status == StatusConfirmed,
	}, nil
}

// NewSeats is how many seats a date's capacity going from old to new adds,
// to be given to those waiting in turn; a capacity below the seats taken is
// a *CapacityError.
func NewSeats(old, new, taken int) (int, error) {
	if new < taken {
		return 0, &CapacityError{Taken: taken}
	}
	return max(0, new-old), nil
}
