package catalog

import (
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // the binary must know Copenhagen on any machine
)

// Copenhagen is where every time is shown.
var Copenhagen = mustLoad("Europe/Copenhagen")

func mustLoad(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err) // cannot happen: tzdata is embedded
	}
	return loc
}

// FormatKroner shows øre as Danish kroner: "6.750 kr.", "6.750,50 kr.".
func FormatKroner(ore int64) string {
	neg := ore < 0
	if neg {
		ore = -ore
	}
	kr, rest := ore/100, ore%100
	s := groupThousands(strconv.FormatInt(kr, 10))
	if rest != 0 {
		s += "," + twoDigits(int(rest))
	}
	if neg {
		s = "-" + s
	}
	return s + " kr."
}

func groupThousands(digits string) string {
	var b strings.Builder
	for i, r := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	return b.String()
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// FormatDateTime shows a time as the seeds do: "03.03.2020 kl. 08:45".
func FormatDateTime(t time.Time) string {
	return t.In(Copenhagen).Format("02.01.2006 kl. 15:04")
}

// FormatDate shows a day: "25.01.2020".
func FormatDate(t time.Time) string {
	return t.Format("02.01.2006")
}

// FormatSpan shows a date's run: "03.03.2020 kl. 08:45 - 04.03.2020 kl. 15:00",
// and a run within one day with its date once: "16.12.2026 kl. 09:00-15:30".
func FormatSpan(start, end time.Time) string {
	if SameDay(start, end) {
		return FormatDateTime(start) + "-" + end.In(Copenhagen).Format("15:04")
	}
	return FormatDateTime(start) + " - " + FormatDateTime(end)
}

// SameDay says whether a and b fall on one calendar day in Copenhagen.
func SameDay(a, b time.Time) bool {
	a, b = a.In(Copenhagen), b.In(Copenhagen)
	return a.Year() == b.Year() && a.YearDay() == b.YearDay()
}

var months = [...]string{"januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"}

// MonthName is the Danish name of a month, lower case as in running text.
func MonthName(m time.Month) string { return months[m-1] }

// FormatDayMonth shows "25. januar", as the bundle text does.
func FormatDayMonth(t time.Time) string {
	return strconv.Itoa(t.Day()) + ". " + MonthName(t.Month())
}

// ParseKroner reads a price in kroner as staff type it, the way FormatKroner
// writes it: "9995", "9.995", "9 995 kr." or "9.995,50"; the result is øre.
func ParseKroner(s string) (int64, bool) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "kr."))
	s = strings.NewReplacer(".", "", " ", "", "\u00a0", "").Replace(s)
	kr, ore, comma := strings.Cut(s, ",")
	if kr == "" || len(kr) > 9 || strings.Trim(kr, "0123456789") != "" {
		return 0, false
	}
	n, _ := strconv.ParseInt(kr, 10, 64)
	n *= 100
	if comma {
		if len(ore) == 0 || len(ore) > 2 || strings.Trim(ore, "0123456789") != "" {
			return 0, false
		}
		if len(ore) == 1 {
			ore += "0"
		}
		o, _ := strconv.ParseInt(ore, 10, 64)
		n += o
	}
	return n, true
}

// FormatCount is a whole number with thousands separated by points: "12.345".
func FormatCount(n int64) string {
	if n < 0 {
		return "-" + groupThousands(strconv.FormatInt(-n, 10))
	}
	return groupThousands(strconv.FormatInt(n, 10))
}
