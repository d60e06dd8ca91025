package auth

import "time"

// Throttle is how fast one key (an account, an address, a device) may try
// to log in: Free tries at once, then a wait before each next try that
// doubles from First up to Max. Nothing ever locks a key for good: a try
// after the wait is always taken, so the owner of an account is slowed,
// never shut out, and a key quiet for Quiet starts again from the free
// tries. The wait counts tries, not failures, so tries made at the same
// moment cannot slip past it (the store takes them one at a time).
type Throttle struct {
	Free       int
	First, Max time.Duration
	Quiet      time.Duration
}

// Delays are the waits after each try: Delays()[n-1] follows the nth,
// and the last one every try after it.
func (t Throttle) Delays() []time.Duration {
	var out []time.Duration
	for n := 1; n < t.Free; n++ {
		out = append(out, 0)
	}
	for d := t.First; ; d *= 2 {
		if d >= t.Max {
			return append(out, t.Max)
		}
		out = append(out, d)
	}
}

// The throttles of the staff login. An account takes 5 tries from browsers
// it does not know, then waits 1 s, 2 s, 4 s … up to 15 minutes between
// tries: about a hundred guesses a day, hopeless against a password
// WeakPassword lets through. An address takes 20 (an office of staff behind
// one address). A known device (a browser the account logged in from, or
// that its one-time link by mail recognised) has a key of its own, which
// nobody else can exhaust: an attacker slows the account, not its owner.
// Links are mailed once, then at most every 2, 4, 8 … up to 15 minutes.
var (
	AccountThrottle = Throttle{Free: 5, First: time.Second, Max: 15 * time.Minute, Quiet: time.Hour}
	AddressThrottle = Throttle{Free: 20, First: time.Second, Max: 15 * time.Minute, Quiet: time.Hour}
	DeviceThrottle  = Throttle{Free: 10, First: time.Second, Max: 15 * time.Minute, Quiet: time.Hour}
	LinkThrottle    = Throttle{Free: 1, First: 2 * time.Minute, Max: 15 * time.Minute, Quiet: time.Hour}
)
