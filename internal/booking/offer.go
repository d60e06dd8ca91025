package booking

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"kursuskatalog/internal/catalog"
)

// The rules of offers (tilbud om plads): a seat freed on a date with a
// waiting list is not given away but offered to the first in line, who
// says yes or no within a window; nobody is bound without saying yes.

// Offer states as stored.
const (
	OfferPending   = "offered"   // waiting for an answer
	OfferAccepted  = "accepted"  // "Ja tak": the seat is theirs
	OfferDeclined  = "declined"  // "Nej tak": off the waiting list, the seat goes on
	OfferExpired   = "expired"   // no answer in time: off the waiting list, the seat goes on
	OfferWithdrawn = "withdrawn" // they left the list, were cancelled or moved, or the date was
)

// Why a seat was offered, as stored.
const (
	CauseCancelled = "cancelled" // a seat cancelled by its booker or by staff
	CauseCapacity  = "capacity"  // more seats on the date
	CauseMoved     = "moved"     // a participant moved to another date
	CausePassedOn  = "passed_on" // the one before in line said no or did not answer
)

// SeatOffer is a seat offered to someone on a date's waiting list.
type SeatOffer struct {
	ID            int64
	ParticipantID int64
	BookingID     int64 // the participant's
	DateID        int64
	State         string
	Cause         string
	// FreedID is the cancelled seat that freed this one (through a chain
	// of offers passed on); 0 when more seats freed it.
	FreedID   int64
	OfferedAt time.Time
	ExpiresAt time.Time
	ClosedAt  *time.Time // when it closed: answered, expired or withdrawn
	ByStaff   bool       // answered by staff on the participant's behalf
	PassedOn  bool       // its seat has gone on to the next in line, or back to the date
}

// Answerable says whether the offer can still be answered at now: open,
// and not past its time (the job that expires it may not have run yet).
func (o SeatOffer) Answerable(now time.Time) bool {
	return o.State == OfferPending && now.Before(o.ExpiresAt)
}

// StateAt is the offer's state as people should see it at now: an open
// offer past its time is expired, whether or not its job has run.
func (o SeatOffer) StateAt(now time.Time) string {
	if o.State == OfferPending && !now.Before(o.ExpiresAt) {
		return OfferExpired
	}
	return o.State
}

// OfferStateLabel is the Danish word for an offer's state.
func OfferStateLabel(state string) string {
	switch state {
	case OfferPending:
		return "Tilbudt, venter på svar"
	case OfferAccepted:
		return "Sagt ja tak"
	case OfferDeclined:
		return "Sagt nej tak"
	case OfferExpired:
		return "Udløbet uden svar"
	case OfferWithdrawn:
		return "Trukket tilbage"
	}
	return state
}

// CheckAnswer says whether an offer may be answered at now: only an open
// one, before it expires. Any other is ErrOfferClosed.
func CheckAnswer(o SeatOffer, now time.Time) error {
	if !o.Answerable(now) {
		return ErrOfferClosed
	}
	return nil
}

// AcceptBinds says whether saying yes to a seat on d at now binds: after
// the deadline, as any enrolment then does. A place on the waiting list
// itself never binds.
func AcceptBinds(d catalog.CourseDate, now time.Time) bool {
	return !now.Before(DeadlineEnd(d.Deadline))
}

// CanOffer says whether a seat freed on d at now can be offered to its
// waiting list: a planned date that has not started.
func CanOffer(d catalog.CourseDate, now time.Time) bool {
	return d.Status != catalog.DateCancelled && now.Before(d.StartsAt)
}

// OfferWindows are how long someone offered a seat has to answer. The
// window shrinks as the start nears, so that a seat still reaches someone
// who can come: Window far from the start, and each Near window once the
// start is that close.
type OfferWindows struct {
	Window time.Duration
	Near   []NearWindow
}

// NearWindow is the window once the start is Within away.
type NearWindow struct {
	Within time.Duration
	Window time.Duration
}

// DefaultOfferWindows: 48 hours; 24 within two weeks of the start; 6
// within three days.
var DefaultOfferWindows = OfferWindows{Window: 48 * time.Hour, Near: []NearWindow{
	{Within: 14 * 24 * time.Hour, Window: 24 * time.Hour},
	{Within: 3 * 24 * time.Hour, Window: 6 * time.Hour},
}}

// Expiry is when an offer made at now on a date starting at start runs
// out: the window for the time left, and never after the start. ok is
// false when the date has started.
func (w OfferWindows) Expiry(start, now time.Time) (time.Time, bool) {
	left := start.Sub(now)
	if left <= 0 {
		return time.Time{}, false
	}
	window, within := w.Window, time.Duration(-1)
	for _, n := range w.Near {
		// The closest band that holds the time left decides.
		if left <= n.Within && (within < 0 || n.Within < within) {
			window, within = n.Window, n.Within
		}
	}
	exp := now.Add(window)
	if exp.After(start) {
		exp = start
	}
	return exp, true
}

// ParseOfferWindows reads windows written as "48h,14d:24h,3d:6h": the
// window far from the start, then "within:window" pairs. Durations are
// Go's (90m, 6h) or whole days (14d).
func ParseOfferWindows(s string) (OfferWindows, error) {
	parts := strings.Split(strings.ReplaceAll(s, " ", ""), ",")
	var w OfferWindows
	var err error
	if w.Window, err = parseSpan(parts[0]); err != nil {
		return w, err
	}
	for _, p := range parts[1:] {
		within, window, ok := strings.Cut(p, ":")
		if !ok {
			return w, fmt.Errorf("%q is not within:window, such as 3d:6h", p)
		}
		var n NearWindow
		if n.Within, err = parseSpan(within); err != nil {
			return w, err
		}
		if n.Window, err = parseSpan(window); err != nil {
			return w, err
		}
		w.Near = append(w.Near, n)
	}
	slices.SortFunc(w.Near, func(a, b NearWindow) int { return int(b.Within - a.Within) })
	return w, nil
}

// parseSpan reads a positive duration: Go's syntax or whole days ("14d").
func parseSpan(s string) (time.Duration, error) {
	var d time.Duration
	var err error
	if days, ok := strings.CutSuffix(s, "d"); ok {
		n, e := strconv.Atoi(days)
		d, err = time.Duration(n)*24*time.Hour, e
	} else {
		d, err = time.ParseDuration(s)
	}
	if err != nil || d <= 0 {
		return 0, errors.New("\"" + s + "\" is not a positive duration such as 48h or 14d")
	}
	return d, nil
}

// String writes the windows as ParseOfferWindows reads them.
func (w OfferWindows) String() string {
	out := []string{span(w.Window)}
	for _, n := range w.Near {
		out = append(out, span(n.Within)+":"+span(n.Window))
	}
	return strings.Join(out, ",")
}

func span(d time.Duration) string {
	if d%(24*time.Hour) == 0 {
		return strconv.Itoa(int(d/(24*time.Hour))) + "d"
	}
	s := d.String()
	s = strings.TrimSuffix(s, "0s")
	return strings.TrimSuffix(s, "0m")
}

// ErrOfferClosed means an offer can no longer be answered: it was
// answered, it expired, or it was withdrawn.
var ErrOfferClosed = errors.New("booking: the offer is closed")

// PersonKey is how a participant's e-mail names their calendar event for
// a date (its UID) and its sequence: the sha256 of the address in lower
// case, so the address itself is in neither.
func PersonKey(email string) []byte {
	h := sha256.Sum256([]byte(strings.ToLower(email)))
	return h[:]
}

// OfferPage is an offer as its page shows it: the seat offered, its date
// and the booking of the one offered it.
type OfferPage struct {
	Offer       SeatOffer
	Seat        Seat
	Date        BookedDate
	Ref         string
	BookerName  string
	BookerEmail string
}

// OfferTerms say what saying yes and no to an offer mean: the price, and
// whether the seat binds.
func OfferTerms(d BookedDate, s Seat, o SeatOffer) []string {
	price := "Pladsen koster " + catalog.FormatKroner(s.PriceOre) + " ekskl. moms."
	if s.OfferID != 0 {
		price = "Pladsen koster " + catalog.FormatKroner(s.PriceOre) + " ekskl. moms (pakkepris)."
	}
	end := DeadlineEnd(d.Deadline)
	var yes string
	switch {
	case !o.OfferedAt.Before(end):
		yes = "Tilmeldingsfristen er overskredet, så siger du ja tak, er tilmeldingen bindende med det samme. Du kan sende en stedfortræder, men afmelder du, skal pladsen betales, medmindre en fra ventelisten overtager den."
	case o.ExpiresAt.After(end):
		yes = "Siger du ja tak senest " + catalog.FormatDate(d.Deadline) + ", kan du afmelde gratis til og med den dag. Siger du ja tak senere, er tilmeldingen bindende med det samme."
	default:
		yes = "Siger du ja tak, kan du afmelde gratis til og med " + catalog.FormatDate(d.Deadline) + ". Derefter er tilmeldingen bindende, men du kan sende en stedfortræder."
	}
	return []string{price, yes,
		"Siger du nej tak, går pladsen videre til den næste på ventelisten, og du står ikke længere på ventelisten.",
		"Svarer du ikke senest " + catalog.FormatDateTime(o.ExpiresAt) + ", går pladsen videre til den næste på ventelisten, og du står ikke længere på ventelisten.",
		"Du er ikke bundet af noget, før du har sagt ja tak."}
}

// DateOffer is an offer as the staff's page of its date lists it.
type DateOffer struct {
	SeatOffer
	Name, Email, Ref string
	FreedName        string // whose cancelled seat it was; "" when more seats made it
}
