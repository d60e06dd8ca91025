package server

import "net/http"

// showWAS sends the visitor to the accessibility statement made in the
// state's WAS tool, which Danish law wants reachable at /was. Its address
// is configuration (WAS_URL); our own page /tilgaengelighed stays for how
// the site is tested.
func (s *Server) showWAS(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, s.wasURL, http.StatusFound)
}
