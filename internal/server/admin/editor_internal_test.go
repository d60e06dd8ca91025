package admin

import (
	"testing"
	"time"
)

func TestParseDayField(t *testing.T) {
	want := time.Date(2027, 1, 25, 0, 0, 0, 0, time.UTC)
	for _, in := range []string{"2027-01-25", "25.01.2027", "25.1.2027"} {
		if d, ok := parseDayField(in); !ok || !d.Equal(want) {
			t.Errorf("%q: %v %v", in, d, ok)
		}
	}
	for _, in := range []string{"", "25/01/2027", "2027-02-30", "i morgen"} {
		if _, ok := parseDayField(in); ok {
			t.Errorf("%q accepted", in)
		}
	}
}
