package forms

import (
	"unicode"

	"kursuskatalog/web/views"
)

// HasControl says whether s holds a control character: a line break (CR,
// LF, or Unicode's line and paragraph separators), a tab, or any other C0
// or C1 control. Nobody types one into a one-line field, and in a mail
// header (a name, an address, a subject) or a line of a file (a calendar
// entry, a CSV row) it splits the value: the mail library refuses such a
// header, and the mail was retried for weeks.
func HasControl(s string) bool {
	for _, r := range s {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return true
		}
	}
	return false
}

// OneLine reports a one-line field that holds a control character.
func OneLine(e *views.FormErrors, id, label, s string) {
	if HasControl(s) {
		e.Add(id, label+" må ikke indeholde linjeskift, tabulatorer eller andre kontroltegn")
	}
}
