package views

// AftercareForm is the course editor's part about the time after the
// booking, as typed.
type AftercareForm struct {
	Residential  bool
	ReminderDays string
	BringNote    string
	DiplomaHours string // "14" or "6,5"; "" states the days instead
}
