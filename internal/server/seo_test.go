package server_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"unicode/utf8"
)

// ldOf decodes the page's JSON-LD block.
func ldOf(t *testing.T, body string, v any) {
	t.Helper()
	i := strings.Index(body, `type="application/ld+json">`)
	if i < 0 {
		t.Fatal("no JSON-LD")
	}
	raw := body[i+len(`type="application/ld+json">`):]
	raw = raw[:strings.Index(raw, "</script>")]
	if err := json.Unmarshal([]byte(raw), v); err != nil {
		t.Fatalf("JSON-LD: %v\n%s", err, raw)
	}
}

// A CourseInstance carries what Google requires (a workload), its language
// and instructors; the price says it is without VAT; the course has a
// picture.
func TestCourseStructuredDataIsComplete(t *testing.T) {
	s := newSite(t)
	_, body := s.get(t, "/kurser/politisk-forstaaelse")
	var ld struct {
		InLanguage string `json:"inLanguage"`
		Image      string `json:"image"`
		Instances  []struct {
			Workload   string `json:"courseWorkload"`
			InLanguage string `json:"inLanguage"`
			Instructor []struct {
				Type string `json:"@type"`
				Name string `json:"name"`
			} `json:"instructor"`
			Offers []struct {
				Spec struct {
					VATIncluded *bool  `json:"valueAddedTaxIncluded"`
					Price       string `json:"price"`
				} `json:"priceSpecification"`
			} `json:"offers"`
		} `json:"hasCourseInstance"`
	}
	ldOf(t, body, &ld)
	if ld.InLanguage != "da" || !strings.HasPrefix(ld.Image, "http://kurser.test/billeder/kurser/") {
		t.Errorf("course: inLanguage %q, image %q", ld.InLanguage, ld.Image)
	}
	if len(ld.Instances) == 0 {
		t.Fatal("no CourseInstance")
	}
	in := ld.Instances[0]
	if in.Workload != "P2D" || in.InLanguage != "da" {
		t.Errorf("instance: workload %q, language %q", in.Workload, in.InLanguage)
	}
	if len(in.Instructor) == 0 || in.Instructor[0].Name != "Jacob Vase" || in.Instructor[0].Type != "Person" {
		t.Errorf("instructors: %+v", in.Instructor)
	}
	if sp := in.Offers[0].Spec; sp.VATIncluded == nil || *sp.VATIncluded || sp.Price != "6750.00" {
		t.Errorf("price specification: %+v", sp)
	}
	mustContain(t, body, `<meta property="og:image" content="http://kurser.test/billeder/kurser/`, `<meta property="og:image:alt" content="`)
}

// The programme names its modules with hasCourse (an
// EducationalOccupationalProgram has no hasPart) and offers the bundle.
func TestProgrammeStructuredData(t *testing.T) {
	s := newSite(t)
	_, body := s.get(t, "/forloeb/fremtidens-politikerbetjening")
	if strings.Contains(body, `"hasPart"`) {
		t.Error("the programme's JSON-LD uses hasPart")
	}
	var ld struct {
		Type    string `json:"@type"`
		Courses []struct {
			Name string `json:"name"`
			URL  string `json:"url"`
		} `json:"hasCourse"`
		Offers []struct {
			Price string `json:"price"`
		} `json:"offers"`
	}
	ldOf(t, body, &ld)
	if ld.Type != "EducationalOccupationalProgram" || len(ld.Courses) != 2 || ld.Courses[1].URL != "http://kurser.test/kurser/politisk-formidling-og-dialog" {
		t.Errorf("programme: %+v", ld)
	}
	if len(ld.Offers) != 1 || ld.Offers[0].Price != "9995.00" {
		t.Errorf("programme offers: %+v", ld.Offers)
	}
}

// Every public page shares itself with an image, and no title is longer
// than the 65 characters search engines show.
func TestEveryPublicPageHasSharingTagsAndAShortTitle(t *testing.T) {
	s := newSite(t)
	for _, p := range []string{"/", "/kurser", "/kurser/politisk-forstaaelse", "/forloeb/fremtidens-politikerbetjening", "/kontakt", "/privatliv", "/tilgaengelighed"} {
		_, body := s.get(t, p)
		mustContain(t, body, `<meta property="og:title"`, `<meta property="og:image" content="http://kurser.test/billeder/`)
	}
	rows, err := s.Store.Pool.Query(t.Context(), `SELECT '/kurser/' || slug FROM courses WHERE status = 'published'
		UNION ALL SELECT '/forloeb/' || slug FROM programmes WHERE status = 'published'`)
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for rows.Next() {
		var p string
		rows.Scan(&p)
		paths = append(paths, p)
	}
	rows.Close()
	for _, p := range paths {
		_, body := s.get(t, p)
		tt := strings.TrimPrefix(title(body), "<title>")
		if n := utf8.RuneCountInString(tt); n > 65 {
			t.Errorf("%s: title of %d characters: %q", p, n, tt)
		}
	}
	// The site's own sharing picture is a JPEG.
	res, _ := s.send(t, http.MethodGet, "/billeder/cok-v2.jpg", nil, nil)
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "image/jpeg" {
		t.Errorf("site picture: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
}

// /was sends the visitor to the accessibility statement in the state's WAS
// tool, and the footer links it.
func TestWasRedirectsToTheOfficialStatement(t *testing.T) {
	s := newSite(t)
	res, _ := s.send(t, http.MethodGet, "/was", nil, nil)
	if res.StatusCode != http.StatusFound || !strings.HasPrefix(res.Header.Get("Location"), "https://www.was.digst.dk/") {
		t.Fatalf("/was: %d to %q", res.StatusCode, res.Header.Get("Location"))
	}
	_, body := s.get(t, "/")
	mustContain(t, body, `<a href="/was">Tilgængelighedserklæring</a>`, `<a href="/tilgaengelighed">`)
}
