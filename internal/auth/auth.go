// Package auth holds the rules of staff access: roles, password policy and
// password hashing with argon2id. It does no I/O.
package auth

import (
	"errors"
	"strings"
	"unicode/utf8"

	"github.com/alexedwards/argon2id"
)

// Roles of staff users.
const (
	RoleAdmin  = "admin"    // everything, staff users included
	RoleEditor = "redaktør" // content, enrolments, inquiries
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

// Params are the argon2id parameters of new hashes. They are written out
// here rather than taken from the library's defaults so that a library
// update never weakens them silently: 64 MiB, 3 passes, 2 lanes, OWASP's
// recommended floor for argon2id. Each hash carries its own parameters, so
// raising them later still checks old hashes.
func Params() *argon2id.Params {
	return &argon2id.Params{Memory: 64 * 1024, Iterations: 3, Parallelism: 2, SaltLength: 16, KeyLength: 32}
}

// MinPasswordLength is the shortest password accepted for a staff user.
const MinPasswordLength = 12

// ErrWeakPassword means a password is too short.
var ErrWeakPassword = errors.New("the password must have at least 12 characters")

// HashPassword checks the policy and hashes pw with p.
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
