package views

import (
	"strconv"
	"strings"
	"time"

	"github.com/a-h/templ"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/catalog"
	"kursuskatalog/internal/overview"
	"kursuskatalog/internal/sheet"
)

// AdminPage is what the staff layout needs from every staff page.
type AdminPage struct {
	Title     string
	Path      string
	StaffName string // "" on the login page: no navigation
	IsAdmin   bool
	Flash     string // a message after a redirect ("Deltageren er afmeldt.")
	CSS, Icon string
	JS        string // a script for the page, "" for none (pages work without)
}

func (p AdminPage) fullTitle() string { return p.Title + " | COK Admin" }

func adminCurrent(p AdminPage, prefix string) bool {
	if prefix == "/admin" {
		return p.Path == "/admin" || p.Path == "/admin/" || strings.HasPrefix(p.Path, "/admin/datoer/")
	}
	return p.Path == prefix || strings.HasPrefix(p.Path, prefix+"/")
}

// LoginForm is the login form with what was typed (never the password).
type LoginForm struct {
	Email  string
	Return string
	Errors FormErrors
	// OfferLink offers a one-time login link by mail (the account is
	// throttled).
	OfferLink bool
}

func itoa(n int) string { return strconv.Itoa(n) }

func i64(n int64) string { return strconv.FormatInt(n, 10) }

// ActionForm is what was typed into one participant's action form, kept
// when it is refused.
type ActionForm struct {
	For      int64 // the participant
	Reason   string
	Waive    bool // cancel without charge
	SubName  string
	SubEmail string
}

// AdminDateProps are the props of a date's staff page.
type AdminDateProps struct {
	Page      AdminPage
	Date      booking.DateOverview
	Confirmed []booking.DateParticipant
	Waiting   []booking.DateParticipant
	Cancelled []booking.DateParticipant
	Others    []booking.DateOverview // other dates of the course, targets of a move
	Offers    []booking.DateOffer    // seats offered to the waiting list, newest first
	Now       time.Time
	Form      ActionForm
	Errors    FormErrors
}

func (p AdminDateProps) kept(id int64) ActionForm {
	if p.Form.For == id {
		return p.Form
	}
	return ActionForm{}
}

func actionID(prefix string, id int64) string { return prefix + "-" + i64(id) }

func actionURL(id int64, action string) templ.SafeURL {
	return templ.SafeURL("/admin/deltagere/" + i64(id) + "/" + action)
}

// ShortDate is a date as "03.03.2027", for titles.
func ShortDate(t time.Time) string { return catalog.FormatDate(t) }

// ActionFieldID is the id of an input of a participant's action form, for
// the error summary's links.
func ActionFieldID(prefix string, id int64) string { return actionID(prefix, id) }

// AdminDashboardProps are the props of the staff overview.
type AdminDashboardProps struct {
	Page      AdminPage
	Now       time.Time
	WeekEnd   time.Time
	Attention overview.Attention
	Dates     []booking.DateOverview
}

// daysAgo says how long ago t was, in Danish ("i dag", "for 3 dage siden").
func daysAgo(now, t time.Time) string {
	d := int(now.Sub(t).Hours() / 24)
	switch {
	case d <= 0:
		return "i dag"
	case d == 1:
		return "i går"
	}
	return "for " + strconv.Itoa(d) + " dage siden"
}

// PeriodForm is the statistics' period as typed ("2026-01").
type PeriodForm struct {
	From, To string
	Errors   FormErrors
}

// Query is the period as a query string for links.
func (f PeriodForm) Query() string { return "?fra=" + f.From + "&til=" + f.To }

// Figure is one statistic: a chart, its numbers as a table and as CSV.
type Figure struct {
	ID        string // the anchor and the CSV's name
	Title     string
	Intro     string
	Note      string
	SVG       string // the chart; "" when there is nothing to draw
	Header    []string
	Rows      [][]string
	NumCols   int  // the last NumCols columns are numbers (right-aligned)
	Long      bool // the table is long: shown folded
	CSVHeader []string
	CSV       [][]sheet.Cell // the rows of the CSV file, typed for Excel
}

func (f Figure) numeric(col int) bool { return col >= len(f.Header)-f.NumCols }

// AdminStatisticsProps are the props of the statistics page.
type AdminStatisticsProps struct {
	Page    AdminPage
	Form    PeriodForm
	Query   string
	Figures []Figure
}

// AdminSearchProps are the props of the booking search.
type AdminSearchProps struct {
	Page  AdminPage
	Query string
	Hits  []booking.SearchHit
	Limit int // the most rows shown; the page says when it is reached
}

// MailRow is one outgoing mail in the staff list.
type MailRow struct {
	ID        int64
	Kind      string
	To        string
	ToName    string
	Subject   string
	State     string
	LastError string
	CreatedAt time.Time
	SentAt    *time.Time
	Text      string
}

func mailState(s string) string {
	switch s {
	case "sent":
		return "Sendt"
	case "recorded":
		return "Gemt (ingen SMTP)"
	case "failed":
		return "Fejlet"
	default:
		return "I kø"
	}
}

func statusText(s string) string {
	switch s {
	case "confirmed":
		return "Bekræftet"
	case "waitlisted":
		return "Venteliste"
	default:
		return "Afmeldt"
	}
}

// InquiryRow is an inquiry in the staff inbox.
type InquiryRow struct {
	ID             int64
	Kind           string
	Name           string
	Email          string
	Phone          string
	Organisation   string
	Participants   int
	Period         string
	Place          string
	Message        string
	PageURL        string
	State          string
	CreatedAt      time.Time
	CourseTitle    string
	ConsultantID   int64
	ConsultantName string
	InternalNote   string
}

func inquiryKind(k string) string {
	switch k {
	case "question":
		return "Spørgsmål"
	case "inhouse":
		return "Tilpasset forløb"
	default:
		return "Kontakt"
	}
}

func inquiryState(s string) string {
	if s == "handled" {
		return "Behandlet"
	}
	return "Ny"
}

// Option is a choice in a select.
type Option struct {
	Value, Label string
}

// AdminInquiriesProps are the props of the inbox.
type AdminInquiriesProps struct {
	Page      AdminPage
	State     string // the filter: "new", "handled" or "" for all
	Inquiries []InquiryRow
}

// AdminInquiryProps are the props of one inquiry with its form.
type AdminInquiryProps struct {
	Page        AdminPage
	Inquiry     InquiryRow
	Consultants []Option
	// What the form holds (the saved values, or what was typed).
	State, Consultant, Note string
	Errors                  FormErrors
	// The thread of answers, and the answer form as typed.
	Replies                 []ReplyRow
	ReplySubject, ReplyBody string
	ReplyHandled            bool
	ReplyName, ReplyEmail   string // where the asker's answers go
	ReplyErrors             FormErrors
}

// ReplyRow is one answer on an inquiry's thread.
type ReplyRow struct {
	At        time.Time
	StaffName string
	ReplyTo   string
	Subject   string
	Body      string
	MailID    int64
}

// AuditRow is one line of the audit log, in words.
type AuditRow struct {
	At      time.Time
	Who     string // "Ida Jensen" or "Bookeren Anne Hansen (anne@…)"
	What    string // "Deltager"
	Label   string // "Anne Hansen, Politisk forståelse, 03.03.2027"
	Link    string // "" when the thing is gone
	Action  string // "afmeldt"
	Changes []AuditChange
}

// AuditChange is one field's old and new value; both "" means the log
// knows only that it changed.
type AuditChange struct {
	Field, Old, New string
}

// AdminLogProps are the props of the audit log.
type AdminLogProps struct {
	Page  AdminPage
	Rows  []AuditRow
	Older string // the link to older entries, "" at the end
}

// shorten keeps long texts (a description) readable in the log.
func shorten(s string) string {
	r := []rune(s)
	if len(r) <= 240 {
		return s
	}
	return string(r[:240]) + " …"
}

// CourseRow is a course in the staff list.
type CourseRow struct {
	ID        int64
	Title     string
	Slug      string
	Status    string
	Upcoming  int
	UpdatedAt time.Time
}

// CourseForm is the course editor's content: strings as typed.
type CourseForm struct {
	ID           int64
	Version      int // the version the form was opened at
	Title        string
	Slug         string
	Teaser       string
	Audience     string
	Description  string
	ContentIntro string
	Bullets      string // one per line
	TeachingForm string
	Price        string // kroner as typed: "6.750" or "6.750,50"
	VAT          string // "2500" or "0"
	PriceCovers  string
	InvoiceNote  string
	PartnerNote  string
	Inhouse      bool
	Consultant   string
	Status       string
	Topics       []string // ids of the checked topics
	Agenda       string   // the programme as text (catalog.FormatAgenda)
	Aftercare    AftercareForm
	Preview      bool // show the rendered description beside the editor
	Errors       FormErrors
	Consultants  []Option
	TopicChoices []Option
	Dates        []booking.DateOverview // the course's dates (not for a new course)
}

func (f CourseForm) field(id, name, label, value string) Field {
	return Field{ID: id, Name: name, Label: label, Value: value, Error: f.Errors.Get(id)}
}

func (f Field) req() Field  { f.Required = true; return f }
func (f Field) area() Field { f.Type = "textarea"; return f }

// openOffers counts the seats held for open offers.
func (p AdminDateProps) openOffers() int {
	n := 0
	for _, o := range p.Offers {
		if o.State == booking.OfferPending {
			n++
		}
	}
	return n
}

// offerCause says why a seat was offered.
func offerCause(o booking.DateOffer) string {
	switch o.Cause {
	case booking.CauseCancelled:
		if o.FreedName != "" {
			return "Afmelding af " + o.FreedName
		}
		return "Afmelding"
	case booking.CauseCapacity:
		return "Flere pladser"
	case booking.CauseMoved:
		return "En deltager er flyttet"
	case booking.CausePassedOn:
		if o.FreedName != "" {
			return "Givet videre (afmelding af " + o.FreedName + ")"
		}
		return "Givet videre fra den forrige på listen"
	}
	return o.Cause
}
