package lighthouse_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"kursuskatalog/internal/demo"
	"kursuskatalog/internal/enrolment"
	"kursuskatalog/internal/jobs"
	"kursuskatalog/internal/server"
	"kursuskatalog/internal/testdb"
	"kursuskatalog/web/static"
)

// lighthouseTries is how often a page is measured before its performance
// counts as missed. Lighthouse simulates a mid-range phone on a slow
// network from the CPU time the page took here, slowed down 4 times: a
// slowdown meant for a host of benchmark index about 1,500. On a machine
// busy with other work (two cores shared by several test runs scored 400
// to 900) the same page scored 67 to 99 (this is also why `make test` runs
// this package alone, after the others). So a page that misses 95 is
// measured again with the slowdown Lighthouse's own calibration gives for
// the benchmark index of the run before (calibratedSlowdown).
// Accessibility and SEO do not depend on the host: 100 on every run.
const lighthouseTries = 4

// now is the demo catalogue's and the server's clock.
var now = time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)

// Lighthouse (npm, with Debian's Chromium), as a phone: the four kinds of
// public page score 100 for accessibility and SEO and at least 95 for
// performance.
func TestLighthouse(t *testing.T) {
	bin := lighthouseBin(t)
	chrome, err := exec.LookPath("chromium")
	if err != nil {
		t.Fatalf("Chromium is not installed; `make test` installs it (%v)", err)
	}
	base := startSiteAtItsOwnAddress(t)
	for _, page := range []string{"/", "/kurser", "/kurser/politisk-forstaaelse", "/forloeb/fremtidens-politikerbetjening"} {
		var perf []int
		slowdown := 4.0 // Lighthouse's default for a phone
		for try := 1; try <= lighthouseTries; try++ {
			s := runLighthouse(t, bin, chrome, base+page, slowdown)
			t.Logf("%s (run %d, CPU slowdown %.1f): performance %d, accessibility %d, SEO %d; host benchmark index %.0f",
				page, try, slowdown, s.Performance, s.Accessibility, s.SEO, s.BenchmarkIndex)
			slowdown = calibratedSlowdown(s.BenchmarkIndex)
			if s.Accessibility != 100 || s.SEO != 100 {
				t.Errorf("%s: accessibility %d and SEO %d, want 100 and 100; failing audits: %s", page, s.Accessibility, s.SEO, strings.Join(s.Failing, "; "))
				break
			}
			perf = append(perf, s.Performance)
			if s.Performance >= 95 {
				break
			}
			if try == lighthouseTries {
				t.Errorf("%s: performance %v in %d runs, want 95 or more; below 1: %s", page, perf, try, strings.Join(s.Failing, "; "))
			}
		}
	}
}

type lighthouseScores struct {
	Performance, Accessibility, SEO int
	BenchmarkIndex                  float64 // Lighthouse's measure of the host's CPU at the run
	Failing                         []string
}

// calibratedSlowdown is the CPU slowdown that makes a host of benchmark
// index bi emulate Lighthouse's mid-range phone, by the calibration the
// Lighthouse project publishes (computeMultiplierMessages of its CPU
// throttling calculator: 1,533 is 4x, 1,300 is 3x, 800 is 2x, 150 is 1x).
func calibratedSlowdown(bi float64) float64 {
	switch {
	case bi >= 1300:
		return 3 + (bi-1300)/233
	case bi >= 800:
		return 2 + (bi-800)/500
	case bi > 150:
		return 1 + (bi-150)/650
	}
	return 1
}

func lighthouseBin(t *testing.T) string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	p := filepath.Join(filepath.Dir(file), "..", "..", ".tools", "node_modules", ".bin", "lighthouse")
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("lighthouse is not installed; `make test` installs it (.tools/ensure-npm.sh): %v", err)
	}
	return p
}

// runLighthouse measures one page with Lighthouse's mobile defaults.
func runLighthouse(t *testing.T, bin, chrome, u string, slowdown float64) lighthouseScores {
	t.Helper()
	out := filepath.Join(t.TempDir(), "report.json")
	cmd := exec.Command(bin, u, "--quiet", "--output=json", "--output-path="+out,
		fmt.Sprintf("--throttling.cpuSlowdownMultiplier=%.2f", slowdown),
		"--only-categories=performance,accessibility,seo",
		"--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync --user-data-dir="+t.TempDir())
	cmd.Env = append(os.Environ(), "CHROME_PATH="+chrome)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("lighthouse %s: %v\n%s", u, err, msg)
	}
	raw, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var rep struct {
		Environment struct {
			BenchmarkIndex float64 `json:"benchmarkIndex"`
		} `json:"environment"`
		Categories map[string]struct {
			Score float64 `json:"score"`
		} `json:"categories"`
		Audits map[string]struct {
			Score        *float64 `json:"score"`
			Mode         string   `json:"scoreDisplayMode"`
			DisplayValue string   `json:"displayValue"`
		} `json:"audits"`
	}
	if err := json.Unmarshal(raw, &rep); err != nil {
		t.Fatalf("lighthouse report: %v", err)
	}
	s := lighthouseScores{
		Performance:    int(rep.Categories["performance"].Score*100 + 0.5),
		Accessibility:  int(rep.Categories["accessibility"].Score*100 + 0.5),
		SEO:            int(rep.Categories["seo"].Score*100 + 0.5),
		BenchmarkIndex: rep.Environment.BenchmarkIndex,
	}
	for id, a := range rep.Audits {
		if a.Score != nil && *a.Score < 1 && (a.Mode == "binary" || a.Mode == "numeric") {
			s.Failing = append(s.Failing, fmt.Sprintf("%s %.2f %s", id, *a.Score, a.DisplayValue))
		}
	}
	return s
}

// startSiteAtItsOwnAddress serves the demo catalogue with BASE_URL set to
// the server's own address, as in production, so canonical links, sharing
// images and robots.txt are what a crawler would find.
func startSiteAtItsOwnAddress(t *testing.T) string {
	t.Helper()
	st, _ := testdb.Store(t)
	if _, err := demo.Load(context.Background(), st, now, 0); err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	base, _ := url.Parse("http://" + ln.Addr().String())
	assets, err := static.Load()
	if err != nil {
		t.Fatal(err)
	}
	q, err := jobs.NewQueue(st.Pool)
	if err != nil {
		t.Fatal(err)
	}
	svc := enrolment.New(enrolment.Deps{Store: st, Queue: q, BaseURL: base.String(), Now: func() time.Time { return now }})
	srv := server.New(server.Deps{Store: st, Enrolment: svc, Assets: assets, BaseURL: base,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), PageCacheTTL: time.Minute})
	ts := httptest.NewUnstartedServer(srv)
	ts.Listener.Close()
	ts.Listener = ln
	ts.Start()
	t.Cleanup(ts.Close)
	return base.String()
}
