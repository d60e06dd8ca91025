package catalog

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestCutWordsCutsByLetters(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"  ledelse ", 100, "ledelse"},
		{"møde", 2, "mø"},
		{strings.Repeat("ø", 201), 200, strings.Repeat("ø", 200)},
		{"", 5, ""},
	}
	for _, tt := range tests {
		got := CutWords(tt.in, tt.n)
		if got != tt.want || !utf8.ValidString(got) {
			t.Errorf("CutWords(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}
