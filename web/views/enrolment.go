package views

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/catalog"
)

// MaxParticipants and MaxDates bound one booking.
const (
	MaxParticipants = 20
	MaxDates        = 10
)

// EnrolmentForm is what the enrolment form holds, exactly as typed.
type EnrolmentForm struct {
	Token            string
	DateIDs          []int64
	BookerName       string
	BookerEmail      string
	BookerPhone      string
	Self             bool // "Jeg deltager selv"
	OrgName          string
	Department       string
	InvoiceKind      string // "ean" or "cvr"
	EAN              string
	CVR              string
	InvoiceAddress   string
	InvoiceReference string
	Comment          string
	Terms            bool
	Participants     []ParticipantForm
	// SelfStay: the booker's own residential details (with diet and
	// accessibility), when they take part in a residential course.
	SelfStay StayForm
}

// ParticipantForm is one colleague on the form.
type ParticipantForm struct {
	Name, Email, JobTitle, Diet, Accessibility string
	Stay                                       StayForm // on residential courses; its Diet and Access are unused
}

// Empty says whether nothing was typed for the participant (the default
// stay is not typing).
func (p ParticipantForm) Empty() bool {
	return p.Name == "" && p.Email == "" && p.JobTitle == "" && p.Diet == "" && p.Accessibility == "" && !p.Stay.Given()
}

// EnrolmentProps feeds the enrolment form.
type EnrolmentProps struct {
	Page        Page
	Form        EnrolmentForm
	Errors      FormErrors
	Dates       []booking.BookedDate
	Others      []booking.BookedDate // dates that can be added
	Quote       booking.Quote
	People      int // participants the quote is for
	Now         time.Time
	Unavailable bool // the database could not be reached: nothing was booked
	// Focus is the participant (from 1) whose name field takes focus when
	// the page loads: the colleague just added. 0 for none.
	Focus int
	// Unsure: the connection broke while booking, so the booking may or may
	// not have been committed; sending the same form again shows which.
	Unsure bool
}

// residential lists the chosen dates whose course has an overnight stay:
// the form then asks every participant about it.
func (p EnrolmentProps) residential() []booking.BookedDate {
	var out []booking.BookedDate
	for _, d := range p.Dates {
		if d.Residential {
			out = append(out, d)
		}
	}
	return out
}

// stayLegend names the courses the stay questions are about.
func (p EnrolmentProps) stayLegend(who string) string {
	var titles []string
	for _, d := range p.residential() {
		if !slices.Contains(titles, d.CourseTitle) {
			titles = append(titles, d.CourseTitle)
		}
	}
	return who + " (" + strings.Join(titles, " og ") + " har overnatning)"
}

func pid(i int, name string) string { return "p" + strconv.Itoa(i) + "-" + name }

func pname(i int, name string) string { return "p" + strconv.Itoa(i) + "_" + name }

func (p EnrolmentProps) field(id, name, label, value, typ, autocomplete string, required bool, max int) Field {
	return Field{ID: id, Name: name, Label: label, Value: value, Type: typ, Autocomplete: autocomplete,
		Required: required, MaxLength: max, Error: p.Errors.Get(id)}
}

func dateOption(d booking.BookedDate) string {
	return d.CourseTitle + " – " + catalog.FormatDate(d.StartsAt) + ", " + d.Venue.City
}

func onForm(ids []int64, id int64) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// quoteRows groups the quote by date for the price summary.
type quoteRow struct {
	Title string
	Count int
	List  int64
	Price int64
	Offer bool
}

func (p EnrolmentProps) quoteRows() []quoteRow {
	var rows []quoteRow
	for _, d := range p.Dates {
		r := quoteRow{Title: d.CourseTitle + ", " + catalog.FormatDate(d.StartsAt)}
		for _, l := range p.Quote.Lines {
			if l.CourseID == d.CourseID {
				r.Count++
				r.List += l.ListOre
				r.Price += l.PriceOre
				if l.OfferID != 0 {
					r.Offer = true
				}
			}
		}
		rows = append(rows, r)
	}
	return rows
}

func participantsWord(n int) string {
	if n == 1 {
		return "1 deltager"
	}
	return strconv.Itoa(n) + " deltagere"
}

func id64(n int64) string { return strconv.FormatInt(n, 10) }

// FormatID writes an id for URLs and field names.
func FormatID(n int64) string { return id64(n) }
