package auth

import (
	"strings"
	"testing"

	"github.com/alexedwards/argon2id"
)

func TestPasswordHashing(t *testing.T) {
	cheap := &argon2id.Params{Memory: 1024, Iterations: 1, Parallelism: 1, SaltLength: 16, KeyLength: 32}
	if _, err := HashPassword("kort", cheap); err != ErrWeakPassword {
		t.Fatalf("short password: %v", err)
	}
	h, err := HashPassword("en lang nok adgangskode", cheap)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$") || !CheckPassword("en lang nok adgangskode", h) || CheckPassword("forkert", h) || CheckPassword("x", "ikke en hash") {
		t.Fatalf("hash %q does not check", h)
	}
	if p := Params(); p.Memory != 64*1024 || p.Iterations != 3 || p.Parallelism != 2 {
		t.Fatalf("production parameters changed: %+v", p)
	}
}
