package server

import (
	"net/http/httptest"
	"testing"

	"kursuskatalog/internal/config"
)

// The client is taken from X-Forwarded-For only through trusted proxies,
// read from the right, so an address a client writes itself is never
// believed.
func TestClientOfTrustsOnlyTheProxies(t *testing.T) {
	proxies, err := config.ParseProxies("10.0.0.0/8, 2001:db8::/32")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, remote, xff string
		trusted           bool
		want              string
	}{
		{"direct, header ignored", "203.0.113.7:5555", "198.51.100.1", true, "203.0.113.7"},
		{"no proxies configured", "10.0.0.2:5555", "198.51.100.1", false, "10.0.0.2"},
		{"through the balancer", "10.0.0.2:5555", "198.51.100.1", true, "198.51.100.1"},
		{"two trusted hops", "10.0.0.2:5555", "198.51.100.1, 10.1.2.3", true, "198.51.100.1"},
		{"client-written entry left of the real one", "10.0.0.2:5555", "1.2.3.4, 198.51.100.1", true, "198.51.100.1"},
		{"headers on two lines", "10.0.0.2:5555", "", true, "198.51.100.9"},
		{"garbled entry stops at the proxy", "10.0.0.2:5555", "198.51.100.1, nonsense", true, "10.0.0.2"},
		{"no header from the balancer", "10.0.0.2:5555", "", true, "10.0.0.2"},
		{"IPv6 through an IPv6 proxy", "[2001:db8::1]:443", "2a00:1450::5", true, "2a00:1450::5"},
		{"IPv4 mapped in IPv6", "[::ffff:10.0.0.2]:80", "::ffff:198.51.100.3", true, "198.51.100.3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest("GET", "/", nil)
			r.RemoteAddr = tt.remote
			if tt.xff != "" {
				r.Header.Set("X-Forwarded-For", tt.xff)
			}
			if tt.name == "headers on two lines" {
				r.Header.Add("X-Forwarded-For", "1.2.3.4")
				r.Header.Add("X-Forwarded-For", "198.51.100.9")
			}
			var trusted = proxies
			if !tt.trusted {
				trusted = nil
			}
			if got := clientOf(r, trusted); got != tt.want {
				t.Fatalf("client %q, want %q", got, tt.want)
			}
		})
	}
}
