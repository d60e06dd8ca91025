package admin

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"time"

	"kursuskatalog/internal/auth"
	"kursuskatalog/internal/server/forms"
	"kursuskatalog/internal/server/respond"
	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

// loginFailed is the one message for every failure, so the page never
// tells whether an account exists.
const loginFailed = "E-mail eller adgangskode er forkert"

// maxEmail is the longest e-mail address (RFC 5321); a longer one is no
// account, and is refused before anything else is done with it.
const maxEmail = 254

func (a *adminArea) showLogin(w http.ResponseWriter, r *http.Request) {
	if a.sessions.GetInt64(r.Context(), sessionStaffID) != 0 {
		http.Redirect(w, r, "/admin", http.StatusSeeOther)
		return
	}
	q := r.URL.Query()
	a.renderLogin(w, r, http.StatusOK, views.LoginForm{Email: forms.Clip(q.Get("email"), maxEmail), Return: q.Get("tilbage")})
}

func (a *adminArea) renderLogin(w http.ResponseWriter, r *http.Request, status int, f views.LoginForm) {
	p := a.adminPage(r, "Log ind")
	if f.Errors.Any() {
		p.Title = "Fejl: Log ind"
	}
	f.Return = adminReturn(f.Return)
	a.Render(w, r, status, views.AdminLogin(p, f))
}

// login checks e-mail and password and starts a session with a new token.
// A try is taken from the throttle before the password is hashed, and the
// hash waits for a free slot of the hasher; see throttle.go and auth.Hasher.
func (a *adminArea) login(w http.ResponseWriter, r *http.Request) {
	if !respond.ParseForm(w, r) {
		return
	}
	f := views.LoginForm{Email: forms.Clip(r.PostForm.Get("email"), 300), Return: r.PostForm.Get("tilbage")}
	password := r.PostForm.Get("password")
	if f.Email == "" || password == "" {
		if f.Email == "" {
			f.Errors.Add("email", "Skriv din e-mail")
		}
		if password == "" {
			f.Errors.Add("password", "Skriv din adgangskode")
		}
		a.renderLogin(w, r, http.StatusUnprocessableEntity, f)
		return
	}
	if len(f.Email) > maxEmail || len(password) > 4*auth.MaxPasswordLength || forms.HasControl(f.Email) {
		f.Errors.Add("email", loginFailed) // no account has such an address or password
		a.renderLogin(w, r, http.StatusUnprocessableEntity, f)
		return
	}
	ctx, now := r.Context(), a.now()
	ok, next, err := a.takeTries(ctx, a.loginKeys(r, f.Email), now)
	if err != nil {
		a.ServerError(w, r, err)
		return
	}
	if !ok {
		a.renderThrottled(w, r, f, now, next)
		return
	}
	u, err := a.checkLogin(ctx, f.Email, password)
	switch {
	case errors.Is(err, auth.ErrBusy):
		f.Errors.Add("email", "Der er travlt lige nu, så vi kunne ikke tjekke din adgangskode. Prøv igen om et øjeblik")
		w.Header().Set("Retry-After", "2")
		a.renderLogin(w, r, http.StatusServiceUnavailable, f)
	case errors.Is(err, errLoginFailed):
		f.Errors.Add("email", loginFailed)
		a.renderLogin(w, r, http.StatusUnprocessableEntity, f)
	case err != nil:
		a.ServerError(w, r, err)
	default:
		a.startSession(w, r, u, password, f.Return)
	}
}

// errLoginFailed means no active account has that e-mail and password.
var errLoginFailed = errors.New("admin: wrong e-mail or password")

// checkLogin returns the active staff user with email and password. An
// unknown address costs a hash as a wrong password does, so the time of
// the answer tells nothing either.
func (a *adminArea) checkLogin(ctx context.Context, email, password string) (store.StaffUser, error) {
	u, err := a.store.StaffUserByEmail(ctx, email)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return u, err
	}
	hash := u.PasswordHash
	if err != nil || u.Disabled {
		hash = a.dummy()
	}
	match, herr := a.hasher.Check(ctx, password, hash)
	if herr != nil {
		return u, herr
	}
	if !match || err != nil || u.Disabled {
		return u, errLoginFailed
	}
	return u, nil
}

// startSession logs u in: the account's tries are forgotten, the browser
// becomes a known device of the account, a hash of old parameters is
// replaced, and the session gets a new token, so that a token planted
// before the login is worthless.
func (a *adminArea) startSession(w http.ResponseWriter, r *http.Request, u store.StaffUser, password, ret string) {
	ctx := r.Context()
	keys := []string{accountKey(u.Email)}
	if id, ok := a.deviceFor(r, u.Email); ok {
		keys = append(keys, deviceKey(id))
	}
	if err := a.store.ClearLoginAttempts(ctx, keys...); err != nil {
		a.ServerError(w, r, err)
		return
	}
	if err := a.rememberDevice(w, r, u.Email); err != nil {
		a.ServerError(w, r, err)
		return
	}
	a.rehash(ctx, u, password)
	if err := a.sessions.RenewToken(ctx); err != nil {
		a.ServerError(w, r, err)
		return
	}
	a.sessions.Put(ctx, sessionStaffID, u.ID)
	http.Redirect(w, r, adminReturn(ret), http.StatusSeeOther)
}

// rehash stores a new hash of password when u's was made with other
// parameters than the hasher's. It is best effort: the login stands if it
// fails (busy, or the database), and the next login tries again.
func (a *adminArea) rehash(ctx context.Context, u store.StaffUser, password string) {
	if !auth.NeedsRehash(u.PasswordHash, a.hasher.Params()) {
		return
	}
	h, err := a.hasher.Hash(ctx, password)
	if err == nil {
		err = a.store.UpdatePasswordHash(ctx, u.ID, u.PasswordHash, h)
	}
	if err != nil {
		a.Log.Warn("password not rehashed", "staff_user", u.ID, "err", err)
	}
}

// renderThrottled answers a try that must wait: the same message as any
// failure, how long to wait, and the way in that needs no waiting, a
// one-time link by mail (which says nothing about whether the account
// exists).
func (a *adminArea) renderThrottled(w http.ResponseWriter, r *http.Request, f views.LoginForm, now, next time.Time) {
	f.Errors.Add("email", loginFailed+". Der har været mange forsøg på at logge ind, så du skal vente "+waitText(now, next)+
		", før du kan prøve igen – eller få et link på mail nedenfor")
	f.OfferLink = true
	w.Header().Set("Retry-After", strconv.Itoa(max(1, int(next.Sub(now).Seconds()+0.999))))
	a.renderLogin(w, r, http.StatusTooManyRequests, f)
}

// dummy is a hash of a random-free constant, made once per process on the
// first miss, so that an unknown e-mail costs as much as a wrong password.
func (a *adminArea) dummy() string {
	a.dummyOnce.Do(func() {
		h, err := auth.HashPassword("ingen-konto-har-denne-adgangskode", a.hasher.Params())
		if err == nil {
			a.dummyHash = h
		}
	})
	return a.dummyHash
}

// logout ends the session; the token is renewed so the old cookie is dead.
func (a *adminArea) logout(w http.ResponseWriter, r *http.Request) {
	if err := a.sessions.RenewToken(r.Context()); err != nil {
		a.ServerError(w, r, err)
		return
	}
	a.sessions.Remove(r.Context(), sessionStaffID)
	a.flash(r, "Du er logget ud.")
	http.Redirect(w, r, "/admin/login", http.StatusSeeOther)
}
