package invoice

import (
	"regexp"
	"strings"
)

// Address is a postal address as typed, and its parts when it is a plain
// Danish one: street and number on one line, postcode and town on the
// next ("Rådhuspladsen 2, 8000 Aarhus C"). OIOUBL takes the parts as a
// StructuredDK address and anything else as its lines.
type Address struct {
	Lines          []string
	Street, Number string
	Zip, City      string
}

// Structured says whether the parts were found.
func (a Address) Structured() bool { return a.Street != "" && a.Zip != "" }

// String is the address on one line.
func (a Address) String() string { return strings.Join(a.Lines, ", ") }

var (
	zipCity    = regexp.MustCompile(`^(?:DK-?\s*)?([0-9]{4})\s+(\S.*)$`)
	streetLine = regexp.MustCompile(`^(\S.*?)\s+([0-9]+[A-Za-zÆØÅæøå]?)$`)
)

// ParseAddress splits an address into lines at line breaks and commas,
// and into its parts when it has just a street line and a postcode line.
func ParseAddress(s string) Address {
	var a Address
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' || r == ',' }) {
		if p := strings.Join(strings.Fields(part), " "); p != "" {
			a.Lines = append(a.Lines, p)
		}
	}
	if len(a.Lines) != 2 {
		return a
	}
	st, zc := streetLine.FindStringSubmatch(a.Lines[0]), zipCity.FindStringSubmatch(a.Lines[1])
	if st != nil && zc != nil {
		a.Street, a.Number, a.Zip, a.City = st[1], st[2], zc[1], zc[2]
	}
	return a
}
