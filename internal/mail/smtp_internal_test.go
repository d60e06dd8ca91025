package mail

import (
	"bytes"
	"io"
	netmail "net/mail"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// A built message carries our own Message-ID at the sender's domain, says
// it was sent automatically, and attaches the calendar without an iTIP
// method (the file has none either).
func TestBuiltMessageHeaders(t *testing.T) {
	u, _ := url.Parse("smtp://127.0.0.1:2525")
	s, err := NewSender(u, "COK Kursuskatalog <kurser@Kurser.COK.dk>")
	if err != nil {
		t.Fatal(err)
	}
	msgID := regexp.MustCompile(`^<[a-z2-7]{26}@kurser\.cok\.dk>$`)
	seen := map[string]bool{}
	for range 200 {
		m, err := s.build(Message{To: "ida@aarhus.dk", ToName: "Ida", Subject: "Kvittering", Text: "Hej", HTML: "<p>Hej</p>",
			ICS: "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if _, err := m.WriteTo(&buf); err != nil {
			t.Fatal(err)
		}
		parsed, err := netmail.ReadMessage(&buf)
		if err != nil {
			t.Fatal(err)
		}
		id := parsed.Header.Get("Message-ID")
		if !msgID.MatchString(id) {
			t.Fatalf("Message-ID %q is not ours", id)
		}
		if seen[id] {
			t.Fatalf("Message-ID %q twice", id)
		}
		seen[id] = true
		if got := parsed.Header.Get("Auto-Submitted"); got != "auto-generated" {
			t.Fatalf("Auto-Submitted: %q", got)
		}
		var body strings.Builder
		if _, err := io.Copy(&body, parsed.Body); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(strings.ToLower(body.String()), "method=") {
			t.Fatalf("calendar part names an iTIP method:\n%s", body.String())
		}
	}
}

func TestFromDomainNeedsAnAddress(t *testing.T) {
	if _, err := fromDomain("kurser"); err == nil {
		t.Fatal("an address without a domain was accepted")
	}
	if d, err := fromDomain("kurser@cok.dk"); err != nil || d != "cok.dk" {
		t.Fatalf("got %q, %v", d, err)
	}
}
