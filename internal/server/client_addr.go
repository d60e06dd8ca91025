package server

import (
	"net"
	"net/http"
	"net/netip"
	"strings"

	"kursuskatalog/internal/server/respond"
)

// clientAddress puts the client's address in the request's context, where
// respond.ClientAddr reads it for rate limits and logs. The connection's
// address is the client's unless it is one of the trusted proxies; then
// X-Forwarded-For is read from the right (the entry the nearest proxy
// added) past every trusted proxy, and the first address that is not one
// is the client. Entries further left were written by the client itself
// and are never believed, so nobody outside can choose their address.
func clientAddress(trusted []netip.Prefix) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			next.ServeHTTP(w, respond.WithClientAddr(r, clientOf(r, trusted)))
		})
	}
}

// clientOf is the client's address of r given the trusted proxies.
func clientOf(r *http.Request, trusted []netip.Prefix) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	peer, err := netip.ParseAddr(host)
	if err != nil {
		return host
	}
	peer = peer.Unmap()
	if !isTrusted(peer, trusted) {
		return peer.String()
	}
	hops := strings.Split(strings.Join(r.Header.Values("X-Forwarded-For"), ","), ",")
	client := peer
	for i := len(hops) - 1; i >= 0; i-- {
		a, err := netip.ParseAddr(strings.TrimSpace(hops[i]))
		if err != nil {
			break // garbled: the last proxy that wrote sense is as far as we can see
		}
		client = a.Unmap()
		if !isTrusted(client, trusted) {
			break
		}
	}
	return client.String()
}

func isTrusted(a netip.Addr, trusted []netip.Prefix) bool {
	for _, p := range trusted {
		if p.Contains(a) {
			return true
		}
	}
	return false
}
