package privacy

import (
	"testing"
	"time"
)

func cph(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, copenhagen)
	if err != nil {
		panic(err)
	}
	return t
}

// The bookkeeping period ends five years after the end of the financial
// (calendar) year, in Copenhagen time.
func TestBookkeepingUntil(t *testing.T) {
	for _, c := range []struct{ last, want string }{
		{"2026-01-01 00:00", "2032-01-01 00:00"},
		{"2026-12-31 23:59", "2032-01-01 00:00"},
		{"2027-01-01 00:30", "2033-01-01 00:00"}, // 23:30 UTC on New Year's Eve: Copenhagen's year
	} {
		if got := BookkeepingUntil(cph(c.last)); !got.Equal(cph(c.want)) {
			t.Errorf("BookkeepingUntil(%s) = %s, want %s", c.last, got, c.want)
		}
	}
}

// A rule applies to what is older than its cut-off; the bookkeeping
// cut-off is the start of a year, so that a booking is deleted exactly
// when BookkeepingUntil says.
func TestCutoffs(t *testing.T) {
	asOf := cph("2032-01-01 00:00")
	c := CutoffsAt(asOf)
	for _, x := range []struct {
		name      string
		got, want time.Time
	}{
		{"needs", c.Needs, cph("2031-12-02 00:00")},
		{"client address", c.ClientAddr, cph("2031-12-25 00:00")},
		{"mail bodies", c.MailBodies, cph("2031-10-03 00:00")},
		{"inquiries", c.Inquiries, cph("2031-01-01 00:00")},
		{"people", c.People, cph("2030-01-01 00:00")},
		{"bookkeeping", c.Bookkeeping, cph("2027-01-01 00:00")},
		{"audit", c.Audit, cph("2027-01-01 00:00")},
	} {
		if !x.got.Equal(x.want) {
			t.Errorf("%s: cut-off %s, want %s", x.name, x.got, x.want)
		}
	}
	last := cph("2026-06-01 12:00")
	if !last.Before(CutoffsAt(BookkeepingUntil(last)).Bookkeeping) || last.Before(CutoffsAt(BookkeepingUntil(last).Add(-time.Second)).Bookkeeping) {
		t.Error("the bookkeeping cut-off and BookkeepingUntil disagree")
	}
}

func TestCanErase(t *testing.T) {
	now := cph("2027-03-01 12:00")
	past, future := now.Add(-time.Hour), now.Add(time.Hour)
	for _, c := range []struct {
		name  string
		seats []Seat
		want  bool
	}{
		{"no seats", nil, true},
		{"course held", []Seat{{Ends: past}}, true},
		{"course to come", []Seat{{Ends: past}, {Ends: future}}, false},
		{"cancelled seat to come", []Seat{{Cancelled: true, Ends: future}}, true},
		{"ending now", []Seat{{Ends: now}}, false},
	} {
		if got := CanErase(c.seats, now); got != c.want {
			t.Errorf("%s: CanErase = %v, want %v", c.name, got, c.want)
		}
	}
}

// Every rule has every field the privacy page shows, and keys are unique.
func TestRulesComplete(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Rules {
		if r.Key == "" || r.Data == "" || r.Purpose == "" || r.Basis == "" || r.Period == "" || r.Action == "" || r.Reason == "" || seen[r.Key] {
			t.Errorf("rule %+v is incomplete or repeated", r)
		}
		seen[r.Key] = true
	}
	for _, k := range []string{Needs, ClientAddr, MailBodies, Inquiries, People, Bookkeeping, Audit} {
		if !seen[k] {
			t.Errorf("no rule %s", k)
		}
	}
}
