package admin

import (
	"context"
	"net/http"
	"net/netip"
	"strconv"
	"strings"
	"time"

	"kursuskatalog/internal/auth"
	"kursuskatalog/internal/server/respond"
)

// A login try is taken from the keys it concerns before any password is
// hashed, each in one statement (store.TakeLoginAttempt), so that tries at
// the same moment are counted one after another. From a browser the
// account knows (a device cookie) the try is the device's alone; from any
// other, it is the client address's and then the account's. See
// auth.Throttle for the waits.

// throttleKey is one key of the login throttle with its waits.
type throttleKey struct {
	key string
	t   auth.Throttle
}

func accountKey(email string) string { return "konto:" + strings.ToLower(email) }
func deviceKey(id string) string     { return "enhed:" + id }
func linkKey(email string) string    { return "link:" + strings.ToLower(email) }

// addressKey is the client's address; for IPv6 its /64, the block one
// household or office is given, so that an attacker cannot walk through
// the addresses of their own block.
func addressKey(r *http.Request) string {
	a, err := netip.ParseAddr(respond.ClientAddr(r))
	if err != nil {
		return "adresse:" + respond.ClientAddr(r)
	}
	if a.Is6() && !a.Is4In6() {
		p, _ := a.Prefix(64)
		return "adresse:" + p.String()
	}
	return "adresse:" + a.String()
}

// loginKeys are the keys a login try for email from r is taken from.
func (a *adminArea) loginKeys(r *http.Request, email string) []throttleKey {
	if id, ok := a.deviceFor(r, email); ok {
		return []throttleKey{{deviceKey(id), auth.DeviceThrottle}}
	}
	return []throttleKey{{addressKey(r), auth.AddressThrottle}, {accountKey(email), auth.AccountThrottle}}
}

// takeTries takes a try from each key in turn; ok is false, with the time
// the next try may come, at the first key that must wait (the keys after
// it are left alone).
func (a *adminArea) takeTries(ctx context.Context, keys []throttleKey, now time.Time) (ok bool, next time.Time, err error) {
	for _, k := range keys {
		ok, next, err = a.store.TakeLoginAttempt(ctx, k.key, now, k.t.Quiet, k.t.Delays())
		if err != nil || !ok {
			return false, next, err
		}
	}
	return true, now, nil
}

// waitText says in Danish how long until next, rounded up.
func waitText(now, next time.Time) string {
	d := next.Sub(now)
	switch {
	case d <= time.Second:
		return "et sekund"
	case d < time.Minute:
		return strconv.Itoa(int((d+time.Second-1)/time.Second)) + " sekunder"
	case d <= time.Minute:
		return "et minut"
	default:
		return strconv.Itoa(int((d+time.Minute-1)/time.Minute)) + " minutter"
	}
}
