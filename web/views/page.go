// Package views holds the templ components of every page. Components take
// props structs; nothing here does I/O.
package views

import (
	"strings"
	"unicode/utf8"

	"kursuskatalog/internal/catalog"

	"github.com/a-h/templ"
)

// Page is what the layout needs from every page.
type Page struct {
	Title       string        // the page's own title; the layout adds " | COK Kursuskatalog"
	Description string        // meta description
	Canonical   string        // absolute URL, "" for none
	Path        string        // the request path, to mark the current navigation item
	Query       string        // the search words, kept in the header search field
	Return      string        // path and query of this page, where a favourite button returns to
	Saved       catalog.Saved // the visitor's favourites (nil maps when none)
	NoIndex     bool          // pages search engines should not list
	// Errors marks a form shown again with messages: the title starts with
	// "Fejl: " and focus goes to the error summary.
	Errors bool
	// Image is the absolute URL of the page's sharing image (og:image) and
	// ImageAlt its text; every public page has one.
	Image, ImageAlt string
	// CSS and JS are the hashed URLs of the site's assets.
	CSS, JS, Icon string
}

// fullTitle is the <title>: the page's own title and the site's name,
// within the 65 characters search engines show. A long title leaves the
// site's name out rather than being cut.
func (p Page) fullTitle() string {
	const max = 65
	t := "COK Kursuskatalog"
	switch {
	case p.Title == "":
	case utf8.RuneCountInString(p.Title+" | COK Kursuskatalog") <= max:
		t = p.Title + " | COK Kursuskatalog"
	case utf8.RuneCountInString(p.Title+" | COK") <= max:
		t = p.Title + " | COK"
	default:
		t = p.Title
	}
	if p.Errors {
		t = "Fejl: " + t
	}
	return t
}

// current says whether the page is at or below prefix, for aria-current.
func current(p Page, prefix string) bool {
	return p.Path == prefix || strings.HasPrefix(p.Path, prefix+"/")
}

// telURL is a tel: link without the spaces people write in numbers.
func telURL(phone string) templ.SafeURL {
	return templ.SafeURL("tel:" + strings.ReplaceAll(phone, " ", ""))
}

// imageOf is the picture of a course from a map of pictures, nil if none.
func imageOf(m map[int64]catalog.Image, courseID int64) *catalog.Image {
	if im, ok := m[courseID]; ok {
		return &im
	}
	return nil
}

// shareTitle is the page's title in a sharing preview, which names the
// site itself (og:site_name).
func (p Page) shareTitle() string {
	if p.Title == "" {
		return "Kurser og forløb for kommunale medarbejdere"
	}
	return p.Title
}
