package views

import (
	"strconv"
	"strings"
	"time"

	"github.com/a-h/templ"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/catalog"
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

// AdminSearchProps are the props of the booking search.
type AdminSearchProps struct {
	Page  AdminPage
	Query string
	Hits  []booking.SearchHit
	Limit int // the most rows shown; the page says when it is reached
}

// AdminInvoicingProps are the props of the invoicing worklist.
type AdminInvoicingProps struct {
	Page   AdminPage
	Until  time.Time
	Items  []booking.InvoiceItem
	For    int64 // the booking whose number was refused
	Number string
	Errors FormErrors
}

func (p AdminInvoicingProps) kept(id int64) string {
	if p.For == id {
		return p.Number
	}
	return ""
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
}

// AuditRow is one line of the audit log.
type AuditRow struct {
	At            time.Time
	StaffName     string
	Entity        string
	EntityID      int64
	Action        string
	ChangedFields []string
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
