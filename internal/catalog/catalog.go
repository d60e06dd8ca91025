// Package catalog holds the course catalogue's types and the rules that
// follow from them alone: phases of a date, money and time formatting. It
// does no I/O and imports nothing of the project.
package catalog

import (
	"strconv"
	"time"
)

// Status of a course or programme.
const (
	StatusDraft     = "draft"
	StatusPublished = "published"
)

// ModuleRole is the role a course plays inside a programme.
type ModuleRole string

const (
	RoleBase    ModuleRole = "base"    // grundmodul
	RoleSpecial ModuleRole = "special" // specialmodul
)

// Label is the Danish word shown on pages.
func (r ModuleRole) Label() string {
	switch r {
	case RoleBase:
		return "Grundmodul"
	case RoleSpecial:
		return "Specialmodul"
	}
	return "Modul"
}

type Consultant struct {
	ID       int64
	Name     string
	JobTitle string
	Phone    string
	Email    string
}

type Topic struct {
	ID   int64
	Slug string
	Name string
}

type Venue struct {
	ID       int64
	Name     string
	Street   string
	Postcode string
	City     string
	Region   string
	// ArrivalNote says how to get there (parking, transport, where to
	// report); the practical information mail shows it.
	ArrivalNote string
}

// Address is the one-line form the seeds use:
// "Frederik VI's Hotel, Rugårdsvej 590, 5210 Odense NV".
func (v Venue) Address() string {
	s := v.Name
	if v.Street != "" {
		s += ", " + v.Street
	}
	return s + ", " + v.Postcode + " " + v.City
}

// Regions in the order they are offered as a filter.
var Regions = []struct{ Slug, Name string }{
	{"hovedstaden", "Hovedstaden"},
	{"sjaelland", "Sjælland"},
	{"syddanmark", "Syddanmark"},
	{"midtjylland", "Midtjylland"},
	{"nordjylland", "Nordjylland"},
}

// RegionName returns the Danish name of a region slug.
func RegionName(slug string) string {
	for _, r := range Regions {
		if r.Slug == slug {
			return r.Name
		}
	}
	return slug
}

type Course struct {
	ID               int64
	Slug             string
	Title            string
	Teaser           string
	Audience         string
	Description      string // Markdown
	ContentIntro     string
	ContentBullets   []string
	TeachingForm     string
	PriceOre         int64
	VATRateBP        int // basis points: 2500 is 25 %
	PriceCovers      string
	InvoiceNote      string
	PartnerNote      string
	InhouseAvailable bool
	ConsultantID     int64 // 0: none
	Status           string
	Version          int
	UpdatedAt        time.Time
}

type Programme struct {
	ID               int64
	Slug             string
	Title            string
	Teaser           string
	Intro            string // Markdown
	CompetencesIntro string
	Competences      []string
	Background       string // Markdown
	PartnerNote      string
	ContactNote      string
	ConsultantID     int64
	Status           string
	Version          int
}

// Module is a course's place in a programme.
type Module struct {
	ProgrammeID  int64
	CourseID     int64
	Position     int
	Role         ModuleRole
	AudienceNote string
}

// Date status.
const (
	DatePlanned   = "planned"
	DateCancelled = "cancelled"
)

// CourseDate is one scheduled run of a course.
type CourseDate struct {
	ID         int64
	CourseID   int64
	Venue      Venue
	StartsAt   time.Time
	EndsAt     time.Time
	Deadline   time.Time // a calendar day (midnight UTC); binding after it ends in Copenhagen
	Capacity   int
	SeatsTaken int
	Status     string
}

// SeatsLeft is never negative.
func (d CourseDate) SeatsLeft() int {
	if n := d.Capacity - d.SeatsTaken; n > 0 {
		return n
	}
	return 0
}

type AgendaDay struct {
	DayNo int
	Title string
	Items []AgendaItem
}

type AgendaItem struct {
	At      string // "09:00"
	Title   string
	Speaker string
	Points  []string
}

// BundleOffer is a combined price for booking all its courses together on or
// before LastDay (Copenhagen).
type BundleOffer struct {
	ID          int64
	Title       string
	Description string
	PriceOre    int64
	LastDay     time.Time
	Courses     []BundleCourse
}

// BundleCourse is one course of an offer and what the offer box on its page
// says about the others.
type BundleCourse struct {
	CourseID int64
	Pitch    string
}

// ProgrammeCard is a published programme with its modules, for lists.
type ProgrammeCard struct {
	Programme Programme
	Modules   []ModuleCard
}

// ModuleCard is a module as a programme lists it.
type ModuleCard struct {
	Role         ModuleRole
	AudienceNote string
	Slug         string
	Title        string
	Teaser       string
}

// DateListing is a date with what a list needs of its course.
type DateListing struct {
	CourseSlug  string
	CourseTitle string
	PriceOre    int64
	Date        CourseDate
}

// CoursePage is everything the public page of a course shows.
type CoursePage struct {
	Course     Course
	Consultant *Consultant
	Topics     []Topic
	Dates      []CourseDate
	Agenda     []AgendaDay
	Offers     []OfferView
	Programmes []ProgrammeRef // the programmes this course is a module of
}

// OfferView is a bundle offer as one of its courses shows it.
type OfferView struct {
	Offer  BundleOffer
	Pitch  string        // what this course's page says about the others
	Self   CourseBrief   // the course whose page shows the offer
	Others []CourseBrief // the other courses of the offer
	// SumOre is what the offer's courses cost one by one.
	SumOre int64
}

// SavingOre is what booking the bundle saves.
func (o OfferView) SavingOre() int64 { return o.SumOre - o.Offer.PriceOre }

// CourseBrief names a course for links.
type CourseBrief struct {
	ID       int64
	Slug     string
	Title    string
	PriceOre int64
	// NextDateID is the next date that takes enrolments, 0 when none does.
	NextDateID int64
}

// ProgrammeRef is a programme a module belongs to, with the module's role.
type ProgrammeRef struct {
	Slug  string
	Title string
	Role  ModuleRole
}

// ProgrammePage is everything the public page of a programme shows.
type ProgrammePage struct {
	Programme  Programme
	Consultant *Consultant
	Modules    []ProgrammeModule
}

// ProgrammeModule is a module card on a programme page, with its next date.
type ProgrammeModule struct {
	Course       CourseBrief
	Teaser       string
	Role         ModuleRole
	AudienceNote string
	NextDate     *CourseDate
}

// Saved is what one visitor has saved as favourites.
type Saved struct {
	Courses    map[int64]bool
	Programmes map[int64]bool
}

// Count is the number of favourites.
func (s Saved) Count() int { return len(s.Courses) + len(s.Programmes) }

// Course says whether the course is saved.
func (s Saved) Course(id int64) bool { return s.Courses[id] }

// Programme says whether the programme is saved.
func (s Saved) Programme(id int64) bool { return s.Programmes[id] }

// FavouriteCourse is a saved course with its coming dates.
type FavouriteCourse struct {
	ID       int64
	Slug     string
	Title    string
	Teaser   string
	PriceOre int64
	Dates    []CourseDate
}

// FavouriteProgramme is a saved programme with its modules and their dates.
type FavouriteProgramme struct {
	ID      int64
	Slug    string
	Title   string
	Teaser  string
	Modules []FavouriteCourse
}

// Favourites is the favourites page of one visitor.
type Favourites struct {
	Courses    []FavouriteCourse
	Programmes []FavouriteProgramme
}

// The sizes a course's picture is kept in.
const (
	ImageSmall = "480"  // 480×270, cards and phones
	ImageLarge = "960"  // 960×540, the course page on wide screens
	ImageShare = "1200" // 1200×630, sharing previews (og:image)
)

// ImageSize is one size of a course's picture, JPEG.
type ImageSize struct {
	Name          string
	Width, Height int
	Data          []byte
}

// Image is a course's picture as pages link to it; Hash names the version,
// so its addresses can be cached for good.
type Image struct {
	CourseID int64
	Alt      string
	Hash     string
}

// URL is the address of one size of the picture.
func (i Image) URL(size string) string {
	return "/billeder/kurser/" + strconv.FormatInt(i.CourseID, 10) + "/" + i.Hash + "-" + size + ".jpg"
}

// SrcSet is the picture's widths for <img srcset>.
func (i Image) SrcSet() string {
	return i.URL(ImageSmall) + " 480w, " + i.URL(ImageLarge) + " 960w"
}

// TopicCount is a topic with the number of published courses in it.
type TopicCount struct {
	Topic
	Courses int
}
