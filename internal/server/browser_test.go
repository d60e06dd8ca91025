package server_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"kursuskatalog/internal/browser"
)

// A participant searches, filters, opens a course and follows its programme
// link, in a real browser; every page passes axe-core's WCAG 2.1 AA rules.
func TestBrowseCatalogueInBrowser(t *testing.T) {
	s := newSite(t)
	ctx := browser.New(t, 1280)

	browser.Do(t, ctx, chromedp.Navigate(s.URL+"/"))
	browser.CheckAccessibility(t, ctx, "/")
	browser.Do(t, ctx,
		chromedp.SendKeys(chromedp.CSS("#home-q"), "politikerne"),
		chromedp.Submit(chromedp.CSS("#home-q")),
		chromedp.WaitVisible(chromedp.CSS("#resultater")),
	)
	if loc := browser.Get(t, ctx, chromedp.Location()); !strings.Contains(loc, "/kurser?q=politikerne") {
		t.Fatalf("search went to %s", loc)
	}
	browser.CheckAccessibility(t, ctx, "/kurser?q=politikerne")

	// Filter by region with the form, as a keyboard user would without JS.
	browser.Do(t, ctx,
		chromedp.SetValue(chromedp.CSS("#sted"), "syddanmark"),
		chromedp.Click(chromedp.CSS(`.filters button[type=submit]`)),
	)
	browser.WaitURL(t, ctx, "sted=syddanmark")
	loc := browser.Get(t, ctx, chromedp.Location())
	if !strings.Contains(loc, "sted=syddanmark") || !strings.Contains(loc, "q=politikerne") {
		t.Fatalf("filter kept in URL? %s", loc)
	}
	chips := browser.Get(t, ctx, chromedp.Text(chromedp.CSS(".chips")))
	if !strings.Contains(chips, "Sted: Syddanmark") {
		t.Fatalf("active filters: %q", chips)
	}

	browser.Do(t, ctx,
		chromedp.Click(chromedp.CSS(`a[href="/kurser/politisk-forstaaelse"]`)),
	)
	browser.WaitURL(t, ctx, "/kurser/politisk-forstaaelse")
	if h1 := browser.Get(t, ctx, chromedp.Text(chromedp.CSS("h1"))); h1 != "Politisk forståelse" {
		t.Fatalf("course page h1 %q", h1)
	}
	browser.CheckAccessibility(t, ctx, "course page")

	browser.Do(t, ctx,
		chromedp.Click(chromedp.CSS(`.notice a[href="/forloeb/fremtidens-politikerbetjening"]`)),
	)
	browser.WaitURL(t, ctx, "/forloeb/fremtidens-politikerbetjening")
	if h1 := browser.Get(t, ctx, chromedp.Text(chromedp.CSS("h1"))); h1 != "Fremtidens politikerbetjening" {
		t.Fatalf("programme page h1 %q", h1)
	}
	browser.CheckAccessibility(t, ctx, "programme page")
}

// At 320 CSS pixels nothing scrolls sideways and every page is still whole.
func TestPagesFitA320PixelScreen(t *testing.T) {
	s := newSite(t)
	ctx := browser.New(t, 320)
	for _, p := range []string{"/", "/kurser?q=politik", "/kurser/politisk-forstaaelse", "/forloeb/fremtidens-politikerbetjening"} {
		browser.Do(t, ctx, chromedp.EmulateViewport(320, 640), chromedp.Navigate(s.URL+p), chromedp.WaitVisible(chromedp.CSS("h1")))
		over := browser.Get(t, ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth`))
		if over {
			w := browser.Get(t, ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
			t.Errorf("%s scrolls sideways at 320 px (content %d px wide)", p, w)
		}
	}
}
