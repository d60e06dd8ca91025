package mail

import (
	"crypto/rand"
	"encoding/base32"
	"fmt"
	netmail "net/mail"
	"strings"
)

// fromDomain is the domain of the sender address, e.g. "cok.dk" of
// "COK Kursuskatalog <kurser@cok.dk>".
func fromDomain(from string) (string, error) {
	a, err := netmail.ParseAddress(from)
	if err != nil {
		return "", fmt.Errorf("sender %q: %w", from, err)
	}
	at := strings.LastIndexByte(a.Address, '@')
	if at < 0 || at == len(a.Address)-1 {
		return "", fmt.Errorf("sender %q has no domain", from)
	}
	return strings.ToLower(a.Address[at+1:]), nil
}

var idEncoding = base32.StdEncoding.WithPadding(base32.NoPadding)

// messageID is an RFC 5322 msg-id without the angle brackets: 26 random
// base32 characters (a dot-atom with no dots to misplace) at the domain we
// send from, so that it is unique and names who made it, not the host.
func (s *Sender) messageID() string {
	return newMessageID(s.domain)
}

func newMessageID(domain string) string {
	var b [16]byte
	rand.Read(b[:])
	return strings.ToLower(idEncoding.EncodeToString(b[:])) + "@" + domain
}
