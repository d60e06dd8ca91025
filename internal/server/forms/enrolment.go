// Package forms decodes and checks the forms that both the public site and
// the staff area read: every form keeps what was typed, and each message
// names the field it concerns.
package forms

import (
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/catalog"
	"kursuskatalog/internal/enrolment"
	"kursuskatalog/web/views"
)

// DecodeEnrolment reads the enrolment form. It never fails: whatever was
// typed is kept (trimmed and cut to a sane length) so it can be shown again.
func DecodeEnrolment(v url.Values) views.EnrolmentForm {
	f := views.EnrolmentForm{
		Token:            Clip(v.Get("token"), 100),
		BookerName:       Clip(v.Get("booker_name"), 300),
		BookerEmail:      Clip(v.Get("booker_email"), 300),
		BookerPhone:      Clip(v.Get("booker_phone"), 60),
		Self:             v.Get("self") != "",
		OrgName:          Clip(v.Get("org_name"), 300),
		Department:       Clip(v.Get("department"), 300),
		InvoiceKind:      v.Get("invoice_kind"),
		EAN:              Clip(v.Get("ean"), 40),
		CVR:              Clip(v.Get("cvr"), 40),
		InvoiceAddress:   Clip(v.Get("invoice_address"), 600),
		InvoiceReference: Clip(v.Get("reference"), 200),
		Comment:          Clip(v.Get("comment"), 2500),
		Terms:            v.Get("terms") != "",
		SelfStay:         DecodeStay(v, "s_"),
	}
	if f.InvoiceKind != "cvr" {
		f.InvoiceKind = "ean"
	}
	f.DateIDs = DateIDs(v["dato"])
	// Participants are p0_name, p0_email, … up to the highest index typed.
	n := 0
	for key := range v {
		if !strings.HasPrefix(key, "p") {
			continue
		}
		i := strings.IndexByte(key, '_')
		if i < 2 {
			continue
		}
		k, err := strconv.Atoi(key[1:i])
		if err == nil && k >= 0 && k < views.MaxParticipants+1 && k+1 > n {
			n = k + 1
		}
	}
	for i := 0; i < n; i++ {
		p := "p" + strconv.Itoa(i) + "_"
		f.Participants = append(f.Participants, views.ParticipantForm{
			Name:          Clip(v.Get(p+"name"), 300),
			Email:         Clip(v.Get(p+"email"), 300),
			JobTitle:      Clip(v.Get(p+"job"), 300),
			Diet:          Clip(v.Get(p+"diet"), 600),
			Accessibility: Clip(v.Get(p+"access"), 600),
			Stay:          DecodeStay(v, p),
		})
	}
	return f
}

// DateIDs parses the dato values: positive ids, each once, at most
// MaxDates+1 (one more than allowed, so that too many can be reported).
func DateIDs(vals []string) []int64 {
	var ids []int64
	seen := map[int64]bool{}
	for _, s := range vals {
		id, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
		if err != nil || id <= 0 || seen[id] {
			continue
		}
		seen[id] = true
		ids = append(ids, id)
		if len(ids) > views.MaxDates {
			break
		}
	}
	return ids
}

// Clip trims s and cuts it to at most max bytes on a rune boundary.
func Clip(s string, max int) string {
	s = strings.TrimSpace(s)
	if len(s) <= max {
		return s
	}
	s = s[:max]
	for !utf8.ValidString(s) {
		s = s[:len(s)-1]
	}
	return s
}

// TooLong reports a field longer than max characters.
func TooLong(e *views.FormErrors, id, label, s string, max int) {
	if utf8.RuneCountInString(s) > max {
		e.Add(id, label+" må højst være "+strconv.Itoa(max)+" tegn")
	}
}

// People returns the participants to book: the booker first when "Jeg
// deltager selv" is ticked, then every participant with anything typed.
func People(f views.EnrolmentForm) []views.ParticipantForm {
	var out []views.ParticipantForm
	if f.Self {
		out = append(out, views.ParticipantForm{Name: f.BookerName, Email: f.BookerEmail,
			Diet: f.SelfStay.Diet, Accessibility: f.SelfStay.Access, Stay: f.SelfStay})
	}
	for _, p := range f.Participants {
		if !p.Empty() {
			out = append(out, p)
		}
	}
	return out
}

// ValidateEnrolment checks every field and returns the messages in the
// order of the form.
func ValidateEnrolment(f views.EnrolmentForm) views.FormErrors {
	var e views.FormErrors
	enrolmentLines(&e, f)
	if len(f.DateIDs) == 0 {
		e.Add("datoer", "Vælg mindst én dato")
	}
	if len(f.DateIDs) > views.MaxDates {
		e.Add("datoer", "Der kan højst være "+strconv.Itoa(views.MaxDates)+" datoer på én tilmelding")
	}
	Required(&e, "booker-name", "Skriv dit navn", f.BookerName)
	TooLong(&e, "booker-name", "Navnet", f.BookerName, 200)
	e.Add("booker-email", booking.CheckEmail(f.BookerEmail))
	e.Add("booker-phone", booking.CheckPhone(f.BookerPhone))
	Required(&e, "org-name", "Skriv navnet på din organisation, f.eks. Aarhus Kommune", f.OrgName)
	TooLong(&e, "org-name", "Organisationens navn", f.OrgName, 200)
	TooLong(&e, "department", "Afdelingen", f.Department, 200)
	if f.InvoiceKind == "cvr" {
		e.Add("cvr", booking.CheckCVR(f.CVR))
		Required(&e, "invoice-address", "Skriv fakturaadressen", f.InvoiceAddress)
		TooLong(&e, "invoice-address", "Fakturaadressen", f.InvoiceAddress, 500)
	} else {
		e.Add("ean", booking.CheckEAN(f.EAN))
	}
	TooLong(&e, "reference", "Referencen", f.InvoiceReference, 100)

	all := People(f)
	if len(all) == 0 {
		e.Add("p0-name", "Tilføj mindst én deltager, eller sæt kryds i “Jeg deltager selv”")
	}
	if len(all) > views.MaxParticipants {
		e.Add("deltagere", "Der kan højst være "+strconv.Itoa(views.MaxParticipants)+" deltagere på én tilmelding")
	}
	checkParticipants(&e, f)
	TooLong(&e, "comment", "Kommentaren", f.Comment, 2000)
	if !f.Terms {
		e.Add("vilkaar", "Sæt kryds for at acceptere betingelserne")
	}
	return e
}

// checkParticipants checks each participant typed, and the booker's own
// stay when they take part.
func checkParticipants(e *views.FormErrors, f views.EnrolmentForm) {
	seen := map[string]bool{}
	if f.Self {
		seen[strings.ToLower(f.BookerEmail)] = true
		CheckStay(e, "s", " (dig selv)", f.SelfStay, true)
	}
	for i, p := range f.Participants {
		if p.Empty() {
			continue
		}
		id := func(s string) string { return "p" + strconv.Itoa(i) + "-" + s }
		n := " (deltager " + strconv.Itoa(i+1) + ")"
		Required(e, id("name"), "Skriv deltagerens navn"+n, p.Name)
		TooLong(e, id("name"), "Navnet"+n, p.Name, 200)
		if msg := booking.CheckEmail(p.Email); msg != "" {
			e.Add(id("email"), msg+n)
		} else if seen[strings.ToLower(p.Email)] {
			e.Add(id("email"), "Den samme e-mailadresse står to gange"+n)
		}
		seen[strings.ToLower(p.Email)] = true
		TooLong(e, id("job"), "Stillingen"+n, p.JobTitle, 200)
		TooLong(e, id("diet"), "Kost og allergier"+n, p.Diet, 500)
		TooLong(e, id("access"), "Behov for tilgængelighed"+n, p.Accessibility, 500)
		CheckStay(e, id("s"), n, p.Stay, false)
	}
}

// enrolmentLines refuses control characters in the enrolment form's
// one-line fields: names and addresses go into mails' headers, and every
// field into the participant lists (CSV) and invoices.
func enrolmentLines(e *views.FormErrors, f views.EnrolmentForm) {
	for _, l := range [][3]string{{"booker-name", "Navnet", f.BookerName}, {"booker-email", "E-mailadressen", f.BookerEmail},
		{"booker-phone", "Telefonnummeret", f.BookerPhone}, {"org-name", "Organisationens navn", f.OrgName},
		{"department", "Afdelingen", f.Department}, {"ean", "EAN-nummeret", f.EAN}, {"cvr", "CVR-nummeret", f.CVR},
		{"reference", "Referencen", f.InvoiceReference}} {
		OneLine(e, l[0], l[1], l[2])
	}
	for i, p := range f.Participants {
		n := " (deltager " + strconv.Itoa(i+1) + ")"
		OneLine(e, "p"+strconv.Itoa(i)+"-name", "Navnet"+n, p.Name)
		OneLine(e, "p"+strconv.Itoa(i)+"-email", "E-mailadressen"+n, p.Email)
		OneLine(e, "p"+strconv.Itoa(i)+"-job", "Stillingen"+n, p.JobTitle)
	}
}

// Required reports an empty field with msg.
func Required(e *views.FormErrors, id, msg, v string) {
	if strings.TrimSpace(v) == "" {
		e.Add(id, msg)
	}
}

// Booking turns a valid form into the booking to make.
func Booking(f views.EnrolmentForm) enrolment.Booking {
	b := enrolment.Booking{FormToken: f.Token, Booker: booking.Booker{
		Name: f.BookerName, Email: f.BookerEmail, Phone: booking.NormalizePhone(f.BookerPhone),
		OrgName: f.OrgName, Department: f.Department, InvoiceReference: f.InvoiceReference, Comment: f.Comment,
	}}
	if f.InvoiceKind == "cvr" {
		b.Booker.CVR, b.Booker.InvoiceAddress = booking.Digits(f.CVR), f.InvoiceAddress
	} else {
		b.Booker.EAN = booking.Digits(f.EAN)
	}
	b.DateIDs = f.DateIDs
	for _, p := range People(f) {
		b.People = append(b.People, booking.Person{
			Name: p.Name, Email: p.Email, JobTitle: p.JobTitle, Diet: p.Diet, Accessibility: p.Accessibility,
			Stay: p.Stay.Stay(),
		})
	}
	return b
}

// OneError is a single message for one field.
func OneError(field, msg string) views.FormErrors {
	var e views.FormErrors
	e.Add(field, msg)
	return e
}

// ClosedMessage says why a date took no enrolment.
func ClosedMessage(e *booking.DateClosedError) string {
	when := e.Date.CourseTitle + " den " + catalog.FormatDate(e.Date.StartsAt)
	switch e.Phase {
	case booking.PhaseCancelled:
		return when + " er aflyst. Vælg en anden dato"
	case booking.PhaseStarted:
		return when + " er begyndt eller afholdt. Vælg en anden dato"
	}
	return "Der kan ikke tilmeldes " + when
}

// AlreadyBookedMessage says who is on which date already, for the field of
// the participant concerned.
func AlreadyBookedMessage(e *booking.AlreadyBookedError) string {
	who := e.Email
	if who == "" {
		who = "En af deltagerne"
	}
	return who + " er allerede tilmeldt " + e.Date.CourseTitle + " den " + catalog.FormatDate(e.Date.StartsAt)
}

// ParticipantField is the id of the field of the participant with email,
// or fallback when none of the typed participants has it.
func ParticipantField(f views.EnrolmentForm, email, fallback string) string {
	field := fallback
	for i, p := range f.Participants {
		if email != "" && strings.EqualFold(p.Email, email) {
			field = "p" + strconv.Itoa(i) + "-email"
		}
	}
	return field
}
