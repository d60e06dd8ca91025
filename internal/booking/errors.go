package booking

import (
	"errors"
	"fmt"
)

// The errors a booker or a member of staff can meet, one name each. The
// enrolment service returns them; the pages turn each into a Danish message.
var (
	// ErrUnknownDate means a date asked for does not exist or is not of a
	// published course.
	ErrUnknownDate = errors.New("booking: unknown date")
	// ErrBinding means the enrolment has become binding: the seat can no
	// longer be cancelled free of charge, or (after the start) handed on.
	ErrBinding = errors.New("booking: enrolment is binding")
	// ErrNotWaiting means the participant is not on a waiting list.
	ErrNotWaiting = errors.New("booking: participant is not on the waiting list")
	// ErrNoSeat means the date has no free seat.
	ErrNoSeat = errors.New("booking: no seat left on the date")
	// ErrCancelled means the participant is cancelled already.
	ErrCancelled = errors.New("booking: participant is cancelled")
	// ErrOtherCourse means a move to a date of another course, or to one
	// that is not planned and upcoming.
	ErrOtherCourse = errors.New("booking: the date is of another course or not open")
	// ErrDateCancelled means the date is cancelled and cannot change.
	ErrDateCancelled = errors.New("booking: the date is cancelled")
)

// DuplicateFormError means the form was posted before; Ref is its booking
// ("" when the other post is not committed yet).
type DuplicateFormError struct{ Ref string }

func (e *DuplicateFormError) Error() string { return "booking: form already booked as " + e.Ref }

// DateClosedError means a date takes no (more) enrolments at this moment.
type DateClosedError struct {
	Date  BookedDate
	Phase Phase
}

func (e *DateClosedError) Error() string {
	return fmt.Sprintf("booking: date %d is %s", e.Date.ID, e.Phase.Label())
}

// AlreadyBookedError means a participant already holds a place on a date.
// Email is "" when the database caught it and it is not known whom.
type AlreadyBookedError struct {
	Email string
	Date  BookedDate
}

func (e *AlreadyBookedError) Error() string {
	return fmt.Sprintf("booking: %s is already on date %d", e.Email, e.Date.ID)
}

// CapacityError refuses a capacity below the seats already taken.
type CapacityError struct{ Taken int }

func (e *CapacityError) Error() string {
	return fmt.Sprintf("booking: capacity below the %d seats taken", e.Taken)
}
