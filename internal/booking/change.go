package booking

import (
	"time"

	"kursuskatalog/internal/catalog"
)

// The rules of changes to a booking once made: cancelling, handing a seat
// on, promoting, moving, and what a date's new capacity does.

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
// d by hand: only someone waiting, and only into a free seat, or the seat
// offered to them (offered), which staff then accept on their behalf. A
// seat offered to someone else is theirs until they answer.
func CheckPromote(status string, offered bool, d catalog.CourseDate) error {
	if status != StatusWaitlisted {
		return ErrNotWaiting
	}
	if !offered && d.SeatsLeft() == 0 {
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
// The participant gets a seat when the new date has one; a seat stays
// binding, and binds when the new date's deadline has passed. A place on
// the new date's waiting list does not bind.
func PlanMove(status string, binding bool, from, to BookedDate, now time.Time) (Move, error) {
	if status == StatusCancelled {
		return Move{}, ErrCancelled
	}
	if to.ID == from.ID || to.CourseID != from.CourseID || to.Status != catalog.DatePlanned || !to.StartsAt.After(now) {
		return Move{}, ErrOtherCourse
	}
	return Move{
		Seat:    to.SeatsLeft() > 0,
		Binding: to.SeatsLeft() > 0 && (binding || !now.Before(DeadlineEnd(to.Deadline))),
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
