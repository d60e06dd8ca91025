package server

import (
	"kursuskatalog/internal/enrolment"
	"net/http"
	"time"
)

// The visitor cookie holds a random id (256 bits) that ties favourites to a
// browser without a login. Only its hash is stored.
const visitorCookie = "besoegende"

// visitorID returns the stored form of the visitor's id, if the browser
// sent one.
func visitorID(r *http.Request) ([]byte, bool) {
	c, err := r.Cookie(visitorCookie)
	if err != nil || len(c.Value) < 22 || len(c.Value) > 100 {
		return nil, false
	}
	return enrolment.HashToken(c.Value), true
}

// ensureVisitor returns the visitor's id, setting a new cookie when there is
// none. fresh says whether the cookie was just set.
func (s *Server) ensureVisitor(w http.ResponseWriter, r *http.Request) (id []byte, fresh bool) {
	if id, ok := visitorID(r); ok {
		return id, false
	}
	token := enrolment.NewToken()
	http.SetCookie(w, &http.Cookie{
		Name: visitorCookie, Value: token, Path: "/", MaxAge: int((365 * 24 * time.Hour).Seconds()),
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: s.baseURL.Scheme == "https",
	})
	return enrolment.HashToken(token), true
}
