package views

import (
	"strconv"
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
	Provider    ldOrganization     `json:"provider"`
	Instances   []ldCourseInstance `json:"hasCourseInstance,omitempty"`
	Offers      []ldOffer          `json:"offers,omitempty"`
}

type ldOrganization struct {
	Type string `json:"@type"`
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

type ldCourseInstance struct {
	Type      string    `json:"@type"`
	Mode      string    `json:"courseMode"`
	StartDate string    `json:"startDate"`
	EndDate   string    `json:"endDate"`
	Status    string    `json:"eventStatus,omitempty"`
	Location  ldPlace   `json:"location"`
	Offers    []ldOffer `json:"offers"`
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
	Type          string `json:"@type"`
	Category      string `json:"category,omitempty"`
	Price         string `json:"price"`
	PriceCurrency string `json:"priceCurrency"`
	Availability  string `json:"availability,omitempty"`
	URL           string `json:"url,omitempty"`
	ValidThrough  string `json:"validThrough,omitempty"`
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
		Provider: ldOrganization{Type: "Organization", Name: "COK – Center for Offentlig Kompetenceudvikling", URL: "https://www.cok.dk"},
		Offers:   []ldOffer{{Type: "Offer", Category: "Paid", Price: kronerDecimal(d.Course.PriceOre), PriceCurrency: "DKK"}},
	}
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
		c.Instances = append(c.Instances, ldCourseInstance{
			Type: "CourseInstance", Mode: "Onsite",
			StartDate: date.StartsAt.In(catalog.Copenhagen).Format(time.RFC3339),
			EndDate:   date.EndsAt.In(catalog.Copenhagen).Format(time.RFC3339),
			Status:    status,
			Location: ldPlace{Type: "Place", Name: date.Venue.Name, Address: ldAddress{
				Type: "PostalAddress", Street: date.Venue.Street, PostalCode: date.Venue.Postcode, Locality: date.Venue.City, Country: "DK",
			}},
			Offers: []ldOffer{{Type: "Offer", Price: kronerDecimal(d.Course.PriceOre), PriceCurrency: "DKK", Availability: avail,
				URL: base, ValidThrough: date.StartsAt.In(catalog.Copenhagen).Format(time.RFC3339)}},
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
	Provider    ldOrganization `json:"provider"`
	HasPart     []ldCourseRef  `json:"hasPart,omitempty"`
}

type ldCourseRef struct {
	Type     string         `json:"@type"`
	Name     string         `json:"name"`
	URL      string         `json:"url"`
	Provider ldOrganization `json:"provider"`
}

// ProgrammeHead is the programme page's structured data and sharing tags.
func ProgrammeHead(p Page, d catalog.ProgrammePage) templ.Component {
	base := p.Canonical[:len(p.Canonical)-len("/forloeb/"+d.Programme.Slug)]
	org := ldOrganization{Type: "Organization", Name: "COK – Center for Offentlig Kompetenceudvikling", URL: "https://www.cok.dk"}
	ld := ldProgram{Context: "https://schema.org", Type: "EducationalOccupationalProgram", Name: d.Programme.Title,
		Description: d.Programme.Teaser, URL: p.Canonical, Provider: org}
	for _, m := range d.Modules {
		ld.HasPart = append(ld.HasPart, ldCourseRef{Type: "Course", Name: m.Course.Title, URL: base + "/kurser/" + m.Course.Slug, Provider: org})
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
