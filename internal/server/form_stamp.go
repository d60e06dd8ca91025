package server

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"strconv"
	"strings"
	"time"
)

// Spam is kept out without a CAPTCHA: a honeypot field, a signed stamp
// that is good for one accepted inquiry within a day of showing the form,
// and limits on accepted inquiries per e-mail and address (see
// booking.InquiriesPerEmail). There is no minimum time before a form may
// be sent: a person who corrects a typo sends again within seconds.
const maxFormAge = 24 * time.Hour

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

// stamp signs the time the form is shown and a random nonce, so that
// every form shown has a stamp of its own (spent by its one inquiry).
func (s *Server) stamp(ctx context.Context) (string, error) {
	key, err := s.stampKey(ctx)
	if err != nil {
		return "", err
	}
	nonce := make([]byte, 12)
	rand.Read(nonce)
	t := strconv.FormatInt(s.now().UnixMilli(), 10) + "." + base64.RawURLEncoding.EncodeToString(nonce)
	return t + "." + stampSig(key, t), nil
}

func stampSig(key []byte, signed string) string {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(signed))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// stampAge says how long ago a stamp was made; ok is false for a forged or
// garbled one.
func (s *Server) stampAge(ctx context.Context, stamp string) (time.Duration, bool) {
	key, err := s.stampKey(ctx)
	if err != nil {
		return 0, false
	}
	i := strings.LastIndexByte(stamp, '.')
	if i < 0 || len(stamp) > 200 {
		return 0, false
	}
	signed, sig := stamp[:i], stamp[i+1:]
	ms, perr := strconv.ParseInt(strings.SplitN(signed, ".", 2)[0], 10, 64)
	if perr != nil || !hmac.Equal([]byte(sig), []byte(stampSig(key, signed))) {
		return 0, false
	}
	return s.now().Sub(time.UnixMilli(ms)), true
}
