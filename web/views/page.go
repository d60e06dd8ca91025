// Package views holds the templ components of every page. Components take
// props structs; nothing here does I/O.
package views

import (
	"strings"

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
	// CSS and JS are the hashed URLs of the site's assets.
	CSS, JS, Icon string
}

func (p Page) fullTitle() string {
	if p.Title == "" {
		return "COK Kursuskatalog"
	}
	return p.Title + " | COK Kursuskatalog"
}

// current says whether the page is at or below prefix, for aria-current.
func current(p Page, prefix string) bool {
	return p.Path == prefix || strings.HasPrefix(p.Path, prefix+"/")
}

// telURL is a tel: link without the spaces people write in numbers.
func telURL(phone string) templ.SafeURL {
	return templ.SafeURL("tel:" + strings.ReplaceAll(phone, " ", ""))
}
