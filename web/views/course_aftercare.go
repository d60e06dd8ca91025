package views

func yesNoValue(b bool) string {
	if b {
		return "ja"
	}
	return "nej"
}

// AftercareForm is the course editor's part about the time after the
// booking, as typed.
type AftercareForm struct {
	Residential  bool
	ReminderDays string
	BringNote    string
	DiplomaHours string // "14" or "6,5"; "" states the days instead
	// Present: the form had these fields (a form without them leaves the
	// saved values alone).
	Present bool
}
