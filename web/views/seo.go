package views

import (
	"strconv"
	"strings"
	"time"

	"github.com/a-h/templ"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/catalog"
)

// The schema.org types a course page describes itself with.
type ldCourse struct {
	Context     string             `json:"@context"`
	Type        string             `json:"@type"`
	Name        string             `json:"name"`
	Description string             `json:"description"`
	URL         string             `json:"url"`
	InLanguage  string             `json:"inLanguage"`
	Image       string             `json:"image,omitempty"`
	Provider    ldOrganization     `json:"provider"`
	Instances   []ldCourseInstance `json:"hasCourseInstance,omitempty"`
	Offers      []ldOffer          `json:"offers,omitempty"`
}

type ldPerson struct {
	Type        string `json:"@type"`
	Name        string `json:"name"`
	Affiliation string `json:"jobTitle,omitempty"`
}

type ldOrganization struct {
	Type string `json:"@type"`
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

type ldCourseInstance struct {
	Type       string     `json:"@type"`
	Mode       string     `json:"courseMode"`
	Workload   string     `json:"courseWorkload"`
	InLanguage string     `json:"inLanguage"`
	StartDate  string     `json:"startDate"`
	EndDate    string     `json:"endDate"`
	Status     string     `json:"eventStatus,omitempty"`
	Location   ldPlace    `json:"location"`
	Instructor []ldPerson `json:"instructor,omitempty"`
	Offers     []ldOffer  `json:"offers"`
}

type ldPlace struct {
	Type    string    `json:"@type"`
	Name    string    `json:"name"`
	Address ldAddress `json:"address"`
}

type ldAddress struct {
	Type       string `json:"@type"`
	Street     string `json:"streetAddress"`
	PostalCode string `json:"postalCode"`
	Locality   string `json:"addressLocality"`
	Country    string `json:"addressCountry"`
}

type ldOffer struct {
	Type          string      `json:"@type"`
	Category      string      `json:"category,omitempty"`
	Price         string      `json:"price"`
	PriceCurrency string      `json:"priceCurrency"`
	PriceSpec     ldPriceSpec `json:"priceSpecification"`
	Availability  string      `json:"availability,omitempty"`
	URL           string      `json:"url,omitempty"`
	ValidThrough  string      `json:"validThrough,omitempty"`
}

// ldPriceSpec states what the price is: kroner excluding VAT.
type ldPriceSpec struct {
	Type          string `json:"@type"`
	Price         string `json:"price"`
	PriceCurrency string `json:"priceCurrency"`
	VATIncluded   bool   `json:"valueAddedTaxIncluded"`
}

// offer is the price of one participant, excluding VAT.
func offer(ore int64) ldOffer {
	p := kronerDecimal(ore)
	return ldOffer{Type: "Offer", Category: "Paid", Price: p, PriceCurrency: "DKK",
		PriceSpec: ldPriceSpec{Type: "UnitPriceSpecification", Price: p, PriceCurrency: "DKK", VATIncluded: false}}
}

// workload is a date's length in days as an ISO 8601 duration ("P2D"):
// the courses are whole days on site, which is what the participant plans.
func workload(d catalog.CourseDate) string {
	s, e := d.StartsAt.In(catalog.Copenhagen), d.EndsAt.In(catalog.Copenhagen)
	days := 1
	for x := time.Date(s.Year(), s.Month(), s.Day(), 12, 0, 0, 0, catalog.Copenhagen); !catalog.SameDay(x, e) && x.Before(e); x = x.AddDate(0, 0, 1) {
		days++
	}
	return "P" + strconv.Itoa(days) + "D"
}

// instructors are the programme's speakers ("Jacob Vase, Vase Consulting"
// gives Jacob Vase), each once; without any, the course's consultant.
func instructors(d catalog.CoursePage) []ldPerson {
	var out []ldPerson
	seen := map[string]bool{}
	for _, day := range d.Agenda {
		for _, it := range day.Items {
			name, org, _ := strings.Cut(it.Speaker, ",")
			name = strings.TrimSpace(name)
			if name == "" || name == "COK" || seen[name] {
				continue
			}
			seen[name] = true
			out = append(out, ldPerson{Type: "Person", Name: name, Affiliation: strings.TrimSpace(org)})
		}
	}
	if len(out) == 0 && d.Consultant != nil {
		out = append(out, ldPerson{Type: "Person", Name: d.Consultant.Name, Affiliation: d.Consultant.JobTitle})
	}
	return out
}

// kronerDecimal writes øre as a schema.org price: "6750.00".
func kronerDecimal(ore int64) string {
	s := strconv.FormatInt(ore/100, 10) + "."
	if r := ore % 100; r < 10 {
		s += "0" + strconv.FormatInt(r, 10)
	} else {
		s += strconv.FormatInt(r, 10)
	}
	return s
}

func courseLD(p Page, d catalog.CoursePage, now time.Time) ldCourse {
	base := p.Canonical
	c := ldCourse{
		Context: "https://schema.org", Type: "Course", Name: d.Course.Title, Description: d.Course.Teaser, URL: base,
		InLanguage: "da", Image: p.Image,
		Provider: ldOrganization{Type: "Organization", Name: "COK – Center for Offentlig Kompetenceudvikling", URL: "https://www.cok.dk"},
		Offers:   []ldOffer{offer(d.Course.PriceOre)},
	}
	teachers := instructors(d)
	for _, date := range d.Dates {
		ph := booking.PhaseOf(date, now)
		avail := "https://schema.org/InStock"
		switch {
		case ph == booking.PhaseFewSeats:
			avail = "https://schema.org/LimitedAvailability"
		case !ph.CanEnrol() || ph == booking.PhaseWaitlist:
			avail = "https://schema.org/SoldOut"
		}
		status := "https://schema.org/EventScheduled"
		if ph == booking.PhaseCancelled {
			status = "https://schema.org/EventCancelled"
		}
		o := offer(d.Course.PriceOre)
		o.Availability, o.URL, o.ValidThrough = avail, base, date.StartsAt.In(catalog.Copenhagen).Format(time.RFC3339)
		c.Instances = append(c.Instances, ldCourseInstance{
			Type: "CourseInstance", Mode: "Onsite", Workload: workload(date), InLanguage: "da", Instructor: teachers,
			StartDate: date.StartsAt.In(catalog.Copenhagen).Format(time.RFC3339),
			EndDate:   date.EndsAt.In(catalog.Copenhagen).Format(time.RFC3339),
			Status:    status,
			Location: ldPlace{Type: "Place", Name: date.Venue.Name, Address: ldAddress{
				Type: "PostalAddress", Street: date.Venue.Street, PostalCode: date.Venue.Postcode, Locality: date.Venue.City, Country: "DK",
			}},
			Offers: []ldOffer{o},
		})
	}
	return c
}

// CourseHead is the course page's structured data and sharing tags.
func CourseHead(p Page, d catalog.CoursePage, now time.Time) templ.Component {
	return templ.Join(
		openGraph(p, "website"),
		templ.JSONScript("ld-course", courseLD(p, d, now)).WithType("application/ld+json"),
	)
}

type ldProgram struct {
	Context     string         `json:"@context"`
	Type        string         `json:"@type"`
	Name        string         `json:"name"`
	Description string         `json:"description"`
	URL         string         `json:"url"`
	Image       string         `json:"image,omitempty"`
	Provider    ldOrganization `json:"provider"`
	HasCourse   []ldCourseRef  `json:"hasCourse,omitempty"`
	Offers      []ldOffer      `json:"offers,omitempty"`
}

type ldCourseRef struct {
	Type        string         `json:"@type"`
	Name        string         `json:"name"`
	Description string         `json:"description"`
	URL         string         `json:"url"`
	InLanguage  string         `json:"inLanguage"`
	Provider    ldOrganization `json:"provider"`
	Offers      []ldOffer      `json:"offers"`
}

// ProgrammeHead is the programme page's structured data and sharing tags.
// An EducationalOccupationalProgram names its modules with hasCourse; a
// bundle price open for its modules is its offer.
func ProgrammeHead(p Page, d catalog.ProgrammePage, bundle *catalog.OfferView) templ.Component {
	base := p.Canonical[:len(p.Canonical)-len("/forloeb/"+d.Programme.Slug)]
	org := ldOrganization{Type: "Organization", Name: "COK – Center for Offentlig Kompetenceudvikling", URL: "https://www.cok.dk"}
	ld := ldProgram{Context: "https://schema.org", Type: "EducationalOccupationalProgram", Name: d.Programme.Title,
		Description: d.Programme.Teaser, URL: p.Canonical, Image: p.Image, Provider: org}
	for _, m := range d.Modules {
		ld.HasCourse = append(ld.HasCourse, ldCourseRef{Type: "Course", Name: m.Course.Title, Description: m.Teaser,
			URL: base + "/kurser/" + m.Course.Slug, InLanguage: "da", Provider: org, Offers: []ldOffer{offer(m.Course.PriceOre)}})
	}
	if bundle != nil {
		o := offer(bundle.Offer.PriceOre)
		o.ValidThrough = booking.DeadlineEnd(bundle.Offer.LastDay).Format(time.RFC3339)
		ld.Offers = []ldOffer{o}
	}
	return templ.Join(openGraph(p, "website"), templ.JSONScript("ld-programme", ld).WithType("application/ld+json"))
}

// MetaDescription trims a text to what search engines show (about 160
// characters), at a word boundary.
func MetaDescription(s string) string {
	const max = 160
	r := []rune(s)
	if len(r) <= max {
		return s
	}
	cut := max
	for cut > 100 && r[cut] != ' ' {
		cut--
	}
	return string(r[:cut]) + " …"
}
