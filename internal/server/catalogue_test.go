package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"kursuskatalog/internal/demo"
	"kursuskatalog/internal/server"
	"kursuskatalog/internal/store"
	"kursuskatalog/internal/testdb"
	"kursuskatalog/web/static"

	"net/http/httptest"
)

// Every section of the seed course page is on the page, with its texts.
func TestCoursePageShowsEverySectionOfTheSeed(t *testing.T) {
	s := newSite(t)
	status, body := s.get(t, "/kurser/politisk-forstaaelse")
	if status != 200 {
		t.Fatalf("status %d", status)
	}
	mustContain(t, body,
		"<h1>Politisk forståelse</h1>",
		"Fungerer samspillet mellem embedsmænd og politikere?",
		"Målgruppe",
		"Forløbet er for embedsmænd, sekretariatsmedarbejdere og faglige medarbejdere i borgmestersekretariatet",
		"Kursusdatoer",
		"Frederik VI&#39;s Hotel, Rugårdsvej 590, 5210 Odense NV",
		"03.03.2027 kl. 08:45</time> - <time",
		"04.03.2027 kl. 15:00",
		"Tilmeldingsfrist 25.01.2027.",
		"Du kan stadig tilmelde dig efter fristen, hvis der er plads.",
		`href="/tilmelding?dato=`,
		">Tilmeld<",
		".ics",
		`<p class="price">6.750 kr. <span class="muted">ekskl. moms</span></p>`,
		"Prisen er ekskl. moms og dækker undervisning, materialer, forplejning samt overnatning.",
		"Faktura sendes ud 3-4 uger før kursusstart.",
		"Optagelse på aktiviteten sker i den rækkefølge, vi modtager tilmeldingerne",
		"Tilmeldingen er bindende efter fristens udløb.",
		"Tilmeld dig to kurser og spar 3.505 kr.",
		"COK udbyder også kurset Politisk formidling og dialog",
		"Hvis du tilmelder dig begge forløb senest den 25. januar, betaler du kun 9.995 kr. Du sparer 3.505 kr.",
		`href="/kurser/politisk-formidling-og-dialog"`,
		"Tilmeld dig begge kurser",
		"Bliv en bedre politisk betjener",
		"I løbet af to dage arbejder vi med:",
		"KL’s kodeks for politisk betjening.",
		"Undervisningsformen veksler mellem oplæg",
		"Program",
		"Dag 1", "Dag 2",
		"Forståelse af det politiske system v/Jacob Vase, Vase Consulting",
		"Kodeks for forvaltningsrådgivning: Udfordringer og dilemmaer",
		"Camp-fire – fælles dialog med Kommunaldirektør",
		"”Klap kæphesten” v/COK",
		"Forløbet er udviklet i samarbejde med Aalborg, Kolding og Københavns kommuner og er støttet af KommuneKredits Uddannelsesfond.",
		"Forløb tilpasset arbejdspladsen",
		`href="/kurser/politisk-forstaaelse/tilpasset"`,
		"Vil du vide mere? Spørg en COK'er",
		"Lone Kragh", "Chefkonsulent", `href="tel:+4521456789"`, "lone.kragh@cok.dk",
		`href="/kurser/politisk-forstaaelse/spoerg"`,
		`Grundmodul i forløbet <a href="/forloeb/fremtidens-politikerbetjening">Fremtidens politikerbetjening</a>`,
	)
	if n := strings.Count(body, "<h1"); n != 1 {
		t.Errorf("%d h1 elements", n)
	}
}

// The bundle box links one enrolment on both courses' next dates.
func TestBundleLinkStartsOneEnrolmentOnBoth(t *testing.T) {
	s := newSite(t)
	_, body := s.get(t, "/kurser/politisk-forstaaelse")
	i := strings.Index(body, "Tilmeld dig begge kurser")
	j := strings.LastIndex(body[:i], `href="`)
	href := body[j+6 : j+6+strings.Index(body[j+6:], `"`)]
	u, err := url.Parse(strings.ReplaceAll(href, "&amp;", "&"))
	if err != nil {
		t.Fatal(err)
	}
	if u.Path != "/tilmelding" || len(u.Query()["dato"]) != 2 {
		t.Fatalf("bundle link %q", href)
	}
}

func TestProgrammePageShowsEverySectionOfTheSeed(t *testing.T) {
	s := newSite(t)
	status, body := s.get(t, "/forloeb/fremtidens-politikerbetjening")
	if status != 200 {
		t.Fatalf("status %d", status)
	}
	mustContain(t, body,
		"<h1>Fremtidens politikerbetjening</h1>",
		"Praksisnært forløb med fokus på viden og metoder",
		"Kompleksiteten, sagsomfanget, specialiseringen og professionaliseringen",
		"Dette er ikke et redskabskursus",
		"består af et grundmodul og et specialmodul",
		"Deltagerne styrker deres kompetencer i forhold til:",
		"At navigere mellem politiske og faglige intentioner",
		"At understøtte politikernes i nye og anderledes former for borgerinddragelse og samskabelse.",
		"Grundmodul", "Specialmodul",
		`<a href="/kurser/politisk-forstaaelse">Politisk forståelse</a>`,
		`<a href="/kurser/politisk-formidling-og-dialog">Politisk formidling og dialog</a>`,
		"Hvordan sikrer du, at dit politiske udvalg får det, de har brug for?",
		"Se detaljer",
		"Grundmodulet er for alle kommunale medarbejdere og ledere",
		"Specialmodulet er særligt for medarbejdere og ledere, der laver direkte politisk betjening",
		"Bo Smidt-udvalgets rapport",
		"Forløbet er afprøvet blandt medarbejdere i Aalborg, Kolding og Københavns kommuner",
		"støttet af KommuneKredits Uddannelsesfond.",
		"Vil du vide mere?",
		"Kontakt os, hvis du har spørgsmål til forløbet!",
	)
}

func TestDraftIs404AndOldSlugRedirects(t *testing.T) {
	s := newSite(t)
	ctx := context.Background()
	if _, err := s.Store.Pool.Exec(ctx, `UPDATE courses SET status = 'draft' WHERE slug = 'politisk-formidling-og-dialog'`); err != nil {
		t.Fatal(err)
	}
	if status, body := s.get(t, "/kurser/politisk-formidling-og-dialog"); status != 404 || !strings.Contains(body, "Siden findes ikke") {
		t.Errorf("draft course: %d", status)
	}
	// A draft module disappears from the programme and takes the bundle with it.
	_, body := s.get(t, "/forloeb/fremtidens-politikerbetjening")
	if strings.Contains(body, "Politisk formidling og dialog") {
		t.Error("programme page shows a draft module")
	}
	_, body = s.get(t, "/kurser/politisk-forstaaelse")
	if strings.Contains(body, "Tilmeld dig to kurser") {
		t.Error("a bundle with a draft course is still offered")
	}

	if _, err := s.Store.Pool.Exec(ctx, `
		INSERT INTO course_slug_history (slug, course_id) SELECT 'politisk-forstaelse-gammel', id FROM courses WHERE slug = 'politisk-forstaaelse'`); err != nil {
		t.Fatal(err)
	}
	res, err := s.Client.Get(s.URL + "/kurser/politisk-forstaelse-gammel")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusMovedPermanently || res.Header.Get("Location") != "/kurser/politisk-forstaaelse" {
		t.Errorf("old slug: %d to %q", res.StatusCode, res.Header.Get("Location"))
	}
}

func TestCatalogueSearchAndFiltersInTheURL(t *testing.T) {
	s := newSite(t)
	_, body := s.get(t, "/kurser?q=politikerne")
	mustContain(t, body, "Politisk forståelse", `value="politikerne"`, "Søgning: “politikerne”")
	_, body = s.get(t, "/kurser?q=politsk")
	mustContain(t, body, `href="/kurser/politisk-forstaaelse"`, "Ingen kurser indeholder “politsk”. Her er dem med titler, der ligner.")
	status, body := s.get(t, "/kurser?q=xyzzyqwerty")
	if status != 200 {
		t.Fatalf("empty result status %d", status)
	}
	mustContain(t, body, "Ingen kurser fundet", "Vi fandt ingen kurser", `href="/kurser"`)
	_, body = s.get(t, "/kurser?type=forloeb")
	mustContain(t, body, "1 forløb fundet", `href="/forloeb/fremtidens-politikerbetjening"`)
	// Unknown values are ignored, not errors.
	if status, _ := s.get(t, "/kurser?emne=%3Cscript%3E&maaned=13-2027&side=-4&sort=drop"); status != 200 {
		t.Fatalf("mangled filter: %d", status)
	}
	_, body = s.get(t, "/kurser?sted=syddanmark&maaned=2027-03")
	mustContain(t, body, "Politisk forståelse", "Sted: Syddanmark", "Måned: marts 2027")
}

func TestCalendarFile(t *testing.T) {
	s := newSite(t)
	var id string
	s.Store.Pool.QueryRow(context.Background(), `SELECT d.id::text FROM course_dates d JOIN courses c ON c.id = d.course_id
		WHERE c.slug = 'politisk-forstaaelse' ORDER BY d.starts_at LIMIT 1`).Scan(&id)
	res, err := s.Client.Get(s.URL + "/kurser/politisk-forstaaelse/datoer/" + id + ".ics")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/calendar") {
		t.Fatalf("ics: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	ics := strings.ReplaceAll(string(b), "\r\n ", "")
	mustContain(t, ics, "BEGIN:VEVENT\r\n", "DTSTART;TZID=Europe/Copenhagen:20270303T084500", "DTEND;TZID=Europe/Copenhagen:20270304T150000",
		`LOCATION:Frederik VI's Hotel\, Rugårdsvej 590\, 5210 Odense NV`, "URL:http://kurser.test/kurser/politisk-forstaaelse", "UID:kursusdato-"+id+"@kurser.test")
	if status, _ := s.get(t, "/kurser/politisk-formidling-og-dialog/datoer/"+id+".ics"); status != 404 {
		t.Errorf("a date under another course's slug: %d", status)
	}
}

func TestSearchEnginesAndSharing(t *testing.T) {
	s := newSite(t)
	_, body := s.get(t, "/kurser/politisk-forstaaelse")
	mustContain(t, body, `<link rel="canonical" href="http://kurser.test/kurser/politisk-forstaaelse">`,
		`<meta property="og:title" content="Politisk forståelse">`, `<title>Politisk forståelse | COK Kursuskatalog</title>`)
	i := strings.Index(body, `type="application/ld+json">`)
	if i < 0 {
		t.Fatal("no JSON-LD")
	}
	raw := body[i+len(`type="application/ld+json">`):]
	raw = raw[:strings.Index(raw, "</script>")]
	var ld struct {
		Type      string `json:"@type"`
		Name      string `json:"name"`
		Instances []struct {
			Type     string `json:"@type"`
			Start    string `json:"startDate"`
			Location struct {
				Address struct {
					Street string `json:"streetAddress"`
				} `json:"address"`
			} `json:"location"`
			Offers []struct {
				Price    string `json:"price"`
				Currency string `json:"priceCurrency"`
			} `json:"offers"`
		} `json:"hasCourseInstance"`
	}
	if err := json.Unmarshal([]byte(raw), &ld); err != nil {
		t.Fatalf("JSON-LD: %v", err)
	}
	if ld.Type != "Course" || len(ld.Instances) == 0 || ld.Instances[0].Type != "CourseInstance" ||
		ld.Instances[0].Start != "2027-03-03T08:45:00+01:00" || ld.Instances[0].Location.Address.Street != "Rugårdsvej 590" ||
		ld.Instances[0].Offers[0].Price != "6750.00" || ld.Instances[0].Offers[0].Currency != "DKK" {
		t.Fatalf("JSON-LD: %+v", ld)
	}

	_, sm := s.get(t, "/sitemap.xml")
	var set struct {
		URLs []struct {
			Loc string `xml:"loc"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal([]byte(sm), &set); err != nil {
		t.Fatal(err)
	}
	var n int
	s.Store.Pool.QueryRow(context.Background(), `SELECT (SELECT count(*) FROM courses WHERE status = 'published') + (SELECT count(*) FROM programmes WHERE status = 'published')`).Scan(&n)
	if len(set.URLs) != n+2 {
		t.Errorf("sitemap has %d URLs, want %d pages + / and /kurser", len(set.URLs), n)
	}
	_, robots := s.get(t, "/robots.txt")
	mustContain(t, robots, "Sitemap: http://kurser.test/sitemap.xml", "Disallow: /admin")

	// Titles differ between pages.
	_, home := s.get(t, "/")
	_, prog := s.get(t, "/forloeb/fremtidens-politikerbetjening")
	if title(home) == title(body) || title(prog) == title(body) || title(home) == title(prog) {
		t.Error("page titles are not unique")
	}
}

func title(body string) string {
	i := strings.Index(body, "<title>")
	return body[i : i+strings.Index(body[i:], "</title>")]
}

// Each page costs the same number of queries whatever the catalogue's size.
func TestPagesCostAFixedNumberOfQueries(t *testing.T) {
	paths := []string{"/", "/kurser", "/kurser?q=politik", "/kurser?sted=syddanmark&ledige=1", "/kurser/politisk-forstaaelse", "/forloeb/fremtidens-politikerbetjening"}
	measure := func(scale int) map[string]int64 {
		st, _ := testdb.Store(t)
		if _, err := demo.Load(context.Background(), st, testNow, scale); err != nil {
			t.Fatal(err)
		}
		var logs bytes.Buffer
		assets, _ := static.Load()
		base, _ := url.Parse("http://kurser.test")
		srv := server.New(server.Deps{Store: st, Assets: assets, BaseURL: base, Enrolment: newService(t, st, base.String(), func() time.Time { return testNow }),
			Logger: slog.New(slog.NewJSONHandler(&logs, nil))})
		ts := httptest.NewServer(srv)
		defer ts.Close()
		out := map[string]int64{}
		for _, p := range paths {
			logs.Reset()
			res, err := http.Get(ts.URL + p)
			if err != nil {
				t.Fatal(err)
			}
			io.Copy(io.Discard, res.Body)
			res.Body.Close()
			var line struct {
				Queries int64 `json:"queries"`
			}
			for _, l := range strings.Split(strings.TrimSpace(logs.String()), "\n") {
				if strings.Contains(l, `"msg":"request"`) {
					json.Unmarshal([]byte(l), &line)
				}
			}
			out[p] = line.Queries
		}
		return out
	}
	small, large := measure(0), measure(300)
	for _, p := range paths {
		// A search is one round trip for the courses with their counts and
		// the programmes, and one for the page's cards; the cards' pictures
		// are one more.
		if small[p] == 0 || small[p] != large[p] || small[p] > 10 {
			t.Errorf("%s: %d queries with the demo, %d with 300 more courses", p, small[p], large[p])
		}
	}
	_ = store.ErrNotFound
}

// The catalogue without words is in date order; words typed into the same
// form must sort by relevance. The default order's option sends no value,
// so the form does not carry "dato" into the search.
func TestWordsTypedIntoTheDateOrderedCatalogueSortByRelevance(t *testing.T) {
	s := newSite(t)
	_, body := s.get(t, "/kurser")
	mustContain(t, body, `<option value="" selected>Næste dato</option>`)
	// What the browser sends from that form with words typed in.
	_, body = s.get(t, "/kurser?q=politikerne&emne=&sted=&maaned=&type=&sort=")
	mustContain(t, body, `<option value="" selected>Relevans</option>`, `<option value="dato">Næste dato</option>`)
}
