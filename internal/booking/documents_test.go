package booking

import (
	"testing"
	"time"
)

func TestDocumentState(t *testing.T) {
	at := time.Date(2027, 2, 3, 6, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		d     Document
		state string
		label string
	}{
		{Document{InclOre: 100}, DocIssued, "Udstedt"},
		{Document{InclOre: 100, SendError: "outbox: read-only"}, DocIssued, "Udstedt, ikke sendt endnu"},
		{Document{InclOre: 100, SentAt: at}, DocSent, "Sendt"},
		{Document{InclOre: 100, SentAt: at, CreditedOre: 40}, DocCredited, "Delvist krediteret"},
		{Document{InclOre: 100, CreditedOre: 100}, DocCredited, "Krediteret"},
	} {
		if tt.d.State() != tt.state || tt.d.StateLabel() != tt.label {
			t.Errorf("%+v: %s %q, want %s %q", tt.d, tt.d.State(), tt.d.StateLabel(), tt.state, tt.label)
		}
	}
}
