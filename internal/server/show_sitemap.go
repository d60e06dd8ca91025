package server

import (
	"encoding/xml"
	"net/http"
)

type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

type sitemapURLSet struct {
	XMLName xml.Name     `xml:"urlset"`
	NS      string       `xml:"xmlns,attr"`
	URLs    []sitemapURL `xml:"url"`
}

// showSitemap lists every published page for search engines.
func (s *Server) showSitemap(w http.ResponseWriter, r *http.Request) {
	entries, err := s.store.Sitemap(r.Context())
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	base := s.baseURL.String()
	set := sitemapURLSet{NS: "http://www.sitemaps.org/schemas/sitemap/0.9",
		URLs: []sitemapURL{{Loc: base + "/"}, {Loc: base + "/kurser"}}}
	for _, e := range entries {
		set.URLs = append(set.URLs, sitemapURL{Loc: base + e.Path, LastMod: e.Updated.UTC().Format("2006-01-02")})
	}
	w.Header().Set("Content-Type", "application/xml; charset=utf-8")
	w.Write([]byte(xml.Header))
	enc := xml.NewEncoder(w)
	enc.Indent("", " ")
	if err := enc.Encode(set); err != nil {
		s.log.Warn("sitemap: write", "err", err)
	}
}

// showRobots lets search engines in everywhere but the staff area and the
// personal pages, and points them at the sitemap.
func (s *Server) showRobots(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Write([]byte("User-agent: *\nDisallow: /admin\nDisallow: /tilmelding\nDisallow: /min-tilmelding\nDisallow: /favoritter\n\nSitemap: " +
		s.baseURL.String() + "/sitemap.xml\n"))
}
