package catalog

import (
	"testing"
	"time"
)

func TestFormatKroner(t *testing.T) {
	tests := []struct {
		ore  int64
		want string
	}{
		{0, "0 kr."},
		{675000, "6.750 kr."},
		{999500, "9.995 kr."},
		{350500, "3.505 kr."},
		{675050, "6.750,50 kr."},
		{5, "0,05 kr."},
		{199900000, "1.999.000 kr."},
		{-350500, "-3.505 kr."},
	}
	for _, tt := range tests {
		if got := FormatKroner(tt.ore); got != tt.want {
			t.Errorf("FormatKroner(%d) = %q, want %q", tt.ore, got, tt.want)
		}
	}
}

func TestFormatSpanInCopenhagen(t *testing.T) {
	start := time.Date(2020, 3, 3, 7, 45, 0, 0, time.UTC) // 08:45 CET
	end := time.Date(2020, 3, 4, 14, 0, 0, 0, time.UTC)
	if got, want := FormatSpan(start, end), "03.03.2020 kl. 08:45 - 04.03.2020 kl. 15:00"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
	// A run within one day names its date once.
	oneDay := FormatSpan(time.Date(2026, 12, 16, 8, 0, 0, 0, time.UTC), time.Date(2026, 12, 16, 14, 30, 0, 0, time.UTC))
	if oneDay != "16.12.2026 kl. 09:00-15:30" {
		t.Fatalf("one day: got %q", oneDay)
	}
	summer := time.Date(2027, 6, 1, 6, 45, 0, 0, time.UTC) // 08:45 CEST
	if got := FormatDateTime(summer); got != "01.06.2027 kl. 08:45" {
		t.Fatalf("summer time: got %q", got)
	}
}

func TestVenueAddress(t *testing.T) {
	v := Venue{Name: "Frederik VI's Hotel", Street: "Rugårdsvej 590", Postcode: "5210", City: "Odense NV"}
	if got := v.Address(); got != "Frederik VI's Hotel, Rugårdsvej 590, 5210 Odense NV" {
		t.Fatalf("got %q", got)
	}
}
