package server

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
)

// newToken returns 256 random bits, URL-safe.
func newToken() string {
	b := make([]byte, 32)
	rand.Read(b) // never fails (crypto/rand panics rather than return short)
	return base64.RawURLEncoding.EncodeToString(b)
}

// hashToken is how tokens are stored: the database never holds a token that
// would open a booking.
func hashToken(t string) []byte {
	h := sha256.Sum256([]byte(t))
	return h[:]
}
