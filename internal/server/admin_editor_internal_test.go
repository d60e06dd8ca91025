package server

import (
	"testing"
	"time"
)

func TestParseKronerField(t *testing.T) {
	for _, c := range []struct {
		in   string
		ore  int64
		good bool
	}{
		{"9995", 999500, true}, {"9.995", 999500, true}, {"9 995 kr.", 999500, true}, {"9.995,50", 999550, true},
		{"9995,5", 999550, true}, {"0", 0, true},
		{"", 0, false}, {"-5", 0, false}, {"9,999,5", 0, false}, {"ni tusind", 0, false}, {"9995,", 0, false}, {"1,234", 0, false},
		{"12345678901", 0, false},
	} {
		ore, ok := parseKronerField(c.in)
		if ok != c.good || (ok && ore != c.ore) {
			t.Errorf("%q: %d %v, want %d %v", c.in, ore, ok, c.ore, c.good)
		}
	}
}

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
