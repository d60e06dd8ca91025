package catalog

import "testing"

func TestSlugify(t *testing.T) {
	for in, want := range map[string]string{
		"Politisk forståelse":               "politisk-forstaaelse",
		"Ældre og sårbare børn – en øvelse": "aeldre-og-saarbare-boern-en-oevelse",
		"  GDPR i 2027!  ":                  "gdpr-i-2027",
		"Café-møde: én dag":                 "cafe-moede-en-dag",
		"---":                               "",
	} {
		if got := Slugify(in); got != want {
			t.Errorf("Slugify(%q) = %q, want %q", in, got, want)
		}
	}
	if !ValidSlug("politisk-forstaaelse") || ValidSlug("Politisk") || ValidSlug("a--b") || ValidSlug("") {
		t.Error("ValidSlug")
	}
}
