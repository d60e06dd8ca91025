package overview

import "testing"

func TestMunicipality(t *testing.T) {
	for _, c := range []struct {
		org, name, region string
		ok                bool
	}{
		{"Odense Kommune", "Odense", "syddanmark", true},
		{"Odense Kommune, Borgerservice", "Odense", "syddanmark", true},
		{"Københavns Kommune", "København", "hovedstaden", true},
		{"Lyngby-Taarbæk Kommune", "Lyngby-Taarbæk", "hovedstaden", true},
		{"Høje-Taastrup Kommune", "Høje-Taastrup", "hovedstaden", true},
		{"ÆRØ KOMMUNE", "Ærø", "syddanmark", true},
		{"Faaborg-Midtfyn Kommune", "Faaborg-Midtfyn", "syddanmark", true},
		{"Kommunen i Aarhus", "Aarhus", "midtjylland", true},
		{"Region Midtjylland", "", "", false},
		{"Vejlefjord Rehabilitering", "", "", false}, // Vejle only as a whole word
		{"Demo Kommune", "", "", false},
		{"", "", "", false},
	} {
		name, region, ok := Municipality(c.org)
		if name != c.name || region != c.region || ok != c.ok {
			t.Errorf("Municipality(%q) = %q, %q, %v; want %q, %q, %v", c.org, name, region, ok, c.name, c.region, c.ok)
		}
	}
	n := 0
	for _, names := range municipalities {
		n += len(names)
	}
	if n != 98 {
		t.Errorf("%d municipalities", n)
	}
}
