package server

import (
	"bytes"
	"compress/gzip"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/go-chi/chi/v5/middleware"

	"kursuskatalog/internal/catalog"
)

// A visitor with favourites gets the cached page with their own parts
// filled in: the header's count and, on each "Gem som favorit" button of a
// saved course or programme, the pressed state and the action that undoes
// it. Where these go in a page (its holes) is found once, when the page is
// cached; a request copies the page around them.
//
// What a visitor has saved travels in a second cookie, favouritesCookie,
// dated the day it was read from the database: within that day no page of
// theirs asks the database, and the first page of a new day reads it
// again (which also marks the visitor as seen, see store.SavedBy). The
// visitor's own saves and removals write the cookie at once, so a page
// shows them on every instance.
const favouritesCookie = "favoritter"

type holeKind int8

const (
	holeCount   holeKind = iota // the header's count
	holeAction                  // a button's "gem", "fjern" when saved
	holePressed                 // a button's aria-pressed "false", "true" when saved
)

// hole is a part of a cached page that is the visitor's own.
type hole struct {
	start, end int
	kind       holeKind
	item       string // "kursus-12" or "forloeb-3", as data-fav names it
}

// findHoles finds the holes of a page as the views write it: the count in
// id="fav-count" and, after each data-fav="…", its handling value and
// aria-pressed (see favButton).
func findHoles(page []byte) []hole {
	var holes []hole
	if i := bytes.Index(page, []byte(`id="fav-count"`)); i >= 0 {
		if h, ok := valueAfter(page, i, `<span class="n">`, '<', "</a>"); ok {
			holes = append(holes, hole{start: h[0], end: h[1], kind: holeCount})
		}
	}
	for i := 0; ; {
		j := bytes.Index(page[i:], []byte(`data-fav="`))
		if j < 0 {
			return holes
		}
		i += j + len(`data-fav="`)
		item := string(page[i : i+bytes.IndexByte(page[i:], '"')])
		if h, ok := valueAfter(page, i, `name="handling" value="`, '"', "</form>"); ok {
			holes = append(holes, hole{start: h[0], end: h[1], kind: holeAction, item: item})
		}
		if h, ok := valueAfter(page, i, `aria-pressed="`, '"', "</form>"); ok {
			holes = append(holes, hole{start: h[0], end: h[1], kind: holePressed, item: item})
		}
	}
}

// valueAfter finds the first prefix after from, before the next within,
// and returns where the value after it starts and ends (at stop).
func valueAfter(page []byte, from int, prefix string, stop byte, within string) ([2]int, bool) {
	rest := page[from:]
	if end := bytes.Index(rest, []byte(within)); end >= 0 {
		rest = rest[:end]
	}
	j := bytes.Index(rest, []byte(prefix))
	if j < 0 {
		return [2]int{}, false
	}
	n := bytes.IndexByte(rest[j+len(prefix):], stop)
	if n < 0 {
		return [2]int{}, false
	}
	start := from + j + len(prefix)
	return [2]int{start, start + n}, true
}

// fill writes p with the visitor's parts filled in.
func (p *cachedPage) fill(buf *bytes.Buffer, saved catalog.Saved) {
	at := 0
	for _, h := range p.holes {
		buf.Write(p.plain[at:h.start])
		at = h.end
		switch {
		case h.kind == holeCount:
			buf.WriteString(strconv.Itoa(saved.Count()))
		case !isSaved(saved, h.item):
			buf.Write(p.plain[h.start:h.end])
		case h.kind == holeAction:
			buf.WriteString("fjern")
		default:
			buf.WriteString("true")
		}
	}
	buf.Write(p.plain[at:])
}

func isSaved(saved catalog.Saved, item string) bool {
	kind, id, _ := strings.Cut(item, "-")
	n, err := strconv.ParseInt(id, 10, 64)
	if err != nil {
		return false
	}
	if kind == "forloeb" {
		return saved.Programme(n)
	}
	return saved.Course(n)
}

var (
	pageBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}
	gzipWriters = sync.Pool{New: func() any { w, _ := gzip.NewWriterLevel(nil, gzip.BestSpeed); return w }}
)

// writePersonal sends p with the visitor's parts filled in. The page is
// theirs: no shared cache keeps it, and it has no ETag.
func (p *cachedPage) writePersonal(w http.ResponseWriter, r *http.Request, saved catalog.Saved) int {
	if saved.Count() == 0 || !p.personal {
		return p.write(w, r)
	}
	buf := pageBuffers.Get().(*bytes.Buffer)
	defer pageBuffers.Put(buf)
	buf.Reset()
	p.fill(buf, saved)
	h := w.Header()
	setSecurityHeaders(h)
	h.Set("Content-Type", p.contentType)
	h.Set("Cache-Control", "private, no-cache")
	h["Vary"] = []string{"Accept-Encoding, Cookie"}
	if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
		h.Set("Content-Length", strconv.Itoa(buf.Len()))
		w.WriteHeader(http.StatusOK)
		if r.Method == http.MethodGet {
			w.Write(buf.Bytes())
		}
		return http.StatusOK
	}
	h.Set("Content-Encoding", "gzip")
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodGet {
		zw := gzipWriters.Get().(*gzip.Writer)
		zw.Reset(w)
		zw.Write(buf.Bytes())
		zw.Close()
		gzipWriters.Put(zw)
	}
	return http.StatusOK
}

// savedFromCookie reads the favourites cookie if it was written on day.
func savedFromCookie(r *http.Request, day string) (catalog.Saved, bool) {
	c, err := r.Cookie(favouritesCookie)
	if err != nil {
		return catalog.Saved{}, false
	}
	parts := strings.Split(c.Value, ".")
	if parts[0] != day {
		return catalog.Saved{}, false
	}
	saved := catalog.Saved{Courses: map[int64]bool{}, Programmes: map[int64]bool{}}
	for _, item := range parts[1:] {
		if len(item) < 2 {
			return catalog.Saved{}, false
		}
		id, err := strconv.ParseInt(item[1:], 10, 64)
		switch {
		case err != nil:
			return catalog.Saved{}, false
		case item[0] == 'k':
			saved.Courses[id] = true
		case item[0] == 'f':
			saved.Programmes[id] = true
		default:
			return catalog.Saved{}, false
		}
	}
	return saved, true
}

// setSavedCookie writes what the visitor has saved into the favourites
// cookie, dated today.
func (s *Server) setSavedCookie(w http.ResponseWriter, saved catalog.Saved) {
	var b strings.Builder
	b.WriteString(s.today())
	for id := range saved.Courses {
		b.WriteString(".k" + strconv.FormatInt(id, 10))
	}
	for id := range saved.Programmes {
		b.WriteString(".f" + strconv.FormatInt(id, 10))
	}
	http.SetCookie(w, &http.Cookie{
		Name: favouritesCookie, Value: b.String(), Path: "/", MaxAge: int((365 * 24 * time.Hour).Seconds()),
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: s.baseURL.Scheme == "https",
	})
}

// today is the day a favourites cookie is dated, in Copenhagen.
func (s *Server) today() string { return s.now().In(catalog.Copenhagen).Format("20060102") }

// visitorSaved is what the visitor with id has saved: from the cookie if
// it is today's, else from the database, which then renews the cookie. A
// database that cannot be reached costs the visitor's parts, never the
// page.
func (s *Server) visitorSaved(w http.ResponseWriter, r *http.Request, id []byte) catalog.Saved {
	if saved, ok := savedFromCookie(r, s.today()); ok {
		return saved
	}
	saved, err := s.store.SavedBy(r.Context(), id, s.now())
	if err != nil {
		s.log.Warn("favourites not loaded", slog.String("request_id", middleware.GetReqID(r.Context())), slog.Any("err", err))
		return catalog.Saved{}
	}
	s.setSavedCookie(w, saved)
	return saved
}
