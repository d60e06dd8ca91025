package catalog

import (
	"errors"
	"reflect"
	"testing"
	"time"
)

func TestAgendaRoundTrip(t *testing.T) {
	days := []AgendaDay{
		{DayNo: 1, Title: "Politik og forvaltning", Items: []AgendaItem{
			{At: "09:00", Title: "Ankomst, kaffe og morgenbrød"},
			{At: "10:00", Title: "Forståelse af det politiske system", Speaker: "Jacob Vase, Vase Consulting",
				Points: []string{"Kommunalbestyrelsen og udvalgene", "Samspillet med forvaltningen"}},
		}},
		{DayNo: 2, Items: []AgendaItem{{At: "08:00", Title: "Morgenmad"}}},
	}
	text := FormatAgenda(days)
	got, err := ParseAgenda(text)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, days) {
		t.Fatalf("round trip:\n%#v\n%#v", got, days)
	}
	if FormatAgenda(got) != text {
		t.Fatal("text changed on the second round")
	}
	if got, err := ParseAgenda("  \n"); err != nil || got != nil {
		t.Fatalf("empty: %v %v", got, err)
	}
	// Loose typing is accepted and comes back tidy.
	got, err = ParseAgenda("9.00 |Ankomst\r\n-  Kaffe\r\ndag 2:Afslutning\n14:30|Tak | COK\n")
	if err != nil {
		t.Fatal(err)
	}
	if FormatAgenda(got) != "Dag 1\n09:00 | Ankomst\n- Kaffe\n\nDag 2: Afslutning\n14:30 | Tak | COK\n" {
		t.Fatalf("tidy: %q", FormatAgenda(got))
	}
}

func TestAgendaErrors(t *testing.T) {
	for text, line := range map[string]int{
		"Ankomst":                     1,
		"25:00 | Ankomst":             1,
		"09:00 |  ":                   1,
		"- punkt":                     1,
		"Dag 1\nDag 2\n09:00 | Kaffe": 1,
		"09:00 | A\nDag 2\n":          2,
		"09:00 | A | B | C":           1,
	} {
		_, err := ParseAgenda(text)
		var ae *AgendaError
		if !errors.As(err, &ae) || ae.Line != line {
			t.Errorf("%q: %v, want an error on line %d", text, err, line)
		}
	}
}

func TestParseLocal(t *testing.T) {
	want := time.Date(2027, 3, 3, 7, 45, 0, 0, time.UTC) // 08:45 in Copenhagen (winter time)
	for _, s := range []string{"2027-03-03T08:45", "03.03.2027 08:45", "03.03.2027 kl. 08:45"} {
		if got, ok := ParseLocal(s); !ok || !got.Equal(want) {
			t.Errorf("%q: %v %v", s, got, ok)
		}
	}
	if _, ok := ParseLocal("i morgen"); ok {
		t.Error("nonsense accepted")
	}
	if LocalInput(want) != "2027-03-03T08:45" {
		t.Errorf("input: %s", LocalInput(want))
	}
	if d, ok := ParseDay("10.02.2027"); !ok || DayInput(d) != "2027-02-10" {
		t.Errorf("day: %v %v", d, ok)
	}
}
