// Package config reads the server's configuration from the environment and
// validates it once, at start, so that a bad value fails loudly and by name.
package config

import (
	"fmt"
	"log/slog"
	"net"
	"net/mail"
	"net/netip"
	"net/url"
	"strings"
	"time"

	"kursuskatalog/internal/booking"
)

// Config is everything the binary needs from its environment.
type Config struct {
	// DatabaseURL is a libpq-style URL or key=value string. Empty means the
	// standard PG* variables decide (pgx reads them).
	DatabaseURL string
	Addr        string
	BaseURL     *url.URL
	LogLevel    slog.Level
	SMTPURL     *url.URL // nil: mails are recorded in the database, not sent
	MailFrom    string   // the sender of every mail; MAIL_FROM, default mail.DefaultFrom
	// WASURL is the accessibility statement made in the state's WAS tool,
	// which Danish law wants linked from every page; /was redirects there.
	WASURL *url.URL
	// ShutdownTimeout bounds how long in-flight requests may finish on SIGTERM.
	ShutdownTimeout time.Duration
	// GCPercent and MemoryLimit are the garbage collector's settings for
	// serve; 0 leaves the runtime's own, as when GOGC or GOMEMLIMIT is set
	// (the runtime reads those itself, so they keep overriding).
	GCPercent   int
	MemoryLimit int64
	// OfferWindows are how long someone offered a freed seat has to
	// answer; OFFER_WINDOWS, default booking.DefaultOfferWindows.
	OfferWindows booking.OfferWindows
	// TrustedProxies are the load balancers whose X-Forwarded-For names
	// the client (TRUSTED_PROXIES); empty: the connection's address is the
	// client's.
	TrustedProxies []netip.Prefix
	// MetricsAddr is where /metrics is served, apart from the site
	// (METRICS_ADDR); MetricsToken lets /metrics on the site answer a
	// request with "Authorization: Bearer <token>" (METRICS_TOKEN).
	// Without either, /metrics is not served.
	MetricsAddr  string
	MetricsToken string
}

// serve's garbage collector. Every cache hit allocates a little (net/http's
// request and header maps) and the live heap is small, so the default
// GOGC=100 collects many times a second under load, which shows in the
// cached pages' tail latency; 400 collects a fifth as often for a few MB
// more. The soft limit keeps a larger live heap from growing to five times
// its size, within make bench's memory goal. The README's benchmark
// section has the figures.
const (
	defaultGCPercent   = 400
	defaultMemoryLimit = 64 << 20
)

// DefaultWASURL is where COK's statement in the WAS tool lives unless
// WAS_URL says otherwise.
const DefaultWASURL = "https://www.was.digst.dk/kurser-cok-dk"

// Error names the variable that is wrong and why, for the operator.
type Error struct {
	Var    string
	Reason string
}

func (e *Error) Error() string { return fmt.Sprintf("config: %s %s", e.Var, e.Reason) }

// FromEnv builds a Config from getenv (os.Getenv in main, a map in tests).
func FromEnv(getenv func(string) string) (Config, error) {
	cfg := Config{
		DatabaseURL:     strings.TrimSpace(getenv("DATABASE_URL")),
		Addr:            getenv("ADDR"),
		ShutdownTimeout: 10 * time.Second,
	}
	if getenv("GOGC") == "" {
		cfg.GCPercent = defaultGCPercent
	}
	if getenv("GOMEMLIMIT") == "" {
		cfg.MemoryLimit = defaultMemoryLimit
	}
	for _, read := range []func(*Config, func(string) string) error{
		readAddr, readDatabaseURL, readBaseURL, readLogLevel, readMail, readWASURL, readOfferWindows, readEdge,
	} {
		if err := read(&cfg, getenv); err != nil {
			return cfg, err
		}
	}
	return cfg, nil
}

func readAddr(cfg *Config, getenv func(string) string) error {
	if cfg.Addr == "" {
		cfg.Addr = ":8080"
	}
	if _, port, err := net.SplitHostPort(cfg.Addr); err != nil || port == "" {
		return &Error{"ADDR", fmt.Sprintf("must be host:port such as :8080, got %q", cfg.Addr)}
	}
	return nil
}

func readDatabaseURL(cfg *Config, getenv func(string) string) error {
	if cfg.DatabaseURL != "" && strings.Contains(cfg.DatabaseURL, "://") {
		u, err := url.Parse(cfg.DatabaseURL)
		if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
			return &Error{"DATABASE_URL", "must be a postgres:// URL or a key=value connection string"}
		}
	}
	return nil
}

// readBaseURL reads BASE_URL, by default the local address of ADDR.
func readBaseURL(cfg *Config, getenv func(string) string) error {
	base := getenv("BASE_URL")
	if base == "" {
		_, port, _ := net.SplitHostPort(cfg.Addr)
		base = "http://localhost:" + port
	}
	u, err := url.Parse(base)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return &Error{"BASE_URL", fmt.Sprintf("must be an absolute http(s) URL such as https://kurser.cok.dk, got %q", base)}
	}
	u.Path = strings.TrimRight(u.Path, "/")
	cfg.BaseURL = u
	return nil
}

func readLogLevel(cfg *Config, getenv func(string) string) error {
	switch strings.ToLower(getenv("LOG_LEVEL")) {
	case "", "info":
		cfg.LogLevel = slog.LevelInfo
	case "debug":
		cfg.LogLevel = slog.LevelDebug
	case "warn", "warning":
		cfg.LogLevel = slog.LevelWarn
	case "error":
		cfg.LogLevel = slog.LevelError
	default:
		return &Error{"LOG_LEVEL", fmt.Sprintf("must be debug, info, warn or error, got %q", getenv("LOG_LEVEL"))}
	}
	return nil
}

// readMail reads MAIL_FROM and SMTP_URL.
func readMail(cfg *Config, getenv func(string) string) error {
	cfg.MailFrom = getenv("MAIL_FROM")
	if cfg.MailFrom != "" && !validFrom(cfg.MailFrom) {
		return &Error{"MAIL_FROM", "must be an address such as \"COK <kurser@cok.dk>\""}
	}
	if s := getenv("SMTP_URL"); s != "" {
		u, err := url.Parse(s)
		if err != nil || (u.Scheme != "smtp" && u.Scheme != "smtps") || u.Hostname() == "" {
			return &Error{"SMTP_URL", "must look like smtp://user:password@host:587 or smtps://host:465"}
		}
		cfg.SMTPURL = u
	}
	return nil
}

func readWASURL(cfg *Config, getenv func(string) string) error {
	was := getenv("WAS_URL")
	if was == "" {
		was = DefaultWASURL
	}
	u, err := url.Parse(was)
	if err != nil || u.Scheme != "https" || u.Host == "" {
		return &Error{"WAS_URL", fmt.Sprintf("must be an absolute https URL such as %s, got %q", DefaultWASURL, was)}
	}
	cfg.WASURL = u
	return nil
}

func readOfferWindows(cfg *Config, getenv func(string) string) error {
	cfg.OfferWindows = booking.DefaultOfferWindows
	if s := getenv("OFFER_WINDOWS"); s != "" {
		w, err := booking.ParseOfferWindows(s)
		if err != nil {
			return &Error{"OFFER_WINDOWS", "must look like 48h,14d:24h,3d:6h (the window, then within:window closer to the start): " + err.Error()}
		}
		cfg.OfferWindows = w
	}
	return nil
}

// validFrom says whether s is an address with a domain, which the mails'
// Message-IDs are made at.
func validFrom(s string) bool {
	a, err := mail.ParseAddress(s)
	if err != nil {
		return false
	}
	at := strings.LastIndexByte(a.Address, '@')
	return at > 0 && at < len(a.Address)-1
}
