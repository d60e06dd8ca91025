package views

import "kursuskatalog/internal/booking"

// PhoneBookingProps are the props of "Tilmelding pr. telefon": staff type a
// caller's booking on one date. Form is the public enrolment form's data,
// so the same validation and booking apply; Rows is how many participant
// rows are shown.
type PhoneBookingProps struct {
	Page   AdminPage
	Date   booking.DateOverview
	Form   EnrolmentForm
	Rows   int
	Errors FormErrors
}

func (p PhoneBookingProps) participant(i int) ParticipantForm {
	if i < len(p.Form.Participants) {
		return p.Form.Participants[i]
	}
	return ParticipantForm{}
}

func (p PhoneBookingProps) field(id, name, label, value, typ string, required bool, max int) Field {
	return Field{ID: id, Name: name, Label: label, Value: value, Type: typ, Required: required, MaxLength: max, Error: p.Errors.Get(id)}
}

func rowsUpTo(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}
