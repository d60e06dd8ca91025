package server_test

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"kursuskatalog/internal/browser"
)

// activeID is the id of the element that has focus.
func activeID(t *testing.T, ctx context.Context) string {
	t.Helper()
	return browser.Get(t, ctx, chromedp.Evaluate[string](`document.activeElement ? document.activeElement.id : ""`))
}

func pageTitle(t *testing.T, ctx context.Context) string {
	t.Helper()
	return browser.Get(t, ctx, chromedp.Title())
}

// top is the distance from the top of the page to the element's top.
func top(t *testing.T, ctx context.Context, sel string) float64 {
	t.Helper()
	return browser.Get(t, ctx, chromedp.Evaluate[float64](`document.querySelector(`+"`"+sel+"`"+`).getBoundingClientRect().top + window.scrollY`))
}

// After a failed submit focus is on the error summary and the title says
// "Fejl: "; after "Tilføj en kollega" focus is on the new colleague's name;
// the sentence above the price follows the people typed, at once.
func TestEnrolmentFormFocusInBrowser(t *testing.T) {
	s := newSite(t)
	b := browser.New(t, 1280)
	browser.Do(t, b,
		chromedp.Navigate(s.URL+"/kurser/politisk-forstaaelse"),
		chromedp.Click(chromedp.CSS(".dates a.btn")),
		chromedp.WaitVisible(chromedp.CSS("#booker-name")),
	)
	if got := pageTitle(t, b); strings.HasPrefix(got, "Fejl") {
		t.Fatalf("a fresh form's title is %q", got)
	}
	browser.Do(t, b,
		chromedp.Click(chromedp.CSS(`p > button[value=tilmeld]`)),
		chromedp.WaitVisible(chromedp.CSS("#fejl")),
	)
	if got := pageTitle(t, b); !strings.HasPrefix(got, "Fejl: Tilmelding") {
		t.Errorf("title after a failed submit: %q", got)
	}
	if id := activeID(t, b); id != "fejl" {
		t.Errorf("focus after a failed submit is on #%s, want the error summary #fejl", id)
	}
	browser.CheckAccessibility(t, b, "enrolment form with errors")

	browser.Do(t, b,
		chromedp.SendKeys(chromedp.CSS("#p0-name"), "Anna Andersen"),
		chromedp.Click(chromedp.CSS(`button[value=tilfoej-deltager]`)),
		chromedp.WaitVisible(chromedp.CSS("#p1-name")),
	)
	if id := activeID(t, b); id != "p1-name" {
		t.Errorf("focus after adding a colleague is on #%s, want #p1-name", id)
	}
	if got := pageTitle(t, b); strings.HasPrefix(got, "Fejl") {
		t.Errorf("adding a colleague is no error, but the title is %q", got)
	}
	// Anna is on the form now: the price was computed for her alone. Ticking
	// "Jeg deltager selv" makes two, and the page says so before reloading.
	waitText(t, b, "#pris-for", "Beregnet for 1 deltager")
	browser.Do(t, b, chromedp.Click(chromedp.CSS("#self")))
	waitText(t, b, "#pris-for", "Der står nu 2 deltagere på formularen")
}

// The programme page enrols in both modules at once, on dates that go
// together, at the bundle price.
func TestEnrolInTheWholeProgrammeInBrowser(t *testing.T) {
	s := newSite(t)
	b := browser.New(t, 1280)
	browser.Do(t, b,
		chromedp.Navigate(s.URL+"/forloeb/fremtidens-politikerbetjening"),
		chromedp.WaitVisible(chromedp.CSS("#tilmeld-forloeb")),
	)
	box := browser.Get(t, b, chromedp.Text(chromedp.CSS("#tilmeld-forloeb")))
	for _, want := range []string{"Hold 1", "Grundmodul:", "Specialmodul:", "9.995 kr.", "Du sparer 3.505 kr."} {
		if !strings.Contains(box, want) {
			t.Errorf("the programme's enrolment box lacks %q:\n%s", want, box)
		}
	}
	browser.CheckAccessibility(t, b, "programme page")
	browser.Do(t, b,
		chromedp.Click(chromedp.CSS("#tilmeld-forloeb .runs a.btn")),
		chromedp.WaitVisible(chromedp.CSS("#booker-name")),
	)
	dates := browser.Get(t, b, chromedp.Text(chromedp.CSS("#datoer")))
	if !strings.Contains(dates, "Politisk forståelse") || !strings.Contains(dates, "Politisk formidling og dialog") {
		t.Fatalf("the enrolment does not hold both modules: %q", dates)
	}
	price := browser.Get(t, b, chromedp.Text(chromedp.CSS("#pris")))
	if !strings.Contains(price, "Pakkerabat") || !strings.Contains(price, "9.995 kr.") {
		t.Fatalf("the bundle price is not applied: %q", price)
	}
}

// On /favoritter each favourite has a "Fjern"; "Tilmeld valgte datoer"
// with nothing ticked says what to do, with focus on the message.
func TestFavouritesRemoveAndEmptySubmitInBrowser(t *testing.T) {
	s := newSite(t)
	b := browser.New(t, 1280)
	browser.Do(t, b,
		chromedp.Navigate(s.URL+"/kurser/politisk-forstaaelse"),
		chromedp.Click(chromedp.CSS(`h1 ~ form[data-fav] button`)),
		chromedp.WaitVisible(chromedp.CSS(`h1 ~ form[data-fav] button[aria-pressed=true]`)),
		chromedp.Navigate(s.URL+"/favoritter"),
		chromedp.WaitVisible(chromedp.CSS("#fav-tilmeld-knap")),
		chromedp.Click(chromedp.CSS("#fav-tilmeld-knap")),
		chromedp.WaitVisible(chromedp.CSS("#fejl")),
	)
	if got := pageTitle(t, b); !strings.HasPrefix(got, "Fejl: ") {
		t.Errorf("title after an empty submit: %q", got)
	}
	if id := activeID(t, b); id != "fejl" {
		t.Errorf("focus after an empty submit is on #%s, want #fejl", id)
	}
	summary := browser.Get(t, b, chromedp.Text(chromedp.CSS("#fejl")))
	if !strings.Contains(summary, "Sæt kryds ved mindst én dato") {
		t.Errorf("the error summary says %q", summary)
	}
	browser.CheckAccessibility(t, b, "/favoritter after an empty submit")

	browser.Do(t, b,
		chromedp.Click(chromedp.CSS(`.box form.fav-form button`)),
		chromedp.WaitVisible(chromedp.CSS(`main a.btn[href="/kurser"]`)),
	)
	main := browser.Get(t, b, chromedp.Text(chromedp.CSS("main")))
	if strings.Contains(main, "Politisk forståelse") || !strings.Contains(main, "Du har ikke gemt nogen favoritter") {
		t.Fatalf("after Fjern: %q", main)
	}
}

// On a 360 px phone a course page shows its dates and "Tilmeld" before the
// description and programme, and the catalogue's filters are folded so the
// first result is on the first screen; on a wide screen they are open.
func TestPhoneLayoutInBrowser(t *testing.T) {
	s := newSite(t)
	b := browser.New(t, 360)
	browser.Do(t, b,
		chromedp.EmulateViewport(360, 740),
		chromedp.Navigate(s.URL+"/kurser/politisk-forstaaelse"),
		chromedp.WaitVisible(chromedp.CSS("h1")),
	)
	dates, enrol, about, agenda := top(t, b, "#datoer-h"), top(t, b, ".dates a.btn"), top(t, b, "#om-h"), top(t, b, "#program-h")
	if !(dates < about && enrol < about && enrol < agenda) {
		t.Errorf("at 360 px the dates (%.0f) and Tilmeld (%.0f) come after the description (%.0f) or programme (%.0f)", dates, enrol, about, agenda)
	}
	if enrol > 1600 {
		t.Errorf("at 360 px Tilmeld is %.0f px down", enrol)
	}

	browser.Do(t, b, chromedp.Navigate(s.URL+"/kurser"), chromedp.WaitVisible(chromedp.CSS("h1")))
	if open := browser.Get(t, b, chromedp.Evaluate[bool](`document.querySelector("details.filters").open`)); open {
		t.Error("at 360 px the filters are open")
	}
	if first := top(t, b, ".grid .card"); first > 740 {
		t.Errorf("at 360 px the first result is %.0f px down, below the first screen", first)
	}
	browser.CheckAccessibility(t, b, "/kurser at 360 px")

	wide := browser.New(t, 1280)
	browser.Do(t, wide, chromedp.Navigate(s.URL+"/kurser"), chromedp.WaitVisible(chromedp.CSS("h1")))
	if open := browser.Get(t, wide, chromedp.Evaluate[bool](`document.querySelector("details.filters").open`)); !open {
		t.Error("at 1280 px the filters are folded")
	}
}
