package admin

import (
	"errors"
	"net/http"
	"net/url"

	"github.com/go-chi/chi/v5"

	"kursuskatalog/internal/auth"
	"kursuskatalog/internal/enrolment"
	"kursuskatalog/internal/server/forms"
	"kursuskatalog/internal/server/respond"
	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

// The way in for the owner of an account under attack, from a browser the
// account does not know: a one-time link by mail makes the browser a known
// device (see device.go); the password is still needed to log in.

// sendLoginLink mails the link when the address is an active account's,
// at most as often as auth.LinkThrottle allows, and answers alike in every
// case, so the page reveals neither accounts nor throttling.
func (a *adminArea) sendLoginLink(w http.ResponseWriter, r *http.Request) {
	if !respond.ParseForm(w, r) {
		return
	}
	email := forms.Clip(r.PostForm.Get("email"), 300)
	if email != "" && len(email) <= maxEmail && !forms.HasControl(email) {
		ok, _, err := a.takeTries(r.Context(), []throttleKey{{linkKey(email), auth.LinkThrottle}}, a.now())
		if err == nil && ok {
			err = a.enrol.SendLoginLink(r.Context(), email, a.baseURL.String()+"/admin/login/link/")
		}
		if err != nil {
			a.ServerError(w, r, err)
			return
		}
	}
	p := a.adminPage(r, "Tjek din mail")
	a.Render(w, r, http.StatusOK, views.AdminLoginLinkSent(p, email))
}

// showLoginLink asks to confirm with a button, so that a mail program that
// opens links to scan them does not spend the link.
func (a *adminArea) showLoginLink(w http.ResponseWriter, r *http.Request) {
	token := chi.URLParam(r, "token")
	valid, err := a.store.LoginLinkValid(r.Context(), enrolment.HashToken(token), a.now())
	if err != nil {
		a.ServerError(w, r, err)
		return
	}
	status := http.StatusOK
	if !valid {
		status = http.StatusGone
	}
	p := a.adminPage(r, "Genkend denne browser")
	a.Render(w, r, status, views.AdminLoginLink(p, valid, "/admin/login/link/"+url.PathEscape(token)))
}

// useLoginLink spends the link and makes this browser a known device of
// its account, then sends it to the login form with the e-mail filled in.
func (a *adminArea) useLoginLink(w http.ResponseWriter, r *http.Request) {
	u, err := a.store.UseLoginLink(r.Context(), enrolment.HashToken(chi.URLParam(r, "token")), a.now())
	if errors.Is(err, store.ErrNotFound) {
		p := a.adminPage(r, "Genkend denne browser")
		a.Render(w, r, http.StatusGone, views.AdminLoginLink(p, false, ""))
		return
	} else if err != nil {
		a.ServerError(w, r, err)
		return
	}
	if err := a.rememberDevice(w, r, u.Email); err != nil {
		a.ServerError(w, r, err)
		return
	}
	a.flash(r, "Din browser er genkendt. Log ind med din adgangskode.")
	http.Redirect(w, r, "/admin/login?email="+url.QueryEscape(u.Email), http.StatusSeeOther)
}
