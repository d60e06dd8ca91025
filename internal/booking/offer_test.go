package booking

import (
	"errors"
	"testing"
	"time"

	"kursuskatalog/internal/catalog"
)

func TestOfferExpiry(t *testing.T) {
	start := time.Date(2027, 3, 3, 8, 45, 0, 0, catalog.Copenhagen)
	day := 24 * time.Hour
	tests := []struct {
		name   string
		before time.Duration // how long before the start the offer is made
		window time.Duration // how long it is open; -1: no offer
	}{
		{"a month before: 48 hours", 30 * day, 48 * time.Hour},
		{"15 days before: still 48 hours", 15 * day, 48 * time.Hour},
		{"exactly two weeks before: 24 hours", 14 * day, 24 * time.Hour},
		{"a week before: 24 hours", 7 * day, 24 * time.Hour},
		{"three days before: 6 hours", 3 * day, 6 * time.Hour},
		{"a day before: 6 hours", day, 6 * time.Hour},
		{"four hours before: until the start", 4 * time.Hour, 4 * time.Hour},
		{"at the start: no offer", 0, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			now := start.Add(-tt.before)
			exp, ok := DefaultOfferWindows.Expiry(start, now)
			if ok != (tt.window >= 0) || (ok && exp.Sub(now) != tt.window) {
				t.Fatalf("Expiry = %v (%v), %v; want a window of %v", exp, exp.Sub(now), ok, tt.window)
			}
		})
	}
}

func TestParseOfferWindows(t *testing.T) {
	w, err := ParseOfferWindows("48h, 3d:6h, 14d:24h")
	if err != nil {
		t.Fatal(err)
	}
	if w.String() != DefaultOfferWindows.String() || w.String() != "2d,14d:1d,3d:6h" {
		t.Fatalf("parsed %q, want the default %q", w, DefaultOfferWindows)
	}
	start := time.Date(2027, 3, 3, 8, 45, 0, 0, catalog.Copenhagen)
	for _, before := range []time.Duration{40 * 24 * time.Hour, 10 * 24 * time.Hour, 2 * 24 * time.Hour} {
		a, _ := w.Expiry(start, start.Add(-before))
		b, _ := DefaultOfferWindows.Expiry(start, start.Add(-before))
		if !a.Equal(b) {
			t.Errorf("%v before: parsed windows give %v, the default %v", before, a, b)
		}
	}
	for _, bad := range []string{"", "48", "-4h", "48h,3d", "48h,3d:x", "0h"} {
		if _, err := ParseOfferWindows(bad); err == nil {
			t.Errorf("ParseOfferWindows(%q) accepted", bad)
		}
	}
}

func TestOfferAnswers(t *testing.T) {
	at := time.Date(2027, 1, 10, 12, 0, 0, 0, catalog.Copenhagen)
	open := SeatOffer{State: OfferPending, OfferedAt: at, ExpiresAt: at.Add(48 * time.Hour)}
	declined := open
	declined.State = OfferDeclined
	tests := []struct {
		name  string
		o     SeatOffer
		now   time.Time
		err   error
		state string
	}{
		{"open", open, at.Add(time.Hour), nil, OfferPending},
		{"the last second", open, open.ExpiresAt.Add(-time.Second), nil, OfferPending},
		{"past its time, before its job ran", open, open.ExpiresAt, ErrOfferClosed, OfferExpired},
		{"answered", declined, at.Add(time.Hour), ErrOfferClosed, OfferDeclined},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := CheckAnswer(tt.o, tt.now); !errors.Is(err, tt.err) {
				t.Fatalf("CheckAnswer = %v, want %v", err, tt.err)
			}
			if got := tt.o.StateAt(tt.now); got != tt.state || OfferStateLabel(got) == got {
				t.Fatalf("StateAt = %q (%q), want %q", got, OfferStateLabel(got), tt.state)
			}
		})
	}
	d := testDate(1, 1, 10, 10).CourseDate
	if AcceptBinds(d, beforeDeadline) || !AcceptBinds(d, afterDeadline) {
		t.Error("accepting binds after the deadline, and only then")
	}
	if !CanOffer(d, afterDeadline) || CanOffer(d, d.StartsAt) {
		t.Error("a seat is offered until the start")
	}
}
