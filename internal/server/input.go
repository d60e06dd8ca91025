package server

import (
	"bytes"
	"io"
	"kursuskatalog/internal/server/forms"
	"net/http"
	"net/url"
	"strings"
	"unicode/utf8"
)

// Postgres refuses text with a NUL byte or that is not UTF-8, so such input
// reached the database as an error: a search for "%00" or "%FF" answered
// 500, and a booking form with a NUL in a name answered the 503 page.
// Nobody types those bytes; they come from broken clients and probes. So a
// path with them is a page that does not exist, and in a query string or a
// form they are dropped (NUL) or replaced (U+FFFD) before any handler reads
// the values: the form then takes its ordinary way, validation and all.

// maxCleanedForm is the largest body of any request but an upload
// (forms.UploadBody); each route caps its own lower (forms.LimitBody), and
// a larger one is answered with 413.
const maxCleanedForm = 1 << 20

// cleanInput applies the rule above to the path, the query and url-encoded
// form bodies.
func (s *Server) cleanInput(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !readable(r.URL.Path) {
			s.notFound(w, r)
			return
		}
		if q, changed := cleanValues(r.URL.RawQuery); changed {
			r.URL.RawQuery = q
		}
		if r.Body != nil {
			limit := int64(maxCleanedForm)
			if forms.IsUpload(r) {
				limit = forms.UploadBody
			}
			r.Body = http.MaxBytesReader(w, r.Body, limit)
		}
		if r.Body != nil && r.Method == http.MethodPost &&
			strings.HasPrefix(r.Header.Get("Content-Type"), "application/x-www-form-urlencoded") {
			body, err := io.ReadAll(io.LimitReader(r.Body, maxCleanedForm+1))
			switch {
			case err != nil || len(body) > maxCleanedForm:
				r.Body = struct {
					io.Reader
					io.Closer
				}{io.MultiReader(bytes.NewReader(body), r.Body), r.Body}
			default:
				if cleaned, changed := cleanValues(string(body)); changed {
					body = []byte(cleaned)
					r.ContentLength = int64(len(body))
				}
				r.Body = io.NopCloser(bytes.NewReader(body))
			}
		}
		next.ServeHTTP(w, r)
	})
}

// readable says whether s can be stored and searched as it is.
func readable(s string) bool {
	return utf8.ValidString(s) && !strings.ContainsRune(s, 0)
}

// cleanText drops NUL bytes and replaces bytes that are not UTF-8.
func cleanText(s string) string {
	if readable(s) {
		return s
	}
	return strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\x00", "")
}

// cleanValues cleans every key and value of an url-encoded string, and says
// whether any needed it (encoded returns them in another order).
func cleanValues(encoded string) (string, bool) {
	// The common case, a form as browsers send it, costs one unescape and a
	// scan: the separators are ASCII, so the whole is readable exactly when
	// every key and value is.
	if whole, err := url.QueryUnescape(encoded); err == nil && readable(whole) {
		return encoded, false
	}
	vals, err := url.ParseQuery(encoded)
	if err != nil {
		return encoded, false // the handler's own parsing reports it
	}
	changed := false
	out := url.Values{}
	for k, vs := range vals {
		ck := cleanText(k)
		changed = changed || ck != k
		for _, v := range vs {
			cv := cleanText(v)
			changed = changed || cv != v
			out[ck] = append(out[ck], cv)
		}
	}
	if !changed {
		return encoded, false
	}
	return out.Encode(), true
}
