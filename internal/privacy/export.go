package privacy

import (
	"errors"
	"time"
)

// ErrSeatsAhead: the person still holds a seat or a waiting place on a
// course to come, which needs their name and e-mail; they cancel first.
var ErrSeatsAhead = errors.New("privacy: seats ahead")

// ErrBadEmail: the e-mail typed to look a person up is not one.
var ErrBadEmail = errors.New("privacy: not an e-mail address")

// Export is everything held about one booking, as the booker downloads
// it (JSON, with Danish keys, and a readable page).
type Export struct {
	Ref          string        `json:"tilmeldingsnummer"`
	Made         time.Time     `json:"oprettet"`
	Anonymised   *time.Time    `json:"anonymiseret,omitempty"`
	Booker       Booker        `json:"bestiller"`
	Billing      Billing       `json:"fakturering"`
	Participants []Participant `json:"deltagere"`
	Changes      []Change      `json:"prisaendringer"`
	Mails        []SentMail    `json:"mails"`
	Kept         Kept          `json:"opbevares"`
}

// Booker is who booked.
type Booker struct {
	Name    string `json:"navn"`
	Email   string `json:"email"`
	Phone   string `json:"telefon"`
	Comment string `json:"kommentar"`
}

// Billing is what the bookkeeping rule keeps.
type Billing struct {
	Organisation  string     `json:"organisation"`
	Department    string     `json:"afdeling"`
	EAN           string     `json:"ean"`
	CVR           string     `json:"cvr"`
	Address       string     `json:"fakturaadresse"`
	Reference     string     `json:"reference"`
	ExclOre       int64      `json:"pris_ekskl_moms_oere"`
	VATOre        int64      `json:"moms_oere"`
	InclOre       int64      `json:"pris_inkl_moms_oere"`
	InvoiceNumber string     `json:"fakturanummer"`
	InvoicedAt    *time.Time `json:"faktureret,omitempty"`
}

// Participant is one person on one date.
type Participant struct {
	Name          string    `json:"navn"`
	Email         string    `json:"email"`
	JobTitle      string    `json:"stilling"`
	Course        string    `json:"kursus"`
	Starts        time.Time `json:"start"`
	Ends          time.Time `json:"slut"`
	Venue         string    `json:"sted"`
	Status        string    `json:"status"`
	PriceOre      int64     `json:"pris_ekskl_moms_oere"`
	Diet          string    `json:"kost"`
	Allergens     []string  `json:"allergener"`
	Accessibility string    `json:"tilgaengelighed"`
	Overnight     *bool     `json:"overnatning"`
	EarlyArrival  bool      `json:"ankomst_aftenen_foer"`
	StayNeeds     string    `json:"andre_behov"`
	SubstituteFor string    `json:"stedfortraeder_for"`
	CancelReason  string    `json:"afmeldingsgrund"`
	Evaluated     bool      `json:"evaluering_besvaret"`
	Attendance    []Day     `json:"fremmoede"`
}

// Day is attendance on one course day.
type Day struct {
	Day     string `json:"dag"`
	Present bool   `json:"moedt"`
}

// Change is one change to what the booking costs.
type Change struct {
	At         time.Time `json:"tidspunkt"`
	Kind       string    `json:"hvad"`
	OldInclOre int64     `json:"foer_inkl_moms_oere"`
	NewInclOre int64     `json:"efter_inkl_moms_oere"`
}

// SentMail is a mail about the booking: who, when and what about.
type SentMail struct {
	At      time.Time `json:"tidspunkt"`
	To      string    `json:"til"`
	Subject string    `json:"emne"`
	State   string    `json:"status"`
}

// Kept says until when the booking's data is kept.
type Kept struct {
	People      time.Time `json:"personoplysninger_anonymiseres"`
	Bookkeeping time.Time `json:"fakturaoplysninger_slettes"`
}

// KeptFor works out Kept from the end of the booking's last course and its
// last bookkeeping entry (made, invoiced or changed).
func KeptFor(lastEnd, lastEntry time.Time) Kept {
	return Kept{People: PeopleUntil(lastEnd), Bookkeeping: BookkeepingUntil(lastEntry)}
}

// SeatsOf is what erasure needs of an export's seats.
func SeatsOf(e Export) []Seat {
	out := make([]Seat, len(e.Participants))
	for i, p := range e.Participants {
		out[i] = Seat{Cancelled: p.Status == "cancelled", Ends: p.Ends}
	}
	return out
}
