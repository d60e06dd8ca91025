package forms

import (
	"net/http"
	"strings"
	"unicode"

	"kursuskatalog/web/views"
)

// HasControl says whether s holds a control character: a line break (CR,
// LF, or Unicode's line and paragraph separators), a tab, or any other C0
// or C1 control. Nobody types one into a one-line field, and in a mail
// header (a name, an address, a subject) or a line of a file (a calendar
// entry, a CSV row) it splits the value: the mail library refuses such a
// header, and the mail was retried for weeks.
func HasControl(s string) bool {
	for _, r := range s {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return true
		}
	}
	return false
}

// OneLine reports a one-line field that holds a control character.
func OneLine(e *views.FormErrors, id, label, s string) {
	if HasControl(s) {
		e.Add(id, label+" må ikke indeholde linjeskift, tabulatorer eller andre kontroltegn")
	}
}

// LimitBody caps the body of a request at n bytes; respond.ParseForm
// answers a larger one with 413. Each route takes what its form needs: a
// few KB for a button, more for a form with free text. Without a cap a
// form body could run to Go's 10 MB, parsed into memory.
func LimitBody(n int64) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Body != nil {
				r.Body = http.MaxBytesReader(w, r.Body, n)
			}
			next.ServeHTTP(w, r)
		})
	}
}

// LimitFormsAndUploads caps a form's body at n bytes and a file upload's
// (multipart/form-data, the only kind the site takes files in) at
// UploadBody: for an area of small forms that also takes a picture. The
// cap cannot be raised by a route below it (an inner MaxBytesReader reads
// through the outer one), so the two are told apart here.
func LimitFormsAndUploads(n int64) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Body != nil {
				limit := n
				if IsUpload(r) {
					limit = UploadBody
				}
				r.Body = http.MaxBytesReader(w, r.Body, limit)
			}
			next.ServeHTTP(w, r)
		})
	}
}

// IsUpload says whether a request's body is a form with files.
func IsUpload(r *http.Request) bool {
	return strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data")
}

// Body caps of the routes, by the forms they take.
const (
	SmallBody = 8 << 10   // a button, a login, a name and an e-mail
	TextBody  = 64 << 10  // a form with a free-text message
	LargeBody = 256 << 10 // the enrolment form of many participants, the course editor
	// UploadBody is a picture of up to images.MaxBytes with its form.
	UploadBody = 11 << 20
)
