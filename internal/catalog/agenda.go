package catalog

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// The staff editor shows a course's programme (agenda) as plain text, one
// line per thing, so that it works without JavaScript and can be copied
// from a Word document:
//
//	Dag 1: Politik og forvaltning
//	09:00 | Ankomst, kaffe og morgenbrød
//	10:00 | Forståelse af det politiske system | Jacob Vase, Vase Consulting
//	- Kommunalbestyrelsen og udvalgene
//	- Samspillet med forvaltningen
//
// "Dag" starts a day (its title after the colon is optional); an item is
// time | title | speaker (speaker optional); lines starting with "-" are
// sub-points of the item above. FormatAgenda writes exactly what
// ParseAgenda reads, so saving an unchanged form changes nothing.

// AgendaError is a line of the agenda text that could not be read.
type AgendaError struct {
	Line int
	Msg  string
}

func (e *AgendaError) Error() string { return fmt.Sprintf("linje %d: %s", e.Line, e.Msg) }

// FormatAgenda writes days in the editor's text form.
func FormatAgenda(days []AgendaDay) string {
	var b strings.Builder
	for i, d := range days {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString("Dag " + strconv.Itoa(i+1))
		if d.Title != "" {
			b.WriteString(": " + d.Title)
		}
		b.WriteString("\n")
		for _, it := range d.Items {
			b.WriteString(it.At + " | " + it.Title)
			if it.Speaker != "" {
				b.WriteString(" | " + it.Speaker)
			}
			b.WriteString("\n")
			for _, p := range it.Points {
				b.WriteString("- " + p + "\n")
			}
		}
	}
	return b.String()
}

// ParseAgenda reads the editor's text form. Days are numbered in the order
// they come; an item before the first "Dag" line opens day 1.
func ParseAgenda(text string) ([]AgendaDay, error) {
	var days []AgendaDay
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	dayLine := 0
	for n, raw := range lines {
		line := strings.TrimSpace(raw)
		no := n + 1
		switch {
		case line == "":
			continue
		case isDayLine(line):
			if len(days) > 0 && len(days[len(days)-1].Items) == 0 {
				return nil, &AgendaError{dayLine, "dagen har ingen programpunkter"}
			}
			title := ""
			if _, after, ok := strings.Cut(line, ":"); ok {
				title = strings.TrimSpace(after)
			}
			days = append(days, AgendaDay{DayNo: len(days) + 1, Title: title})
			dayLine = no
		case strings.HasPrefix(line, "-"):
			p := strings.TrimSpace(strings.TrimPrefix(line, "-"))
			if len(days) == 0 || len(days[len(days)-1].Items) == 0 {
				return nil, &AgendaError{no, "et punkt (-) skal stå under et programpunkt"}
			}
			if p == "" {
				return nil, &AgendaError{no, "punktet er tomt"}
			}
			d := &days[len(days)-1]
			it := &d.Items[len(d.Items)-1]
			it.Points = append(it.Points, p)
		default:
			parts := strings.SplitN(line, "|", 3)
			if len(parts) < 2 {
				return nil, &AgendaError{no, "skriv tidspunkt | titel, f.eks. 09:00 | Ankomst"}
			}
			at, ok := clock(strings.TrimSpace(parts[0]))
			if !ok {
				return nil, &AgendaError{no, "tidspunktet skal skrives tt:mm, f.eks. 09:00"}
			}
			it := AgendaItem{At: at, Title: strings.TrimSpace(parts[1])}
			if it.Title == "" {
				return nil, &AgendaError{no, "programpunktet mangler en titel"}
			}
			if len(parts) == 3 {
				it.Speaker = strings.TrimSpace(parts[2])
				if strings.Contains(it.Speaker, "|") {
					return nil, &AgendaError{no, "højst to | på en linje: tidspunkt | titel | oplægsholder"}
				}
			}
			if len(days) == 0 {
				days = append(days, AgendaDay{DayNo: 1})
				dayLine = no
			}
			d := &days[len(days)-1]
			d.Items = append(d.Items, it)
		}
	}
	if len(days) > 0 && len(days[len(days)-1].Items) == 0 {
		return nil, &AgendaError{dayLine, "dagen har ingen programpunkter"}
	}
	return days, nil
}

// isDayLine is "Dag 2" or "Dag 2: Titel" (any case).
func isDayLine(line string) bool {
	head, _, _ := strings.Cut(line, ":")
	f := strings.Fields(head)
	if len(f) != 2 || !strings.EqualFold(f[0], "dag") {
		return false
	}
	n, err := strconv.Atoi(f[1])
	return err == nil && n > 0
}

// clock reads "9:00", "09:00" or "09.00" as "09:00".
func clock(s string) (string, bool) {
	s = strings.Replace(s, ".", ":", 1)
	t, err := time.Parse("15:04", s)
	if err != nil {
		return "", false
	}
	return t.Format("15:04"), true
}

// LocalInput is the value of a datetime-local input for t in Copenhagen.
func LocalInput(t time.Time) string { return t.In(Copenhagen).Format("2006-01-02T15:04") }

// DayInput is the value of a date input for a calendar day.
func DayInput(t time.Time) string { return t.Format("2006-01-02") }

// ParseLocal reads a time typed in Copenhagen: the datetime-local form
// "2027-03-03T08:45", or "03.03.2027 08:45" / "03.03.2027 kl. 08:45".
func ParseLocal(s string) (time.Time, bool) {
	s = strings.Join(strings.Fields(strings.Replace(s, "kl.", " ", 1)), " ")
	for _, layout := range []string{"2006-01-02T15:04", "2006-01-02 15:04", "02.01.2006 15:04", "2.1.2006 15:04"} {
		if t, err := time.ParseInLocation(layout, s, Copenhagen); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// ParseDay reads a calendar day, "2027-02-10" or "10.02.2027", as midnight
// UTC (how deadlines are kept).
func ParseDay(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"2006-01-02", "02.01.2006", "2.1.2006"} {
		if t, err := time.ParseInLocation(layout, s, time.UTC); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}
