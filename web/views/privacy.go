package views

import (
	"strings"
	"time"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/catalog"
	"kursuskatalog/internal/privacy"
)

// PrivacyProps feed /privatliv, made from the retention table.
type PrivacyProps struct {
	Page    Page
	Rules   []privacy.Rule
	Cookies []privacy.Cookie
}

// MyDataProps feed the booker's page of everything held about a booking.
type MyDataProps struct {
	Page  Page
	Token string
	E     privacy.Export
}

// EraseProps feed the booker's erasure step and its result.
type EraseProps struct {
	Page   Page
	Token  string
	E      privacy.Export
	Ahead  bool      // a seat is still to come: cancel first
	Done   bool      // erased
	Kept   time.Time // billing data kept until
	Errors FormErrors
}

// AdminPersonProps feed the staff page that finds and erases one person.
type AdminPersonProps struct {
	Page      AdminPage
	Email     string
	Searched  bool
	Bookings  []PersonBooking
	Inquiries []PersonInquiry
	Ahead     bool // a seat is still to come: nothing can be erased yet
	Errors    FormErrors
	Done      string // what an erasure did
}

// PersonBooking is a booking one person is on.
type PersonBooking struct {
	ID         int64
	Ref        string
	Org        string
	AsBooker   bool
	Courses    []string
	Anonymised bool
	Ahead      bool
}

// PersonInquiry is an inquiry of one person.
type PersonInquiry struct {
	ID      int64
	Kind    string
	At      time.Time
	State   string
	Subject string
}

func overnight(b *bool) string {
	if b == nil {
		return "Kurset har ikke overnatning"
	}
	return yesNo(*b)
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "–"
	}
	return s
}

func allergenList(a []string) string {
	if len(a) == 0 {
		return "–"
	}
	names := make([]string, len(a))
	for i, k := range a {
		names[i] = booking.AllergenName(k)
	}
	return strings.Join(names, ", ")
}

func attendanceText(days []privacy.Day) string {
	if len(days) == 0 {
		return "–"
	}
	parts := make([]string, len(days))
	for i, d := range days {
		t, _ := time.Parse("2006-01-02", d.Day)
		word := "fraværende"
		if d.Present {
			word = "mødt"
		}
		parts[i] = catalog.FormatDate(t) + ": " + word
	}
	return strings.Join(parts, "; ")
}

func joinTitles(ts []string) string { return strings.Join(ts, ", ") }
