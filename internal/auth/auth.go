// Package auth holds the rules of staff access: roles, password policy and
// password hashing with argon2id, and the cap on how many hashes run at
// once. It does no I/O.
package auth

import (
	"errors"
	"strings"
	"unicode/utf8"

	"github.com/alexedwards/argon2id"
)

// Roles of staff users.
const (
	RoleAdmin  = "admin"    // everything: the catalogue, staff users, the audit log
	RoleEditor = "redaktør" // enrolments, inquiries, mails and invoicing; reads the catalogue
)

// ValidRole says whether role is one of the two roles.
func ValidRole(role string) bool { return role == RoleAdmin || role == RoleEditor }

// RoleLabel is the role as the staff area shows it.
func RoleLabel(role string) string {
	if role == RoleAdmin {
		return "Administrator"
	}
	return "Redaktør"
}

// Params are the argon2id parameters of new hashes: 12 MiB, 3 passes, 1
// lane, one of the settings OWASP's Password Storage Cheat Sheet
// recommends for argon2id (they trade memory for passes at one strength).
// Of those, this one was measured best for a web server that must check
// several logins at once in little memory: on the 2-core development
// machine a hash took 140-290 ms, against 400-540 ms for 19 MiB and 2
// passes, whose hashes also pushed the heap against serve's 64 MiB soft
// limit and slowed every request under a login flood (see the README's
// benchmark). They are written out here rather than taken from the
// library's defaults so that a library update never changes them
// silently. Each hash carries its own parameters, so old hashes still
// check, and a login with a hash of other parameters is rehashed
// (NeedsRehash).
func Params() *argon2id.Params {
	return &argon2id.Params{Memory: 12 * 1024, Iterations: 3, Parallelism: 1, SaltLength: 16, KeyLength: 32}
}

// NeedsRehash says whether hash was made with parameters other than p (or
// cannot be read), so that a successful login should store a new hash.
func NeedsRehash(hash string, p *argon2id.Params) bool {
	got, salt, key, err := argon2id.DecodeHash(hash)
	if err != nil {
		return true
	}
	return got.Memory != p.Memory || got.Iterations != p.Iterations || got.Parallelism != p.Parallelism ||
		uint32(len(salt)) != p.SaltLength || uint32(len(key)) != p.KeyLength
}

// MinPasswordLength is the shortest password accepted for a staff user;
// MaxPasswordLength the longest (a password is hashed, and estimated, in
// full).
const (
	MinPasswordLength = 12
	MaxPasswordLength = 200
)

// ErrWeakPassword means a password is too short.
var ErrWeakPassword = errors.New("the password must have at least 12 characters")

// HashPassword checks the length and hashes pw with p. Callers that set a
// password check it with WeakPassword first.
func HashPassword(pw string, p *argon2id.Params) (string, error) {
	if utf8.RuneCountInString(strings.TrimSpace(pw)) < MinPasswordLength {
		return "", ErrWeakPassword
	}
	return argon2id.CreateHash(pw, p)
}

// CheckPassword says whether pw matches hash; a malformed hash never matches.
func CheckPassword(pw, hash string) bool {
	ok, err := argon2id.ComparePasswordAndHash(pw, hash)
	return err == nil && ok
}
