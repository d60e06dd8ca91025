package booking

import (
	"strings"
	"testing"
)

func TestCheckEAN(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"5798000416604", ""},
		{"5798 0004 16604", ""},
		{"5798.0004.16604", ""},
		{"5798\u00a0000416604", ""},
		{"5798009882608", ""},
		{"5798000416605", "Kontrolcifferet i EAN-nummeret passer ikke"},
		{"579800041660", "EAN-nummeret skal have 13 cifre"},
		{"57980004166044", "EAN-nummeret skal have 13 cifre"},
		{"579800041660A", "EAN-nummeret skal have 13 cifre"},
		{"", "EAN-nummeret skal have 13 cifre"},
	}
	for _, tt := range tests {
		got := CheckEAN(tt.in)
		if (tt.want == "") != (got == "") || !strings.HasPrefix(got, tt.want) {
			t.Errorf("CheckEAN(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCheckCVR(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"29189846", ""},
		{"2918 9846", ""},
		// As people paste them: a DK prefix, dots, no-break and thin spaces.
		{"DK16442623", ""},
		{"DK 79301663", ""},
		{"dk-79301663", ""},
		{"4052.7532", ""},
		{"4052\u00a07532", ""},
		{" 40\u202f52\u200975\u00a032 ", ""},
		{"DK", "CVR-nummeret skal have 8 cifre"},
		{"10103940", ""},
		{"12345678", "CVR-nummeret er ikke gyldigt"},
		{"01234567", "Et CVR-nummer begynder ikke med 0"},
		{"2918984", "CVR-nummeret skal have 8 cifre"},
		{"abcdefgh", "CVR-nummeret skal have 8 cifre"},
	}
	for _, tt := range tests {
		got := CheckCVR(tt.in)
		if (tt.want == "") != (got == "") || !strings.HasPrefix(got, tt.want) {
			t.Errorf("CheckCVR(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCheckEmail(t *testing.T) {
	good := []string{"lone.kragh@cok.dk", "a.b+c@aarhus.dk", "Søren@kommune.dk"}
	bad := []string{"", "lone", "lone@", "@cok.dk", "lone@cok", "Lone <lone@cok.dk>", "lone@cok.dk.", "a b@cok.dk"}
	for _, s := range good {
		if msg := CheckEmail(s); msg != "" {
			t.Errorf("CheckEmail(%q) = %q, want ok", s, msg)
		}
	}
	for _, s := range bad {
		if CheckEmail(s) == "" {
			t.Errorf("CheckEmail(%q) accepted", s)
		}
	}
}

func TestCheckPhone(t *testing.T) {
	tests := []struct{ in, norm string }{
		{"21 45 67 89", "+4521456789"},
		{"+45 21 45 67 89", "+4521456789"},
		{"0045 21456789", "+4521456789"},
		{"21-45-67-89", "+4521456789"},
		{"+46 8 123 456 78", "+46812345678"},
	}
	for _, tt := range tests {
		if msg := CheckPhone(tt.in); msg != "" {
			t.Errorf("CheckPhone(%q) = %q", tt.in, msg)
		}
		if got := NormalizePhone(tt.in); got != tt.norm {
			t.Errorf("NormalizePhone(%q) = %q, want %q", tt.in, got, tt.norm)
		}
	}
	for _, s := range []string{"", "1234", "+45 1234", "21 45 67 8x", "2145678901", "+", "45+21456789"} {
		if CheckPhone(s) == "" {
			t.Errorf("CheckPhone(%q) accepted", s)
		}
	}
}

// The validators never panic, and what they accept has the stored shape.
func TestDigitsStoresOnlyDigits(t *testing.T) {
	for in, want := range map[string]string{"DK 79301663": "79301663", "4052.7532": "40527532", "5798\u00a00004\u202f16604": "5798000416604"} {
		if got := Digits(in); got != want {
			t.Errorf("Digits(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzCheckEAN(f *testing.F) {
	for _, s := range []string{"5798000416604", "", "57980004166 04", "٥٧٩٨٠٠٠٤١٦٦٠٤"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if CheckEAN(s) == "" {
			d := Digits(s)
			if len(d) != 13 || !allDigits(d) {
				t.Fatalf("accepted %q", s)
			}
		}
	})
}

func FuzzCheckCVR(f *testing.F) {
	for _, s := range []string{"29189846", "", "0", "2918-9846"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if CheckCVR(s) == "" {
			d := Digits(s)
			if len(d) != 8 || !allDigits(d) || d[0] == '0' {
				t.Fatalf("accepted %q", s)
			}
		}
	})
}

func FuzzCheckEmail(f *testing.F) {
	for _, s := range []string{"a@b.dk", "", "x@y", "\"a b\"@c.dk"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if CheckEmail(s) == "" && (strings.ContainsAny(s, " <>\r\n") || !strings.Contains(s, "@")) {
			t.Fatalf("accepted %q", s)
		}
	})
}

func FuzzCheckPhone(f *testing.F) {
	for _, s := range []string{"+45 21 45 67 89", "", "++", "0045"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if CheckPhone(s) == "" {
			n := NormalizePhone(s)
			if !strings.HasPrefix(n, "+") || len(n) < 8 || len(n) > 16 {
				t.Fatalf("accepted %q as %q", s, n)
			}
		}
	})
}
