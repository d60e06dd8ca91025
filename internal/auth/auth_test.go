package auth

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/alexedwards/argon2id"
)

var cheap = &argon2id.Params{Memory: 1024, Iterations: 1, Parallelism: 1, SaltLength: 16, KeyLength: 32}

func TestPasswordHashing(t *testing.T) {
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
}

// The parameters are one of OWASP's argon2id recommendations (12 MiB, 3
// passes, 1 lane); a hash of other parameters is made anew at login.
func TestParamsAndRehash(t *testing.T) {
	if p := Params(); p.Memory != 12*1024 || p.Iterations != 3 || p.Parallelism != 1 || p.SaltLength != 16 || p.KeyLength != 32 {
		t.Fatalf("production parameters changed: %+v", p)
	}
	old := &argon2id.Params{Memory: 64 * 1024, Iterations: 3, Parallelism: 2, SaltLength: 16, KeyLength: 32}
	oldHash, _ := HashPassword("en lang nok adgangskode", old)
	if !NeedsRehash(oldHash, Params()) || NeedsRehash(oldHash, old) || !NeedsRehash("ikke en hash", Params()) {
		t.Fatal("NeedsRehash does not tell the parameters apart")
	}
}

// The hasher runs at most its slots at once and answers ErrBusy, soon,
// to a caller that finds them all taken.
func TestHasherCapsConcurrentHashes(t *testing.T) {
	h := NewHasher(cheap, 2, 20*time.Millisecond)
	ctx := context.Background()
	r1, err1 := h.Acquire(ctx)
	r2, err2 := h.Acquire(ctx)
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	start := time.Now()
	if _, err := h.Check(ctx, "x", "y"); !errors.Is(err, ErrBusy) {
		t.Fatalf("third at once: %v, want ErrBusy", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Fatalf("busy answered after %s", d)
	}
	r1()
	hash, err := h.Hash(ctx, "en lang nok adgangskode")
	if err != nil || !CheckPassword("en lang nok adgangskode", hash) {
		t.Fatalf("with a slot free: %v", err)
	}
	r2()
	if n := SlotsFor(HashMemoryBudget, Params()); n < 1 || int64(n)*int64(Params().Memory)*1024 > HashMemoryBudget {
		t.Fatalf("%d slots of %d KiB exceed the budget of %d bytes", n, Params().Memory, HashMemoryBudget)
	}
}

// Common, patterned and personal passwords are refused with a Danish
// reason; long phrases and random ones pass.
func TestWeakPasswords(t *testing.T) {
	for _, pw := range []string{"password1234", "aaaaaaaaaaaa", "kort", "Kodeord12345", "sommerferie2026",
		"qwertyuiop123", "idajensen1234", "123456789012", "kursuskatalog2026", strings.Repeat("x", 201)} {
		if WeakPassword(pw, "ida.jensen@cok.dk", "Ida Jensen") == "" {
			t.Errorf("%q accepted", pw)
		}
	}
	for _, pw := range []string{"en lang nok adgangskode", "udvikler-kodeord-123", "correct horse battery staple", "Tr0ub4dor&3xyz-q"} {
		if msg := WeakPassword(pw, "ida.jensen@cok.dk", "Ida Jensen"); msg != "" {
			t.Errorf("%q refused: %s", pw, msg)
		}
	}
	if msg := WeakPassword("password1234"); !strings.Contains(msg, "for let at gætte") {
		t.Errorf("message %q", msg)
	}
}

// A throttle never locks: after the free tries the waits double up to the
// cap and stay there.
func TestThrottleDelays(t *testing.T) {
	got := Throttle{Free: 3, First: time.Second, Max: 5 * time.Second}.Delays()
	want := []time.Duration{0, 0, time.Second, 2 * time.Second, 4 * time.Second, 5 * time.Second}
	if len(got) != len(want) {
		t.Fatalf("delays %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("delays %v, want %v", got, want)
		}
	}
	if d := LinkThrottle.Delays(); d[0] != 2*time.Minute || d[len(d)-1] != 15*time.Minute {
		t.Fatalf("link delays %v", d)
	}
}
