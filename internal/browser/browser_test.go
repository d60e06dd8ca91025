package browser

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/chromedp/chromedp"
)

// The accessibility check must be able to fail: a page without a language,
// with an unlabelled field and an image without text has violations.
func TestAxeFindsViolations(t *testing.T) {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`<!DOCTYPE html><html><head><title>x</title></head><body><img src="/x.png"><input type="text"></body></html>`))
	}))
	defer ts.Close()
	ctx := New(t, 800)
	Do(t, ctx, chromedp.Navigate(ts.URL))
	found := map[string]bool{}
	for _, v := range Violations(t, ctx, "bad page") {
		found[v.ID] = true
	}
	for _, id := range []string{"html-has-lang", "image-alt", "label"} {
		if !found[id] {
			t.Errorf("axe did not report %s (found %v)", id, found)
		}
	}
}
