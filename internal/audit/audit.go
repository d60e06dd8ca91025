// Package audit is what the audit log records and how it reads in Danish:
// an entry says who did what to which thing (in words as they were then),
// and each changed field's old and new value. Pure: no I/O.
package audit

import (
	"strings"
)

// Entry is one line of the audit log as it is written.
type Entry struct {
	StaffID   int64  // the member of staff; 0 when someone else acted
	Actor     string // who acted when no staff did, e.g. "Bookeren Anne Hansen"
	Entity    string // course, course_date, participant, booking, inquiry, venue, …
	EntityID  int64
	Action    string // create, update, delete, cancel, promote, move, substitute, invoice, reply, …
	Label     string // the thing in words as it was: "Politisk forståelse, 03.03.2027: Anne Hansen"
	DateID    int64  // the date it concerns, for a link (0: none)
	BookingID int64  // the booking it concerns (0: none)
	Changes   []Change
}

// Change is one field's value before and after, as text.
type Change struct {
	Field string `json:"field"`
	Old   string `json:"old"`
	New   string `json:"new"`
}

// Changes collects the fields a save changes. A field whose values differ
// only in line endings or trailing white space is no change: browsers send
// text areas with CRLF, and saving a form untouched must log nothing.
type Changes []Change

// Add records name when old and new differ in more than line endings.
func (c *Changes) Add(name, old, new string) {
	if Same(old, new) {
		return
	}
	*c = append(*c, Change{Field: name, Old: old, New: new})
}

// Fields are the names of the changed fields.
func (c Changes) Fields() []string {
	out := make([]string, len(c))
	for i, x := range c {
		out[i] = x.Field
	}
	return out
}

// Has says whether field changed.
func (c Changes) Has(field string) bool {
	for _, x := range c {
		if x.Field == field {
			return true
		}
	}
	return false
}

// Same says whether two texts are equal but for line endings (CRLF, CR
// or LF) and white space at the ends of lines and of the text.
func Same(a, b string) bool {
	if a == b {
		return true
	}
	return Normal(a) == Normal(b)
}

// Normal is s with LF line endings and no white space at the end of its
// lines or the text: how text areas are compared and kept.
func Normal(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	return strings.TrimRight(strings.Join(lines, "\n"), "\n")
}
