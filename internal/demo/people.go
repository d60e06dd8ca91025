package demo

import (
	"fmt"
	"strings"
	"time"

	"kursuskatalog/internal/store"
)

// The demo's participants: every seat taken is a person on a booking, so
// staff can try the lists, the waiting lists, the CSV, the search and the
// statistics on the demo. Names and organisations are invented from
// common Danish names and real municipalities; everything is derived from
// the date, so a load gives the same people every time.

var firstNames = []string{"Mette", "Anne", "Hanne", "Susanne", "Lene", "Marianne", "Camilla", "Louise", "Charlotte", "Maria",
	"Peter", "Jens", "Lars", "Michael", "Henrik", "Søren", "Thomas", "Jesper", "Martin", "Anders", "Rasmus", "Ida",
	"Sofie", "Emil", "Frederik", "Kirsten", "Birgitte", "Niels", "Morten", "Karina"}

var lastNames = []string{"Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen",
	"Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Poulsen", "Johansen", "Møller",
	"Mortensen", "Knudsen", "Holm", "Bak", "Lund", "Dahl", "Vestergaard"}

var jobTitles = []string{"Udvalgssekretær", "Sagsbehandler", "Specialkonsulent", "Fuldmægtig", "Teamleder",
	"Chefkonsulent", "Socialrådgiver", "Kommunikationsmedarbejder", "HR-konsulent", "Økonomikonsulent", "Afdelingsleder"}

// orgs are the booking organisations: municipalities (with the domain of
// their mail) and a few that are not, so the statistics have an "Andre".
var orgs = []struct{ Name, Domain string }{
	{"Odense Kommune", "odense.dk"}, {"Aarhus Kommune", "aarhus.dk"}, {"Københavns Kommune", "kk.dk"},
	{"Aalborg Kommune", "aalborg.dk"}, {"Vejle Kommune", "vejle.dk"}, {"Esbjerg Kommune", "esbjerg.dk"},
	{"Roskilde Kommune", "roskilde.dk"}, {"Randers Kommune", "randers.dk"}, {"Kolding Kommune", "kolding.dk"},
	{"Horsens Kommune", "horsens.dk"}, {"Næstved Kommune", "naestved.dk"}, {"Frederiksberg Kommune", "frederiksberg.dk"},
	{"Silkeborg Kommune", "silkeborg.dk"}, {"Holbæk Kommune", "holbaek.dk"}, {"Hjørring Kommune", "hjoerring.dk"},
	{"Svendborg Kommune", "svendborg.dk"}, {"Gentofte Kommune", "gentofte.dk"}, {"Viborg Kommune", "viborg.dk"},
	{"Lyngby-Taarbæk Kommune", "ltk.dk"}, {"Faaborg-Midtfyn Kommune", "fmk.dk"}, {"Region Syddanmark", "rsyd.dk"},
	{"KL", "kl.dk"},
}

// seq is a small deterministic number stream for one date.
type seq struct{ x uint64 }

func (s *seq) next(n int) int {
	s.x ^= s.x << 13
	s.x ^= s.x >> 7
	s.x ^= s.x << 17
	return int(s.x % uint64(n))
}

// ean is a 13-digit GLN with a valid GS1 check digit, in the 5798 range
// Danish public bodies have, derived from n.
func ean(n int) string {
	body := fmt.Sprintf("5798%08d", 100000+n*7919%90000000)
	sum := 0
	for i, c := range body {
		d := int(c - '0')
		if i%2 == 1 {
			d *= 3
		}
		sum += d
	}
	return body + fmt.Sprint((10-sum%10)%10)
}

func emailPart(s string) string {
	return strings.NewReplacer("æ", "ae", "ø", "oe", "å", "aa", " ", ".").Replace(strings.ToLower(s))
}

// seatSpec is what a demo date holds: confirmed seats, people waiting,
// cancellations.
type seatSpec struct {
	Taken, Waiting, Cancelled int
}

// people books the date's seats as bookings of one to three colleagues
// of one organisation, made over the months before the start (and before
// now), then the waiting list and a cancellation or two. Bookings on dates
// that were held are invoiced.
func (l *loader) people(dateID int64, c courseSpec, start time.Time, spec seatSpec) error {
	r := &seq{x: uint64(dateID)*2654435761 + 1}
	price, vat := c.PriceKr*100, 2500
	if c.VATFree {
		vat = 0
	}
	last := l.now.Add(-2 * time.Hour)
	if start.Before(last) {
		last = start.AddDate(0, 0, -3)
	}
	statuses := make([]string, 0, spec.Taken+spec.Waiting+spec.Cancelled)
	for range spec.Taken {
		statuses = append(statuses, "confirmed")
	}
	for range spec.Cancelled {
		statuses = append(statuses, "cancelled")
	}
	for range spec.Waiting {
		statuses = append(statuses, "waitlisted")
	}
	for n, b := 0, 0; n < len(statuses); b++ {
		size := min(1+r.next(3), len(statuses)-n)
		if statuses[n] == "waitlisted" { // the waiting list fills late, one at a time
			size = 1
		}
		bk := l.demoBooking(r, dateID, b, start, last, float64(n)/float64(len(statuses)), statuses[n])
		domain := bk.BookerEmail[strings.Index(bk.BookerEmail, "@")+1:]
		for range size {
			name := firstNames[r.next(len(firstNames))] + " " + lastNames[r.next(len(lastNames))]
			s := store.LoadedSeat{DateID: dateID, Name: name, Email: fmt.Sprintf("%s.%d@%s", emailPart(name), n+1, domain),
				JobTitle: jobTitles[r.next(len(jobTitles))], Status: statuses[n], ListOre: price, PriceOre: price, VATRateBP: vat}
			if s.Status == "cancelled" {
				s.Reason, s.CancelledAt = "Afmeldt af bookeren", bk.CreatedAt.Add(72*time.Hour)
				if s.CancelledAt.After(last) {
					s.CancelledAt = last
				}
			}
			bk.Seats = append(bk.Seats, s)
			n++
		}
		l.loaded = append(l.loaded, bk)
	}
	return nil
}

// demoBooking is booking b of a date as its booker made it, at frac of the
// way from 150 days before the start to last; status is its first seat's.
func (l *loader) demoBooking(r *seq, dateID int64, b int, start, last time.Time, frac float64, status string) store.LoadedBooking {
	org := orgs[r.next(len(orgs))]
	span := last.Sub(start.AddDate(0, 0, -150))
	made := start.AddDate(0, 0, -150).Add(time.Duration(frac * float64(span))).Add(time.Duration(r.next(600)) * time.Minute)
	if made.After(last) {
		made = last
	}
	bk := store.LoadedBooking{
		Ref:        fmt.Sprintf("COK-DEMO-%d-%d", dateID, b+1),
		BookerName: firstNames[r.next(len(firstNames))] + " " + lastNames[r.next(len(lastNames))],
		Phone:      fmt.Sprintf("+45 %02d %02d %02d %02d", 20+r.next(70), r.next(100), r.next(100), r.next(100)),
		Org:        org.Name, EAN: ean(int(dateID)*31 + r.next(5)), Reference: fmt.Sprintf("Kursus %d", 1000+r.next(9000)),
		CreatedAt: made,
	}
	bk.BookerEmail = emailPart(bk.BookerName) + "@" + org.Domain
	// Their invoices are not issued: /admin/fakturering lists them as due
	// (issuing each makes its OIOUBL and PDF, more than a demo should wait
	// for when it loads).
	return bk
}
