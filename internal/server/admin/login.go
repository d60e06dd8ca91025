package admin

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"time"

	"kursuskatalog/internal/auth"
	"kursuskatalog/internal/server/respond"
	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

// Throttling of failed logins: more than this many failures in a window
// for one account, or from one client address, locks out further tries
// until the window ends. Counted in rate_limits, shared by every process.
const (
	loginWindow          = 15 * time.Minute
	maxFailuresPerAcct   = 5
	maxFailuresPerClient = 20
)

// loginFailed is the one message for every failure, so the page never
// tells whether an account exists.
const loginFailed = "E-mail eller adgangskode er forkert"

func (a *adminArea) showLogin(w http.ResponseWriter, r *http.Request) {
	if a.sessions.GetInt64(r.Context(), sessionStaffID) != 0 {
		http.Redirect(w, r, "/admin", http.StatusSeeOther)
		return
	}
	a.renderLogin(w, r, http.StatusOK, views.LoginForm{Return: r.URL.Query().Get("tilbage")})
}

func (a *adminArea) renderLogin(w http.ResponseWriter, r *http.Request, status int, f views.LoginForm) {
	p := a.adminPage(r, "Log ind")
	if f.Errors.Any() {
		p.Title = "Fejl: Log ind"
	}
	f.Return = adminReturn(f.Return)
	a.Render(w, r, status, views.AdminLogin(p, f))
}

// loginLocked says whether the account or the address has failed to log
// in too often within the window.
func (a *adminArea) loginLocked(ctx context.Context, acctKey, clientKey string, now time.Time) (bool, error) {
	nAcct, err := a.store.RateCount(ctx, acctKey, loginWindow, now)
	if err != nil {
		return false, err
	}
	nClient, err := a.store.RateCount(ctx, clientKey, loginWindow, now)
	return nAcct >= maxFailuresPerAcct || nClient >= maxFailuresPerClient, err
}

// login checks e-mail and password and starts a session with a new token.
func (a *adminArea) login(w http.ResponseWriter, r *http.Request) {
	if !respond.ParseForm(w, r) {
		return
	}
	f := views.LoginForm{Email: strings.TrimSpace(r.PostForm.Get("email")), Return: r.PostForm.Get("tilbage")}
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
	ctx, now := r.Context(), a.now()
	acctKey := "login:konto:" + strings.ToLower(f.Email)
	clientKey := "login:adresse:" + respond.ClientAddr(r)
	locked, err := a.loginLocked(ctx, acctKey, clientKey, now)
	if err != nil {
		a.ServerError(w, r, err)
		return
	}
	if locked {
		f.Errors.Add("email", loginFailed+". Der har været for mange forsøg. Vent et kvarter, og prøv så igen.")
		w.Header().Set("Retry-After", "900")
		a.renderLogin(w, r, http.StatusTooManyRequests, f)
		return
	}

	u, err := a.store.StaffUserByEmail(ctx, f.Email)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		a.ServerError(w, r, err)
		return
	}
	hash := u.PasswordHash
	if err != nil || u.Disabled {
		hash = a.dummy()
	}
	if !auth.CheckPassword(password, hash) || err != nil || u.Disabled {
		for _, k := range []string{acctKey, clientKey} {
			if _, herr := a.store.Hit(ctx, k, loginWindow, now); herr != nil {
				a.ServerError(w, r, herr)
				return
			}
		}
		f.Errors.Add("email", loginFailed)
		a.renderLogin(w, r, http.StatusUnprocessableEntity, f)
		return
	}

	// A new token at login, so a token planted before it is worthless.
	if err := a.sessions.RenewToken(ctx); err != nil {
		a.ServerError(w, r, err)
		return
	}
	a.sessions.Put(ctx, sessionStaffID, u.ID)
	http.Redirect(w, r, adminReturn(f.Return), http.StatusSeeOther)
}

// dummy is a hash of a random-free constant, made once per process on the
// first miss, so that an unknown e-mail costs as much as a wrong password.
func (a *adminArea) dummy() string {
	a.dummyOnce.Do(func() {
		h, err := auth.HashPassword("ingen-konto-har-denne-adgangskode", auth.Params())
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
