package admin

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"strings"
	"time"
)

// A known device is a browser that has logged in to an account, or that
// the account's one-time link by mail recognised. Its cookie names a random
// device id and the account, signed with a key every server process
// shares; tries from it are throttled on the device alone (see
// throttle.go), so an attacker guessing the account does not slow its
// owner at their own browser.
const (
	deviceCookie = "cok_enhed"
	deviceMaxAge = 365 * 24 * time.Hour
)

// deviceSig signs the pair of device id and account.
func (a *adminArea) deviceSig(ctx context.Context, id, email string) (string, error) {
	key, err := a.deviceKey(ctx)
	if err != nil {
		return "", err
	}
	m := hmac.New(sha256.New, key)
	m.Write([]byte(id + "\x00" + strings.ToLower(email)))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil)), nil
}

// deviceKey is the shared signing key, read once per process.
func (a *adminArea) deviceKey(ctx context.Context) ([]byte, error) {
	a.keyMu.Lock()
	defer a.keyMu.Unlock()
	if a.devKey != nil {
		return a.devKey, nil
	}
	k, err := a.store.AppKey(ctx, "login-device")
	if err != nil {
		return nil, err
	}
	a.devKey = k
	return k, nil
}

// deviceFor is the id of the device r comes from when its cookie is a
// known device of the account email.
func (a *adminArea) deviceFor(r *http.Request, email string) (string, bool) {
	c, err := r.Cookie(deviceCookie)
	if err != nil {
		return "", false
	}
	id, sig, ok := strings.Cut(c.Value, ".")
	if !ok || len(id) != 22 {
		return "", false
	}
	want, err := a.deviceSig(r.Context(), id, email)
	return id, err == nil && hmac.Equal([]byte(sig), []byte(want))
}

// rememberDevice makes the browser a known device of the account email,
// keeping its device id when it has one.
func (a *adminArea) rememberDevice(w http.ResponseWriter, r *http.Request, email string) error {
	id := ""
	if c, err := r.Cookie(deviceCookie); err == nil {
		if i, _, ok := strings.Cut(c.Value, "."); ok && len(i) == 22 {
			id = i
		}
	}
	if id == "" {
		b := make([]byte, 16)
		rand.Read(b)
		id = base64.RawURLEncoding.EncodeToString(b)
	}
	sig, err := a.deviceSig(r.Context(), id, email)
	if err != nil {
		return err
	}
	http.SetCookie(w, &http.Cookie{Name: deviceCookie, Value: id + "." + sig, Path: "/admin/login",
		MaxAge: int(deviceMaxAge.Seconds()), HttpOnly: true, SameSite: http.SameSiteStrictMode,
		Secure: a.baseURL != nil && a.baseURL.Scheme == "https"})
	return nil
}
