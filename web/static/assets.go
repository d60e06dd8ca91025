// Package static embeds the site's CSS, JavaScript and icons and serves them
// under content-hashed names, so that browsers may cache them for a year and
// still never see a stale file after a deploy.
package static

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"time"
)

//go:embed css js favicon.svg
var files embed.FS

type asset struct {
	body, gz    []byte
	contentType string
	etag        string
}

// Assets maps logical names ("css/site.css") to hashed URLs
// ("/static/css/site.1a2b3c4d5e.css") and serves the hashed URLs from memory,
// gzip-compressed once at start.
type Assets struct {
	urls   map[string]string
	byPath map[string]*asset
}

// Load reads every embedded file.
func Load() (*Assets, error) {
	a := &Assets{urls: map[string]string{}, byPath: map[string]*asset{}}
	err := fs.WalkDir(files, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := files.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(body)
		hash := hex.EncodeToString(sum[:])[:10]
		ext := path.Ext(p)
		hashed := strings.TrimSuffix(p, ext) + "." + hash + ext
		ct := mime.TypeByExtension(ext)
		if ct == "" {
			ct = "application/octet-stream"
		}
		as := &asset{body: body, contentType: ct, etag: `"` + hash + `"`}
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		zw.Write(body)
		zw.Close()
		if buf.Len() < len(body) {
			as.gz = buf.Bytes()
		}
		a.urls[p] = "/static/" + hashed
		a.byPath[hashed] = as
		return nil
	})
	return a, err
}

// URL returns the hashed URL of a logical name. An unknown name is a
// programming error and panics in tests, not in front of users: templates are
// rendered in tests.
func (a *Assets) URL(name string) string {
	u, ok := a.urls[name]
	if !ok {
		panic(fmt.Sprintf("static: no asset %q", name))
	}
	return u
}

// Size returns the uncompressed and gzip sizes of a logical asset.
func (a *Assets) Size(name string) (raw, gz int) {
	as := a.byPath[strings.TrimPrefix(a.URL(name), "/static/")]
	return len(as.body), len(as.gz)
}

// ServeHTTP serves /static/{hashed name}. Hashed names never change content,
// so they are cached for a year as immutable.
func (a *Assets) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	as, ok := a.byPath[strings.TrimPrefix(r.URL.Path, "/static/")]
	if !ok {
		http.NotFound(w, r)
		return
	}
	h := w.Header()
	h.Set("Content-Type", as.contentType)
	h.Set("Cache-Control", "public, max-age=31536000, immutable")
	h.Set("ETag", as.etag)
	h.Set("Vary", "Accept-Encoding")
	if r.Header.Get("If-None-Match") == as.etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	body := as.body
	if as.gz != nil && strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
		h.Set("Content-Encoding", "gzip")
		body = as.gz
	}
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(body))
}
