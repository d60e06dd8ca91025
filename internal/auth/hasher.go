package auth

import (
	"context"
	"errors"
	"runtime"
	"time"

	"github.com/alexedwards/argon2id"
)

// ErrBusy means every hashing slot stayed taken for as long as a login
// may wait: the server answers at once that it is busy, rather than
// holding the request (and, had it hashed, the memory).
var ErrBusy = errors.New("auth: too many password checks at once")

// HashMemoryBudget is the memory all password hashes of one process may
// take at once. Each argon2id hash takes its parameters' Memory for as
// long as it runs, so without a cap 60 simultaneous wrong logins at 64
// MiB each took the server to 3.2 GB; within this budget a login flood
// leaves the process well under 200 MB (see the README's benchmark).
const HashMemoryBudget = 48 << 20

// HashWait is how long a login waits for a free hashing slot before it is
// answered that the server is busy.
const HashWait = 500 * time.Millisecond

// Hasher checks and makes password hashes, at most a fixed number at once.
type Hasher struct {
	params *argon2id.Params
	slots  chan struct{}
	wait   time.Duration
}

// NewHasher makes hashes with params, running at most slots at once; a
// caller waits up to wait for a slot.
func NewHasher(params *argon2id.Params, slots int, wait time.Duration) *Hasher {
	return &Hasher{params: params, slots: make(chan struct{}, max(1, slots)), wait: wait}
}

// SlotsFor is how many hashes with params fit in budget bytes at once, at
// least one and at most one per CPU (more would only queue for the CPU).
func SlotsFor(budget int64, params *argon2id.Params) int {
	n := int(budget / (int64(params.Memory) * 1024))
	return max(1, min(n, runtime.GOMAXPROCS(0)))
}

// DefaultHasher is the production hasher: Params within HashMemoryBudget.
func DefaultHasher() *Hasher {
	return NewHasher(Params(), SlotsFor(HashMemoryBudget, Params()), HashWait)
}

// Params are the parameters of the hashes h makes.
func (h *Hasher) Params() *argon2id.Params { return h.params }

// Acquire takes a hashing slot, waiting up to the hasher's wait; release
// gives it back. It returns ErrBusy when none came free in time.
func (h *Hasher) Acquire(ctx context.Context) (release func(), err error) {
	release = func() { <-h.slots }
	select {
	case h.slots <- struct{}{}:
		return release, nil
	default:
	}
	t := time.NewTimer(h.wait)
	defer t.Stop()
	select {
	case h.slots <- struct{}{}:
		return release, nil
	case <-t.C:
		return nil, ErrBusy
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// Check says whether pw matches hash, within a slot.
func (h *Hasher) Check(ctx context.Context, pw, hash string) (bool, error) {
	release, err := h.Acquire(ctx)
	if err != nil {
		return false, err
	}
	defer release()
	return CheckPassword(pw, hash), nil
}

// Hash hashes pw with the hasher's parameters, within a slot. It checks
// only the length; WeakPassword is the policy.
func (h *Hasher) Hash(ctx context.Context, pw string) (string, error) {
	release, err := h.Acquire(ctx)
	if err != nil {
		return "", err
	}
	defer release()
	return HashPassword(pw, h.params)
}
