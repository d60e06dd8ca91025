package demo

// The demo catalogue is written as these plain values; load.go turns them
// into rows. Keys (slugs, e-mails, venue keys) tie them together.

type consultantSpec struct {
	Name, JobTitle, Phone, Email string
}

type topicSpec struct {
	Slug, Name string
}

type venueSpec struct {
	Key                          string // used by courses to refer to the venue
	Name, Street, Postcode, City string
	Region                       string // hovedstaden, sjaelland, syddanmark, midtjylland, nordjylland
}

type agendaItemSpec struct {
	At      string // "09:00"
	Title   string
	Speaker string // "" or e.g. "Jacob Vase, Vase Consulting" (shown as "v/Jacob Vase, …")
	Points  []string
}

type agendaDaySpec struct {
	Items []agendaItemSpec
}

type courseSpec struct {
	Slug         string
	Title        string
	Teaser       string
	Audience     string
	Description  string // Markdown: paragraphs separated by blank lines, "## " subheadings
	ContentIntro string // e.g. "I løbet af to dage arbejder vi med:"
	Bullets      []string
	TeachingForm string
	PriceKr      int64 // excl. VAT, whole kroner
	VATFree      bool  // true: VAT rate 0 (e.g. courses funded by a public fund)
	PriceCovers  string
	PartnerNote  string
	Consultant   string   // consultant e-mail
	Topics       []string // topic slugs
	Days         int      // 1 or 2 (a two-day course runs 08:45 day one to 15:00 day two)
	Venues       []string // venue keys, one per date the course gets (1 to 3)
	Capacity     int      // seats per date, e.g. 24
	Agenda       []agendaDaySpec
	NotInhouse   bool // true: not offered as "Forløb tilpasset arbejdspladsen"
}
