package sheet

import (
	"strings"
	"testing"
	"time"
)

func TestText(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Åse Ærø", "Åse Ærø"},
		{"5798000416604", `="5798000416604"`},
		{"0045 87 13 00 00", `="0045 87 13 00 00"`},
		{"03.03.2027", `="03.03.2027"`},
		{"1-2", `="1-2"`},
		{"-", "'-"},
		{"=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"},
		{"+45 something", "'+45 something"},
		{"Vegetar, 2 portioner", "Vegetar, 2 portioner"},
		{"", ""},
	} {
		if got := Text(tt.in).s; got != tt.want {
			t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFile(t *testing.T) {
	w := New()
	w.Texts("Navn", "Telefon")
	w.Row(Text("Bo; Bøgh"), Text("87130000"), Number(5))
	b, err := w.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	want := "\uFEFFNavn;Telefon\r\n\"Bo; Bøgh\";\"=\"\"87130000\"\"\";5\r\n"
	if string(b) != want {
		t.Fatalf("got %q\nwant %q", b, want)
	}
	if !strings.HasPrefix(string(b), "\xef\xbb\xbf") {
		t.Fatal("no UTF-8 byte-order mark")
	}
}

func TestDate(t *testing.T) {
	if got := Date(time.Date(2027, 3, 3, 23, 30, 0, 0, time.UTC)).s; got != "03.03.2027" {
		t.Errorf("Date = %q", got)
	}
}

func TestDecimal(t *testing.T) {
	for _, tt := range []struct {
		v      int64
		places int
		want   string
	}{
		{675000, 2, "6750,00"}, {675050, 2, "6750,50"}, {5, 2, "0,05"}, {-1250, 2, "-12,50"}, {0, 2, "0,00"},
		{123, 1, "12,3"}, {7, 1, "0,7"}, {42, 0, "42"},
	} {
		if got := Decimal(tt.v, tt.places).s; got != tt.want {
			t.Errorf("Decimal(%d, %d) = %q, want %q", tt.v, tt.places, got, tt.want)
		}
	}
}
