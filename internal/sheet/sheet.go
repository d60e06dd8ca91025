// Package sheet writes CSV files for Danish Excel: UTF-8 with a
// byte-order mark (else Excel reads Windows-1252), semicolons (the list
// separator where the decimal mark is a comma) and CRLF. A text cell that
// Excel would turn into something else is protected: one that looks like
// a number or a date ("5798000416604", "0045 1234", "03.03.2027") is
// written as the formula ="…", which Excel shows as that very text, and
// one that would run as a formula ("=HYPERLINK(…)", "+45…", "-") gets a
// leading apostrophe.
package sheet

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"
	"time"
)

// Writer gathers rows.
type Writer struct {
	buf bytes.Buffer
	csv *csv.Writer
}

// New starts a file with the byte-order mark.
func New() *Writer {
	w := &Writer{}
	w.buf.WriteString("\uFEFF")
	w.csv = csv.NewWriter(&w.buf)
	w.csv.Comma = ';'
	w.csv.UseCRLF = true
	return w
}

// Cell is one value of a row, made by Text or Number.
type Cell struct{ s string }

// Text is a cell that stays the text it is.
func Text(s string) Cell {
	switch {
	case looksNumeric(s):
		return Cell{`="` + strings.ReplaceAll(s, `"`, `""`) + `"`}
	case s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])):
		return Cell{"'" + s}
	}
	return Cell{s}
}

// Number is a cell Excel reads as a number.
func Number(n int) Cell { return Cell{strconv.Itoa(n)} }

// Date is a day Danish Excel reads as a date ("03.03.2027"), in t's own
// time zone.
func Date(t time.Time) Cell { return Cell{t.Format("02.01.2006")} }

// Decimal is v with places decimals (øre with 2: 675050 is "6750,50"), a
// decimal comma and no thousands separator, which Danish Excel reads as a
// number.
func Decimal(v int64, places int) Cell {
	sign := ""
	if v < 0 {
		sign, v = "-", -v
	}
	digits := strconv.FormatInt(v, 10)
	if places <= 0 {
		return Cell{sign + digits}
	}
	if len(digits) <= places {
		digits = strings.Repeat("0", places-len(digits)+1) + digits
	}
	cut := len(digits) - places
	return Cell{sign + digits[:cut] + "," + digits[cut:]}
}

// Row adds a row.
func (w *Writer) Row(cells ...Cell) {
	rec := make([]string, len(cells))
	for i, c := range cells {
		rec[i] = c.s
	}
	w.csv.Write(rec) // writes to memory: no error but a flush's
}

// Texts adds a row of text cells.
func (w *Writer) Texts(texts ...string) { w.Row(Texts(texts...)...) }

// Texts are text cells.
func Texts(texts ...string) []Cell {
	cells := make([]Cell, len(texts))
	for i, t := range texts {
		cells[i] = Text(t)
	}
	return cells
}

// Bytes ends the file.
func (w *Writer) Bytes() ([]byte, error) {
	w.csv.Flush()
	return w.buf.Bytes(), w.csv.Error()
}

// looksNumeric says whether Excel would read s as a number, a date or a
// time: digits with nothing but spaces, signs, separators and a percent.
func looksNumeric(s string) bool {
	s = strings.TrimSpace(s)
	digit := false
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digit = true
		case strings.ContainsRune(" .,:/-+%\u00a0", r):
		default:
			return false
		}
	}
	return digit
}
