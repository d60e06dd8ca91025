package config

import (
	"fmt"
	"net"
	"net/netip"
	"strings"
)

// minMetricsToken is the shortest METRICS_TOKEN accepted: a token a
// scraper sends on every request must not be guessable.
const minMetricsToken = 24

// readEdge reads what stands between the server and the internet: the
// proxies trusted to name the client, and where the metrics are served.
func readEdge(cfg *Config, getenv func(string) string) error {
	proxies, err := ParseProxies(getenv("TRUSTED_PROXIES"))
	if err != nil {
		return &Error{"TRUSTED_PROXIES", err.Error()}
	}
	cfg.TrustedProxies = proxies
	if a := strings.TrimSpace(getenv("METRICS_ADDR")); a != "" {
		if _, port, err := net.SplitHostPort(a); err != nil || port == "" {
			return &Error{"METRICS_ADDR", fmt.Sprintf("must be host:port such as 127.0.0.1:9090, got %q", a)}
		}
		if a == cfg.Addr {
			return &Error{"METRICS_ADDR", "must differ from ADDR: the metrics are served apart from the site"}
		}
		cfg.MetricsAddr = a
	}
	cfg.MetricsToken = strings.TrimSpace(getenv("METRICS_TOKEN"))
	if cfg.MetricsToken != "" && len(cfg.MetricsToken) < minMetricsToken {
		return &Error{"METRICS_TOKEN", fmt.Sprintf("must have at least %d characters", minMetricsToken)}
	}
	return nil
}

// ParseProxies reads a list of CIDRs (or single addresses) separated by
// commas or spaces, such as "10.0.0.0/8, 192.168.1.10".
func ParseProxies(s string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' }) {
		if p, err := netip.ParsePrefix(f); err == nil {
			out = append(out, p.Masked())
			continue
		}
		a, err := netip.ParseAddr(f)
		if err != nil {
			return nil, fmt.Errorf("must be CIDRs such as 10.0.0.0/8, 192.168.1.10; %q is none", f)
		}
		out = append(out, netip.PrefixFrom(a.Unmap(), a.Unmap().BitLen()))
	}
	return out, nil
}
