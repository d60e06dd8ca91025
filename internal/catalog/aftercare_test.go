package catalog

import (
	"testing"
	"time"
)

func TestHours(t *testing.T) {
	for _, tt := range []struct {
		in      string
		minutes int
		shown   string
	}{
		{"14", 840, "14 timer"},
		{"6,5", 390, "6,5 timer"},
		{"6.5 timer", 390, "6,5 timer"},
		{"6½", 390, "6,5 timer"},
		{"7,25", 435, "7,25 timer"},
		{"1", 60, "1 time"},
	} {
		m, ok := ParseHours(tt.in)
		if !ok || m != tt.minutes {
			t.Errorf("ParseHours(%q) = %d %v, want %d", tt.in, m, ok, tt.minutes)
		}
		if got := FormatHours(m); got != tt.shown {
			t.Errorf("FormatHours(%d) = %q, want %q", m, got, tt.shown)
		}
	}
	for _, bad := range []string{"fjorten", "-3", "1,234", "1000"} {
		if _, ok := ParseHours(bad); ok {
			t.Errorf("ParseHours(%q) accepted", bad)
		}
	}
	if m, ok := ParseHours(""); !ok || m != 0 {
		t.Errorf("ParseHours(\"\") = %d %v, want 0 (none)", m, ok)
	}
}

func TestMapURL(t *testing.T) {
	v := Venue{Name: "Frederik VI's Hotel", Street: "Rugårdsvej 590", Postcode: "5210", City: "Odense NV"}
	if got, want := v.MapURL(), "https://www.openstreetmap.org/search?query=Rug%C3%A5rdsvej+590%2C+5210+Odense+NV"; got != want {
		t.Fatalf("MapURL = %s, want %s", got, want)
	}
}

func TestFormatDays(t *testing.T) {
	at := func(y int, m time.Month, d, h int) time.Time { return time.Date(y, m, d, h, 0, 0, 0, Copenhagen) }
	for _, tt := range []struct {
		start, end time.Time
		want       string
	}{
		{at(2027, 3, 3, 9), at(2027, 3, 3, 16), "3. marts 2027"},
		{at(2027, 3, 3, 9), at(2027, 3, 4, 15), "3.–4. marts 2027"},
		{at(2027, 3, 31, 9), at(2027, 4, 1, 15), "31. marts – 1. april 2027"},
		{at(2027, 12, 30, 9), at(2028, 1, 2, 15), "30. december 2027 – 2. januar 2028"},
		{time.Date(2027, 3, 2, 23, 30, 0, 0, time.UTC), at(2027, 3, 3, 15), "3. marts 2027"}, // 00:30 in Copenhagen
	} {
		if got := FormatDays(tt.start, tt.end); got != tt.want {
			t.Errorf("FormatDays = %q, want %q", got, tt.want)
		}
	}
}
