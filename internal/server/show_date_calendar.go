package server

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/go-chi/chi/v5"

	"kursuskatalog/internal/catalog"
	"kursuskatalog/internal/ical"
	"kursuskatalog/internal/store"
)

// showDateCalendar serves one date as an .ics calendar file.
func (s *Server) showDateCalendar(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(strings.TrimSuffix(chi.URLParam(r, "file"), ".ics"), 10, 64)
	if err != nil || !strings.HasSuffix(chi.URLParam(r, "file"), ".ics") {
		s.notFound(w, r)
		return
	}
	c, d, err := s.store.CourseDateByID(r.Context(), chi.URLParam(r, "slug"), id)
	if errors.Is(err, store.ErrNotFound) {
		s.notFound(w, r)
		return
	} else if err != nil {
		s.ServerError(w, r, err)
		return
	}
	pageURL := s.baseURL.String() + "/kurser/" + c.Slug
	body := ical.Calendar(catalog.Copenhagen, ical.Event{
		UID:         "kursusdato-" + strconv.FormatInt(d.ID, 10) + "@" + s.baseURL.Hostname(),
		Summary:     c.Title + " (COK)",
		Description: c.Teaser + "\n\n" + pageURL,
		Location:    d.Venue.Address(),
		URL:         pageURL,
		Start:       d.StartsAt,
		End:         d.EndsAt,
		Stamp:       s.now(),
		Cancelled:   d.Status == catalog.DateCancelled,
	})
	w.Header().Set("Content-Type", "text/calendar; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+c.Slug+`-`+strconv.FormatInt(d.ID, 10)+`.ics"`)
	w.Write(body)
}
