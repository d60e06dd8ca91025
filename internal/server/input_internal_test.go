package server

import "testing"

func TestCleanValues(t *testing.T) {
	tests := []struct {
		in, want string
		changed  bool
	}{
		{"q=politik&side=2", "q=politik&side=2", false},
		{"q=%C3%A6ble", "q=%C3%A6ble", false}, // æ is UTF-8: untouched
		{"q=mindre+%3C+st%C3%B8rre", "q=mindre+%3C+st%C3%B8rre", false},
		{"q=%00", "q=", true}, // NUL dropped
		{"q=a%00b&side=2", "q=ab&side=2", true},
		{"q=%FF", "q=%EF%BF%BD", true}, // not UTF-8: U+FFFD
		{"na%00me=x", "name=x", true},  // keys too
		{"q=%zz", "q=%zz", false},      // malformed: left to the handler
		{"", "", false},
	}
	for _, tt := range tests {
		got, changed := cleanValues(tt.in)
		if got != tt.want || changed != tt.changed {
			t.Errorf("cleanValues(%q) = %q, %v; want %q, %v", tt.in, got, changed, tt.want, tt.changed)
		}
	}
}
