package catalog

import "testing"

func TestParseKroner(t *testing.T) {
	for _, c := range []struct {
		in   string
		ore  int64
		good bool
	}{
		{"9995", 999500, true}, {"9.995", 999500, true}, {"9 995 kr.", 999500, true}, {"9.995,50", 999550, true},
		{"9995,5", 999550, true}, {"0", 0, true},
		{"", 0, false}, {"-5", 0, false}, {"9,999,5", 0, false}, {"ni tusind", 0, false}, {"9995,", 0, false}, {"1,234", 0, false},
		{"12345678901", 0, false}, {"+5", 0, false},
		{"6.750", 675000, true}, {"6.750 kr.", 675000, true},
	} {
		ore, ok := ParseKroner(c.in)
		if ok != c.good || (ok && ore != c.ore) {
			t.Errorf("%q: %d %v, want %d %v", c.in, ore, ok, c.ore, c.good)
		}
	}
}
