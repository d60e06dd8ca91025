package booking

import (
	"strings"
	"testing"
	"time"
)

func TestInvoiceNote(t *testing.T) {
	now := time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC)
	in := func(days int) time.Time { return now.AddDate(0, 0, days) }
	tests := []struct {
		name   string
		starts []time.Time
		want   string
	}{
		{"booked two months before", []time.Time{in(60)}, "Faktura sendes 3-4 uger før kursusstart."},
		{"booked 9 days before", []time.Time{in(9)}, "Faktura sendes med det samme"},
		{"four weeks less an hour", []time.Time{now.Add(InvoiceLead - time.Hour)}, "Faktura sendes med det samme"},
		{"one soon, one later", []time.Time{in(9), in(60)}, "med det samme for kurser, der starter om mindre end fire uger, og ellers 3-4 uger"},
	}
	for _, tt := range tests {
		if got := InvoiceNote(tt.starts, now); !strings.Contains(got, tt.want) {
			t.Errorf("%s: %q lacks %q", tt.name, got, tt.want)
		}
	}
}
