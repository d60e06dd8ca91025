package server

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"kursuskatalog/internal/server/respond"
	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

type favouriteAnswer struct {
	Saved   bool   `json:"saved"`
	Count   int    `json:"count"`
	Message string `json:"message"`
	Fresh   bool   `json:"fresh,omitempty"` // the visitor cookie was just set
}

// saveFavourite saves or removes a favourite. Without JavaScript it
// redirects back to where the visitor was; site.js asks for JSON instead.
func (s *Server) saveFavourite(w http.ResponseWriter, r *http.Request) {
	if !respond.ParseForm(w, r) {
		return
	}
	wantsJSON := strings.Contains(r.Header.Get("Accept"), "application/json")
	kind := store.FavCourse
	if r.PostForm.Get("type") == "forloeb" {
		kind = store.FavProgramme
	}
	id, err := strconv.ParseInt(r.PostForm.Get("id"), 10, 64)
	if err != nil || id <= 0 {
		s.notFound(w, r)
		return
	}
	back := safeReturn(r.PostForm.Get("tilbage"))
	save := r.PostForm.Get("handling") != "fjern"

	visitor, fresh := s.ensureVisitor(w, r)
	var n int
	if save {
		n, err = s.store.SaveFavourite(r.Context(), visitor, kind, id, s.now())
	} else {
		n, err = s.store.RemoveFavourite(r.Context(), visitor, kind, id)
	}
	switch {
	case errors.Is(err, store.ErrTooManyFavourites):
		msg := "Du har allerede " + strconv.Itoa(store.MaxFavourites) + " favoritter, som er det højeste antal. Fjern nogle på siden Favoritter, før du gemmer flere."
		if wantsJSON {
			writeJSON(w, http.StatusUnprocessableEntity, favouriteAnswer{Saved: false, Count: n, Message: msg})
			return
		}
		p := s.page(r, "For mange favoritter", "")
		p.NoIndex = true
		s.Render(w, r, http.StatusUnprocessableEntity, views.Message(views.MessageProps{Page: p, Heading: "Favoritten blev ikke gemt",
			Text: []string{msg}, LinkText: "Gå til dine favoritter", LinkURL: "/favoritter"}))
		return
	case errors.Is(err, store.ErrNotFound):
		s.notFound(w, r)
		return
	case err != nil:
		s.ServerError(w, r, err)
		return
	}
	msg := "Gemt som favorit"
	if !save {
		msg = "Fjernet fra favoritter"
	}
	if wantsJSON {
		writeJSON(w, http.StatusOK, favouriteAnswer{Saved: save, Count: n, Message: msg, Fresh: fresh})
		return
	}
	if fresh {
		// A browser that refuses cookies would lose the favourite without a
		// word; the check page tells it why.
		http.Redirect(w, r, "/favoritter/tjek?tilbage="+url.QueryEscape(back), http.StatusSeeOther)
		return
	}
	http.Redirect(w, r, back, http.StatusSeeOther)
}

// safeReturn accepts only a path on this site.
func safeReturn(p string) string {
	if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") || strings.HasPrefix(p, "/\\") || strings.ContainsAny(p, "\r\n") {
		return "/favoritter"
	}
	return p
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

// checkCookie follows the first save: with the cookie back, the visitor
// returns to the page; without it, we say why saving did not work.
func (s *Server) checkCookie(w http.ResponseWriter, r *http.Request) {
	_, ok := visitorID(r)
	if r.URL.Query().Get("format") == "json" {
		writeJSON(w, http.StatusOK, map[string]bool{"cookie": ok})
		return
	}
	if ok {
		http.Redirect(w, r, safeReturn(r.URL.Query().Get("tilbage")), http.StatusSeeOther)
		return
	}
	p := s.page(r, "Favoritten kunne ikke gemmes", "")
	p.NoIndex = true
	s.Render(w, r, http.StatusOK, views.Message(views.MessageProps{Page: p, Heading: "Favoritten kunne ikke gemmes",
		Text: []string{
			"Din browser tillader ikke cookies fra dette websted. Vi husker dine favoritter med en cookie, der kun indeholder et tilfældigt nummer – uden den kan vi ikke vide, at det er dig, der kommer tilbage.",
			"Tillad cookies for dette websted i browserens indstillinger, og prøv igen. Du kan også notere kursets adresse eller tilmelde dig direkte.",
		},
		LinkText: "Tilbage", LinkURL: safeReturn(r.URL.Query().Get("tilbage"))}))
}
