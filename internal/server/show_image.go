package server

import (
	"bytes"
	"errors"
	"image/jpeg"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/go-chi/chi/v5"

	"kursuskatalog/internal/catalog"
	"kursuskatalog/internal/images"
	"kursuskatalog/internal/store"
)

// showCourseImage serves one size of a course's picture from Postgres:
// /billeder/kurser/{id}/{hash}-{size}.jpg. The hash names the version, so
// browsers keep it for a year; a new upload has a new address.
func (s *Server) showCourseImage(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(chi.URLParam(r, "id"), 10, 64)
	hash, size, ok := strings.Cut(strings.TrimSuffix(chi.URLParam(r, "file"), ".jpg"), "-")
	if err != nil || !ok || !strings.HasSuffix(chi.URLParam(r, "file"), ".jpg") {
		s.notFound(w, r)
		return
	}
	data, err := s.store.CourseImageFile(r.Context(), id, hash, size)
	if errors.Is(err, store.ErrNotFound) {
		s.notFound(w, r)
		return
	} else if err != nil {
		s.ServerError(w, r, err)
		return
	}
	serveJPEG(w, data)
}

func serveJPEG(w http.ResponseWriter, data []byte) {
	w.Header().Set("Content-Type", "image/jpeg")
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	w.Write(data)
}

// siteImage is the sharing picture of pages without one of their own,
// drawn once per process from the site's name.
type siteImage struct {
	once sync.Once
	data []byte
	err  error
}

// SiteImagePath is where the site's own sharing picture is served.
const SiteImagePath = "/billeder/cok-v2.jpg"

func (s *Server) showSiteImage(w http.ResponseWriter, r *http.Request) {
	s.siteImg.once.Do(func() {
		var buf bytes.Buffer
		img := images.Draw("COK Kursuskatalog", 1200, 630)
		s.siteImg.err = jpeg.Encode(&buf, img, &jpeg.Options{Quality: 80})
		s.siteImg.data = buf.Bytes()
	})
	if s.siteImg.err != nil {
		s.ServerError(w, r, s.siteImg.err)
		return
	}
	serveJPEG(w, s.siteImg.data)
}

// shareImage puts the course's picture, or the site's, on the page's
// sharing tags.
func (s *Server) shareImage(im *catalog.Image) (url, alt string) {
	if im == nil {
		return s.baseURL.String() + SiteImagePath, "COK Kursuskatalog – kurser og forløb for kommunale medarbejdere"
	}
	return s.baseURL.String() + im.URL(catalog.ImageShare), im.Alt
}
