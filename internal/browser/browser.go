// Package browser drives Debian's Chromium through chromedp for the flow and
// accessibility tests, and injects axe-core (npm, under .tools/) to check
// pages against WCAG 2.1 A and AA. It is for tests only.
package browser

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// New starts a headless Chromium for the test and returns a context for
// chromedp actions in its first tab. width is the window width in CSS pixels.
func New(t testing.TB, width int) context.Context {
	t.Helper()
	ctx, _ := NewWithProfile(t, width, t.TempDir())
	return ctx
}

// NewWithProfile starts Chromium with its profile (cookies included) in
// dir, and returns a stop function that closes the browser, so that a test
// can start it again on the same profile: a browser restart.
func NewWithProfile(t testing.TB, width int, dir string) (context.Context, func()) {
	t.Helper()
	path, err := exec.LookPath("chromium")
	if err != nil {
		t.Fatalf("browser: Chromium is not installed; `make test` installs it (%v)", err)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox, // tests run as root in CI
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(dir),
		chromedp.WindowSize(width, 900),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	var once sync.Once
	stop := func() {
		once.Do(func() {
			// Close the browser and wait for it, so the profile is free for
			// a restart; then release the contexts.
			chromedp.Cancel(ctx)
			cancelTimeout()
			cancel()
			cancelAlloc()
		})
	}
	t.Cleanup(stop)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("browser: start Chromium: %v", err)
	}
	return ctx, stop
}

// DisableJavaScript turns off the page's scripts, as for a visitor without
// JavaScript. Turn them on again (SetJavaScript) before CheckAccessibility:
// axe is a script too. Scripts a page skipped while off are not run later.
func DisableJavaScript(t testing.TB, ctx context.Context) { SetJavaScript(t, ctx, false) }

// SetJavaScript turns the page's scripts on or off.
func SetJavaScript(t testing.TB, ctx context.Context, on bool) {
	t.Helper()
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: !on}); err != nil {
		t.Fatalf("browser: set JavaScript %v: %v", on, err)
	}
}

// Do runs actions and fails the test on error.
func Do(t testing.TB, ctx context.Context, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatalf("browser: %v", err)
	}
}

// Get runs one action that returns a value and fails the test on error.
func Get[T any](t testing.TB, ctx context.Context, action chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, action)
	if err != nil {
		t.Fatalf("browser: %v", err)
	}
	return v
}

// axeSource is read once from the npm package `make test` installs.
func axeSource(t testing.TB) string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	p := filepath.Join(filepath.Dir(file), "..", "..", ".tools", "node_modules", "axe-core", "axe.min.js")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("browser: axe-core is not installed; `make test` installs it (%v)", err)
	}
	return string(b)
}

// Violation is one axe-core finding.
type Violation struct {
	ID    string `json:"id"`
	Help  string `json:"help"`
	Nodes []struct {
		Target []any  `json:"target"`
		HTML   string `json:"html"`
	} `json:"nodes"`
}

// CheckAccessibility runs axe-core on the current page with the WCAG 2.1 A
// and AA rules and fails the test for every violation.
func CheckAccessibility(t testing.TB, ctx context.Context, name string) {
	t.Helper()
	for _, v := range Violations(t, ctx, name) {
		var where []string
		for _, n := range v.Nodes {
			where = append(where, fmt.Sprint(n.Target)+" "+n.HTML)
		}
		t.Errorf("axe on %s: %s (%s):\n  %s", name, v.ID, v.Help, strings.Join(where, "\n  "))
	}
}

// Violations runs axe-core on the current page and returns what it found.
func Violations(t testing.TB, ctx context.Context, name string) []Violation {
	t.Helper()
	script := axeSource(t) + `;
		axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}, resultTypes: ['violations']})
		   .then(r => JSON.stringify(r.violations))`
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](script, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("axe on %s: %v", name, err)
	}
	var vs []Violation
	if err := json.Unmarshal([]byte(raw), &vs); err != nil {
		t.Fatalf("axe on %s: %v", name, err)
	}
	return vs
}

// WaitURL waits until the page's address contains part. After a click that
// navigates, the old page may still match the selectors the test waits for
// next; the address changes only when the new page has been committed. An
// evaluation that a navigation interrupts is simply tried again.
func WaitURL(t testing.TB, ctx context.Context, part string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	var loc string
	for time.Now().Before(deadline) {
		l, err := chromedp.Run(ctx, chromedp.Location())
		if err == nil {
			loc = l
			if strings.Contains(l, part) {
				Do(t, ctx, chromedp.WaitReady(chromedp.CSS("body")))
				return
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("browser: the address never had %q (last %s)", part, loc)
}
