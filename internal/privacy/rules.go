// Package privacy holds the retention rules for personal data, in one
// table: what each kind of data is for, on which legal basis it is kept,
// and when it is deleted or anonymised. The daily retention job, the
// `katalog retention` command and the privacy page (/privatliv) all read
// this table, so what the page says is what the site does. It also lists
// every cookie the site sets. Pure: no I/O.
package privacy

import (
	"time"
)

// Rule keys: one per kind of data, and the name each applied rule reports
// under.
const (
	Needs       = "behov"        // diet, allergens, accessibility and stay needs
	ClientAddr  = "ip-adresser"  // the sender's address on inquiries
	MailBodies  = "mailindhold"  // the text of sent mails
	Inquiries   = "henvendelser" // questions, contact and in-house requests
	People      = "personer"     // bookers and participants
	Bookkeeping = "bogfoering"   // the booking's billing data
	Invoices    = "fakturaer"    // issued invoices and credit notes
	Audit       = "handlingslog" // staff actions
	// UnsentLinks is not personal data but a safeguard: the link tokens of
	// mails recorded without SMTP (development) are dropped after a day.
	UnsentLinks = "links"
)

// The periods. Each is explained by its rule's Reason below.
const (
	NeedsDays       = 30 // after the course's end
	ClientAddrDays  = 7  // after the inquiry came in
	MailBodyDays    = 90 // after the mail was made
	InquiryMonths   = 12 // after the inquiry was closed
	PeopleMonths    = 24 // after the booking's last course ended
	BookkeepingYrs  = 5  // after the end of the financial year (the calendar year)
	AuditYears      = 5  // after the action
	UnsentLinkHours = 24 // link tokens of mails recorded without SMTP (development)
)

// Result is what one rule did when applied: how many rows it deleted or
// anonymised (or, in a dry run, would have).
type Result struct {
	Key  string
	Rows int64
}

// Rule is one kind of personal data and what becomes of it.
type Rule struct {
	Key     string
	Data    string // what is kept (Danish, as the privacy page says it)
	Purpose string // what for
	Basis   string // the legal basis
	Period  string // how long
	Action  string // what happens then
	Reason  string // why that period
}

// Rules is the retention table, in the order the privacy page lists it.
var Rules = []Rule{
	{Key: Needs,
		Data:    "Kostønsker, allergener, behov for tilgængelighed og andre behov under opholdet",
		Purpose: "At kursusstedet kan tage hensyn til deltageren under kurset og opholdet.",
		Basis:   "Udtrykkeligt samtykke, når oplysningerne skrives i tilmeldingen (databeskyttelsesforordningens art. 6, stk. 1, litra a, og art. 9, stk. 2, litra a).",
		Period:  "30 dage efter kursets sidste dag",
		Action:  "Slettes",
		Reason:  "Oplysningerne kan være helbredsoplysninger og bruges kun til selve kurset; 30 dage giver tid til at afklare en klage over forplejningen."},
	{Key: People,
		Data:    "Bestillerens og deltagernes navn, e-mail, telefon, stilling og kommentarer, links til egne sider og fremmøde",
		Purpose: "At afholde kurset, sende kursusbevis og evaluering, svare på spørgsmål om tilmeldingen og se tidligere forløb ved ny tilmelding.",
		Basis:   "Aftalen om kurset og COK's legitime interesse i at kunne dokumentere gennemførte kurser (art. 6, stk. 1, litra b og f).",
		Period:  "24 måneder efter tilmeldingens sidste kursusdag",
		Action:  "Anonymiseres",
		Reason:  "Deltagere beder ofte om et nyt kursusbevis eller dokumentation for et gennemført grundmodul, når de tilmelder sig et specialmodul; forløbene strækker sig sjældent over mere end to år."},
	{Key: Bookkeeping,
		Data:    "Tilmeldingens fakturaoplysninger: organisation, EAN/CVR, fakturaadresse, reference, priser og ændringer i prisen",
		Purpose: "Fakturering og regnskab.",
		Basis:   "Retlig forpligtelse efter bogføringsloven (art. 6, stk. 1, litra c).",
		Period:  "5 år efter udgangen af det regnskabsår (kalenderår), hvor tilmeldingen sidst blev faktureret eller ændret",
		Action:  "Slettes med resten af tilmeldingen",
		Reason:  "Bogføringsloven kræver, at regnskabsmateriale opbevares i 5 år fra udgangen af regnskabsåret; en sletning beder ikke om det før."},
	{Key: Invoices,
		Data:    "Udstedte fakturaer og kreditnotaer: køberen, kontaktperson, reference, deltagernes navne på linjerne og beløbene",
		Purpose: "Regnskab og dokumentation over for kunden og myndighederne.",
		Basis:   "Retlig forpligtelse efter bogføringsloven (art. 6, stk. 1, litra c).",
		Period:  "5 år efter udgangen af det regnskabsår (kalenderår), hvor dokumentet blev udstedt",
		Action:  "Slettes; en faktura slettes først, når dens sidste kreditnota gør",
		Reason:  "Et udstedt bilag må ikke ændres eller slettes i den periode, bogføringsloven kræver; derfor anonymiseres det heller ikke sammen med tilmeldingen, og databasen afviser at slette det før tid."},
	{Key: Inquiries,
		Data:    "Henvendelser: navn, e-mail, telefon, organisation og beskeden",
		Purpose: "At besvare spørgsmål og ønsker om kurser.",
		Basis:   "COK's legitime interesse i at besvare henvendelser (art. 6, stk. 1, litra f).",
		Period:  "1 år efter at henvendelsen er afsluttet",
		Action:  "Slettes med de mails, der handler om den",
		Reason:  "Et opfølgende spørgsmål kommer typisk inden for et år."},
	{Key: MailBodies,
		Data:    "Indholdet af de mails, vi sender (modtager, tidspunkt og emne gemmes videre)",
		Purpose: "At kunne se, hvad der blev sendt, hvis nogen spørger.",
		Basis:   "COK's legitime interesse i at kunne hjælpe (art. 6, stk. 1, litra f).",
		Period:  "90 dage efter afsendelsen",
		Action:  "Indholdet slettes; modtager, tidspunkt og emne følger reglen for personer",
		Reason:  "Spørgsmål om en mail kommer inden for få uger. Links i mails gemmes aldrig, så de kan bruges: de sættes kun ind, når mailen sendes."},
	{Key: ClientAddr,
		Data:    "IP-adressen, som en henvendelse kom fra",
		Purpose: "At begrænse spam og misbrug af formularerne.",
		Basis:   "COK's legitime interesse i at beskytte sitet (art. 6, stk. 1, litra f).",
		Period:  "7 dage",
		Action:  "Slettes",
		Reason:  "Misbrug opdages inden for dage. Tællere for antal forsøg pr. adresse slettes efter et døgn."},
	{Key: Audit,
		Data:    "Handlingsloggen: hvem (medarbejder eller bestiller) der gjorde hvad og hvornår, hvem det drejede sig om, og gamle og nye værdier",
		Purpose: "At kunne se, hvem der har ændret en tilmelding.",
		Basis:   "COK's legitime interesse i sporbarhed og sikkerhed (art. 6, stk. 1, litra f, og art. 32).",
		Period:  "5 år",
		Action:  "Slettes",
		Reason:  "Følger bogføringsmaterialet. Når en tilmelding anonymiseres eller en henvendelse slettes, fjernes navne og værdier fra loggen; handlingen og tidspunktet står."},
}

// RuleOf returns the rule of key.
func RuleOf(key string) Rule {
	for _, r := range Rules {
		if r.Key == key {
			return r
		}
	}
	return Rule{}
}

// Cutoffs are the moments before which each rule applies, as of one time.
type Cutoffs struct {
	AsOf time.Time
	// Needs: participants whose date ended before this lose their needs.
	Needs time.Time
	// ClientAddr: inquiries made before this lose their address.
	ClientAddr time.Time
	// MailBodies: mails made before this lose their text.
	MailBodies time.Time
	// Inquiries: inquiries closed before this are deleted.
	Inquiries time.Time
	// People: bookings whose last date ended before this are anonymised.
	People time.Time
	// Bookkeeping: bookings last invoiced or changed before this are
	// deleted (the start of a Copenhagen calendar year).
	Bookkeeping time.Time
	// Audit: audit rows older than this are deleted.
	Audit time.Time
	// UnsentLinks: link tokens of mails recorded before this (without
	// SMTP) are deleted.
	UnsentLinks time.Time
}

var copenhagen = mustZone("Europe/Copenhagen")

func mustZone(name string) *time.Location {
	l, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return l
}

// CutoffsAt works out every rule's moment as of asOf.
func CutoffsAt(asOf time.Time) Cutoffs {
	return Cutoffs{
		AsOf:        asOf,
		Needs:       asOf.AddDate(0, 0, -NeedsDays),
		ClientAddr:  asOf.AddDate(0, 0, -ClientAddrDays),
		MailBodies:  asOf.AddDate(0, 0, -MailBodyDays),
		Inquiries:   asOf.AddDate(0, -InquiryMonths, 0),
		People:      asOf.AddDate(0, -PeopleMonths, 0),
		Bookkeeping: time.Date(asOf.In(copenhagen).Year()-BookkeepingYrs, 1, 1, 0, 0, 0, 0, copenhagen),
		Audit:       asOf.AddDate(-AuditYears, 0, 0),
		UnsentLinks: asOf.Add(-UnsentLinkHours * time.Hour),
	}
}

// BookkeepingUntil is the day a booking last invoiced or changed at last
// is deleted: 5 years after the end of that financial year.
func BookkeepingUntil(last time.Time) time.Time {
	return time.Date(last.In(copenhagen).Year()+BookkeepingYrs+1, 1, 1, 0, 0, 0, 0, copenhagen)
}

// PeopleUntil is when a booking whose last course ends at lastEnd is
// anonymised.
func PeopleUntil(lastEnd time.Time) time.Time { return lastEnd.AddDate(0, PeopleMonths, 0) }

// Seat is what erasure needs to know of one seat.
type Seat struct {
	Cancelled bool
	Ends      time.Time
}

// CanErase says whether a booking's people may be erased now: only when
// none of its seats is still to come, since a seat held needs its
// participant's name for the list at the door, and a waiting place its
// e-mail for the offer. The booker cancels first.
func CanErase(seats []Seat, now time.Time) bool {
	for _, s := range seats {
		if !s.Cancelled && !s.Ends.Before(now) {
			return false
		}
	}
	return true
}

// Cookie is one cookie the site sets.
type Cookie struct {
	Name     string
	Purpose  string
	Lifetime string
	Who      string // who gets it
}

// Cookies lists every cookie the site sets; a test collects the
// Set-Cookie names of real requests and compares them with this list.
// None is for statistics or marketing, so none needs consent.
var Cookies = []Cookie{
	{Name: "besoegende", Who: "Besøgende, der gemmer en favorit",
		Purpose:  "Et tilfældigt nummer, så vi kan vise dine favoritter. Vi gemmer kun en hash af nummeret; favoritterne slettes, når vi ikke har set browseren i 13 måneder.",
		Lifetime: "1 år"},
	{Name: "favoritter", Who: "Besøgende, der gemmer en favorit",
		Purpose:  "Numrene på de kurser og forløb, du har gemt, så siderne kan vise dem uden at slå op hos os. Følger cookien “besoegende”.",
		Lifetime: "1 år"},
	{Name: "kvittering", Who: "Den, der har tilmeldt",
		Purpose:  "Lader kun den browser, der tilmeldte, åbne kvitteringen og se linket til tilmeldingen.",
		Lifetime: "90 dage"},
	{Name: "cok_admin", Who: "COK's medarbejdere",
		Purpose:  "Holder medarbejderen logget ind i kursusadministrationen.",
		Lifetime: "Til browseren lukkes; logger ud efter 8 timer uden brug"},
	{Name: "cok_enhed", Who: "COK's medarbejdere",
		Purpose:  "Husker en browser, der har logget ind før, så andres forkerte forsøg ikke spærrer medarbejderen ude.",
		Lifetime: "1 år"},
}

// Controller is the data controller and how to reach them.
var Controller = struct {
	Name, Email, Phone string
}{
	Name:  "COK – Center for Offentlig Kompetenceudvikling",
	Email: "kurser@cok.dk",
	Phone: "+45 33 70 12 00",
}
