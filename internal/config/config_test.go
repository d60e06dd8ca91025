package config

import (
	"errors"
	"log/slog"
	"strings"
	"testing"
)

func env(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func TestFromEnvDefaults(t *testing.T) {
	cfg, err := FromEnv(env(nil))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Addr != ":8080" || cfg.BaseURL.String() != "http://localhost:8080" || cfg.LogLevel != slog.LevelInfo || cfg.SMTPURL != nil ||
		cfg.OfferWindows.String() != "2d,14d:1d,3d:6h" {
		t.Fatalf("unexpected defaults: %+v", cfg)
	}
}

func TestFromEnvNamesTheBadVariable(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		want string
	}{
		{"addr without port", map[string]string{"ADDR": "localhost"}, "ADDR"},
		{"relative base url", map[string]string{"BASE_URL": "kurser.cok.dk"}, "BASE_URL"},
		{"ftp base url", map[string]string{"BASE_URL": "ftp://kurser.cok.dk"}, "BASE_URL"},
		{"unknown log level", map[string]string{"LOG_LEVEL": "loud"}, "LOG_LEVEL"},
		{"mysql database url", map[string]string{"DATABASE_URL": "mysql://x@y/z"}, "DATABASE_URL"},
		{"smtp url without host", map[string]string{"SMTP_URL": "smtp://"}, "SMTP_URL"},
		{"http smtp url", map[string]string{"SMTP_URL": "http://mail.example"}, "SMTP_URL"},
		{"mail from without domain", map[string]string{"MAIL_FROM": "COK <kurser@>"}, "MAIL_FROM"},
		{"relative was url", map[string]string{"WAS_URL": "was.digst.dk/cok"}, "WAS_URL"},
		{"plain http was url", map[string]string{"WAS_URL": "http://www.was.digst.dk/cok"}, "WAS_URL"},
		{"offer window without unit", map[string]string{"OFFER_WINDOWS": "48"}, "OFFER_WINDOWS"},
		{"offer band without window", map[string]string{"OFFER_WINDOWS": "48h,3d"}, "OFFER_WINDOWS"},
		{"proxy that is no cidr", map[string]string{"TRUSTED_PROXIES": "10.0.0.0/8, lb.cok.dk"}, "TRUSTED_PROXIES"},
		{"metrics addr without port", map[string]string{"METRICS_ADDR": "127.0.0.1"}, "METRICS_ADDR"},
		{"metrics on the site's addr", map[string]string{"ADDR": ":8080", "METRICS_ADDR": ":8080"}, "METRICS_ADDR"},
		{"short metrics token", map[string]string{"METRICS_TOKEN": "hemmelig"}, "METRICS_TOKEN"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := FromEnv(env(tt.env))
			var cerr *Error
			if !errors.As(err, &cerr) {
				t.Fatalf("want *config.Error, got %v", err)
			}
			if cerr.Var != tt.want {
				t.Fatalf("error names %s, want %s (%v)", cerr.Var, tt.want, err)
			}
		})
	}
}

func TestFromEnvAcceptsValidValues(t *testing.T) {
	cfg, err := FromEnv(env(map[string]string{
		"ADDR": "127.0.0.1:9000", "BASE_URL": "https://kurser.cok.dk/", "LOG_LEVEL": "debug",
		"DATABASE_URL": "postgres://u@h/db", "SMTP_URL": "smtp://u:p@mail.cok.dk:587",
		"WAS_URL": "https://www.was.digst.dk/cok-dk", "OFFER_WINDOWS": "72h,7d:12h",
		"TRUSTED_PROXIES": "10.0.0.0/8, 192.168.1.10 2001:db8::/32", "METRICS_ADDR": "127.0.0.1:9090",
	}))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.WASURL.String() != "https://www.was.digst.dk/cok-dk" {
		t.Fatalf("WAS_URL read as %v", cfg.WASURL)
	}
	if cfg.BaseURL.String() != "https://kurser.cok.dk" || cfg.SMTPURL.Hostname() != "mail.cok.dk" || cfg.LogLevel != slog.LevelDebug ||
		cfg.OfferWindows.String() != "3d,7d:12h" {
		t.Fatalf("unexpected config: %+v", cfg)
	}
	var proxies []string
	for _, p := range cfg.TrustedProxies {
		proxies = append(proxies, p.String())
	}
	if strings.Join(proxies, " ") != "10.0.0.0/8 192.168.1.10/32 2001:db8::/32" || cfg.MetricsAddr != "127.0.0.1:9090" {
		t.Fatalf("proxies %v, metrics %q", proxies, cfg.MetricsAddr)
	}
}

func TestFromEnvTunesTheCollectorUnlessTheRuntimeIsTold(t *testing.T) {
	tests := []struct {
		name     string
		env      map[string]string
		percent  int
		memLimit int64
	}{
		{"neither set", nil, defaultGCPercent, defaultMemoryLimit},
		{"GOGC set", map[string]string{"GOGC": "100"}, 0, defaultMemoryLimit},
		{"GOMEMLIMIT set", map[string]string{"GOMEMLIMIT": "200MiB"}, defaultGCPercent, 0},
		{"both set", map[string]string{"GOGC": "off", "GOMEMLIMIT": "1GiB"}, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := FromEnv(env(tt.env))
			if err != nil {
				t.Fatal(err)
			}
			if cfg.GCPercent != tt.percent || cfg.MemoryLimit != tt.memLimit {
				t.Fatalf("GCPercent %d, MemoryLimit %d; want %d, %d", cfg.GCPercent, cfg.MemoryLimit, tt.percent, tt.memLimit)
			}
		})
	}
}
