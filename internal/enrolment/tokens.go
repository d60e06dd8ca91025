package enrolment

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
)

// NewToken returns 256 random bits, URL-safe: a form's token, or a
// booker's manage link.
func NewToken() string {
	b := make([]byte, 32)
	rand.Read(b) // never fails (crypto/rand panics rather than return short)
	return base64.RawURLEncoding.EncodeToString(b)
}

// HashToken is how tokens are stored: the database never holds a token that
// would open a booking.
func HashToken(t string) []byte {
	h := sha256.Sum256([]byte(t))
	return h[:]
}
