package server

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"strconv"
	"strings"
	"time"
)

// Spam is kept out without a CAPTCHA: a honeypot field, a minimum time
// between showing and posting the form, and a rate limit per address.
const (
	minFormTime   = 3 * time.Second
	maxFormAge    = 24 * time.Hour
	inquiryLimit  = 5 // per address and window
	inquiryWindow = 10 * time.Minute
)

// stampKey returns the key that signs form stamps, shared through Postgres
// by every server process and cached after the first use.
func (s *Server) stampKey(ctx context.Context) ([]byte, error) {
	s.keyMu.Lock()
	defer s.keyMu.Unlock()
	if s.formKey != nil {
		return s.formKey, nil
	}
	k, err := s.store.AppKey(ctx, "form-stamp")
	if err != nil {
		return nil, err
	}
	s.formKey = k
	return k, nil
}

func (s *Server) stamp(ctx context.Context) (string, error) {
	key, err := s.stampKey(ctx)
	if err != nil {
		return "", err
	}
	t := strconv.FormatInt(s.now().UnixMilli(), 10)
	m := hmac.New(sha256.New, key)
	m.Write([]byte(t))
	return t + "." + base64.RawURLEncoding.EncodeToString(m.Sum(nil)), nil
}

// stampAge says how long ago a stamp was made; ok is false for a forged or
// garbled one.
func (s *Server) stampAge(ctx context.Context, stamp string) (time.Duration, bool) {
	key, err := s.stampKey(ctx)
	if err != nil {
		return 0, false
	}
	t, sig, found := strings.Cut(stamp, ".")
	ms, perr := strconv.ParseInt(t, 10, 64)
	if !found || perr != nil {
		return 0, false
	}
	m := hmac.New(sha256.New, key)
	m.Write([]byte(t))
	want := base64.RawURLEncoding.EncodeToString(m.Sum(nil))
	if !hmac.Equal([]byte(sig), []byte(want)) {
		return 0, false
	}
	return s.now().Sub(time.UnixMilli(ms)), true
}
