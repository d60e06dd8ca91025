package views

import (
	"strconv"
	"strings"
	"time"

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
}

// DateOverview is one date in the staff lists (store.DateOverview).
type DateOverview struct {
	catalog.CourseDate
	CourseTitle string
	CourseSlug  string
	Waiting     int
	Cancelled   int
}

func (d DateOverview) when() string { return catalog.FormatSpan(d.StartsAt, d.EndsAt) }

// StaffUserRow is one staff user in the list of users.
type StaffUserRow struct {
	Email, Name, Role string
	Disabled          bool
	CreatedAt         time.Time
}

func itoa(n int) string { return strconv.Itoa(n) }

func i64(n int64) string { return strconv.FormatInt(n, 10) }
