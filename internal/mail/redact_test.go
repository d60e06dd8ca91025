package mail

import (
	"strings"
	"testing"
)

func TestRedactAndRestore(t *testing.T) {
	manage := strings.Repeat("A", 42) + "b"
	seat := strings.Repeat("-", 43)
	text := "Din tilmelding: https://kurser.cok.dk/min-tilmelding/" + manage + "\nDin plads: https://kurser.cok.dk/min-plads/" + seat +
		"\nKurset: https://kurser.cok.dk/kurser/politisk-forstaaelse"
	html := `<a href="https://kurser.cok.dk/min-tilmelding/` + manage + `">https://kurser.cok.dk/min-tilmelding/` + manage + `</a>`
	t0, h0 := text, html
	tokens := Redact(&text, &html)
	if len(tokens) != 2 || tokens[0] != manage || tokens[1] != seat {
		t.Fatalf("tokens %v", tokens)
	}
	if strings.Contains(text+html, manage) || strings.Contains(text+html, seat) {
		t.Fatalf("a token is left:\n%s\n%s", text, html)
	}
	if !strings.Contains(text, "/min-tilmelding/~skjult-1~") || !strings.Contains(html, "/min-tilmelding/~skjult-1~") ||
		!strings.Contains(text, "/min-plads/~skjult-2~") || !strings.Contains(text, "/kurser/politisk-forstaaelse") {
		t.Fatalf("placeholders:\n%s\n%s", text, html)
	}
	if Restore(text, tokens) != t0 || Restore(html, tokens) != h0 {
		t.Fatal("Restore does not give the mail back")
	}
	if Restore(text, nil) != text {
		t.Fatal("without tokens the placeholders stay")
	}
	// Offers and staff login links too; a shorter string is no token.
	for _, path := range []string{"/tilbud/", "/admin/login/link/"} {
		s := "x" + path + manage + "?svar=ja"
		if Redact(&s); strings.Contains(s, manage) {
			t.Errorf("%s: %s", path, s)
		}
	}
	short := "/min-tilmelding/abc"
	if Redact(&short); short != "/min-tilmelding/abc" {
		t.Errorf("short: %s", short)
	}
}
