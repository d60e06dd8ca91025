package catalog

import (
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Aftercare is what a course says about the time after the booking:
// whether it has an overnight stay (its enrolment form then asks about
// rooms and diets), when the practical information goes out, what to
// bring, and the hours its diploma states.
type Aftercare struct {
	Residential    bool
	ReminderDays   int // 0: no practical information mail
	BringNote      string
	DiplomaMinutes int // 0: the diploma states the days instead
}

// DefaultReminderDays is how many days before the start the practical
// information goes out unless staff say otherwise.
const DefaultReminderDays = 7

// FormatHours shows minutes as Danish hours: "14 timer", "6,5 timer",
// "1 time".
func FormatHours(minutes int) string {
	h, rest := minutes/60, minutes%60
	s := strconv.Itoa(h)
	if rest != 0 {
		s += "," + strings.TrimRight(strconv.Itoa(rest*100/60 + 100)[1:], "0")
	}
	if minutes == 60 {
		return "1 time"
	}
	return s + " timer"
}

// ParseHours reads hours as staff type them ("14", "6,5", "6.5", "6½")
// and returns minutes; "" is 0.
func ParseHours(s string) (int, bool) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "timer"))
	s = strings.TrimSpace(strings.TrimSuffix(s, "time"))
	if s == "" {
		return 0, true
	}
	s = strings.Replace(strings.Replace(s, "½", ",5", 1), ".", ",", 1)
	whole, frac, _ := strings.Cut(s, ",")
	if whole == "" {
		whole = "0"
	}
	h, err := strconv.Atoi(whole)
	if err != nil || h < 0 || h > 999 || len(frac) > 2 || strings.Trim(frac, "0123456789") != "" {
		return 0, false
	}
	m := h * 60
	if frac != "" {
		f, _ := strconv.Atoi((frac + "0")[:2])
		m += f * 60 / 100
	}
	return m, true
}

// MapURL is a link to the address on OpenStreetMap's map, for mails and
// pages: it works in any browser, on any phone, without an account.
func (v Venue) MapURL() string {
	q := v.Street + ", " + v.Postcode + " " + v.City
	if v.Street == "" {
		q = v.Name + ", " + v.Postcode + " " + v.City
	}
	return "https://www.openstreetmap.org/search?query=" + url.QueryEscape(q)
}

// FormatDays shows the calendar days (Copenhagen) from start to end as
// running text: "3. marts 2027", "3.–4. marts 2027", "30. marts – 1. april
// 2027", "30. december 2027 – 2. januar 2028".
func FormatDays(start, end time.Time) string {
	s, e := start.In(Copenhagen), end.In(Copenhagen)
	sy, sm, sd := s.Date()
	ey, em, ed := e.Date()
	year := func(y int) string { return " " + strconv.Itoa(y) }
	switch {
	case sy == ey && sm == em && sd == ed:
		return strconv.Itoa(sd) + ". " + MonthName(sm) + year(sy)
	case sy == ey && sm == em:
		return strconv.Itoa(sd) + ".–" + strconv.Itoa(ed) + ". " + MonthName(sm) + year(sy)
	case sy == ey:
		return strconv.Itoa(sd) + ". " + MonthName(sm) + " – " + strconv.Itoa(ed) + ". " + MonthName(em) + year(sy)
	}
	return strconv.Itoa(sd) + ". " + MonthName(sm) + year(sy) + " – " + strconv.Itoa(ed) + ". " + MonthName(em) + year(ey)
}
