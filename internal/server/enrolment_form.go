package server

import (
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

// decodeEnrolment reads the enrolment form. It never fails: whatever was
// typed is kept (trimmed and cut to a sane length) so it can be shown again.
func decodeEnrolment(v url.Values) views.EnrolmentForm {
	f := views.EnrolmentForm{
		Token:            clip(v.Get("token"), 100),
		BookerName:       clip(v.Get("booker_name"), 300),
		BookerEmail:      clip(v.Get("booker_email"), 300),
		BookerPhone:      clip(v.Get("booker_phone"), 60),
		Self:             v.Get("self") != "",
		OrgName:          clip(v.Get("org_name"), 300),
		Department:       clip(v.Get("department"), 300),
		InvoiceKind:      v.Get("invoice_kind"),
		EAN:              clip(v.Get("ean"), 40),
		CVR:              clip(v.Get("cvr"), 40),
		InvoiceAddress:   clip(v.Get("invoice_address"), 600),
		InvoiceReference: clip(v.Get("reference"), 200),
		Comment:          clip(v.Get("comment"), 2500),
		Terms:            v.Get("terms") != "",
	}
	if f.InvoiceKind != "cvr" {
		f.InvoiceKind = "ean"
	}
	f.DateIDs = dateIDs(v["dato"])
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
			Name:          clip(v.Get(p+"name"), 300),
			Email:         clip(v.Get(p+"email"), 300),
			JobTitle:      clip(v.Get(p+"job"), 300),
			Diet:          clip(v.Get(p+"diet"), 600),
			Accessibility: clip(v.Get(p+"access"), 600),
		})
	}
	return f
}

// dateIDs parses the dato values: positive ids, each once, at most
// MaxDates+1 (one more than allowed, so that too many can be reported).
func dateIDs(vals []string) []int64 {
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

// clip trims s and cuts it to at most max bytes on a rune boundary.
func clip(s string, max int) string {
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

// tooLong reports a field longer than max characters.
func tooLong(e *views.FormErrors, id, label, s string, max int) {
	if utf8.RuneCountInString(s) > max {
		e.Add(id, label+" må højst være "+strconv.Itoa(max)+" tegn")
	}
}

// people returns the participants to book: the booker first when "Jeg
// deltager selv" is ticked, then every participant with anything typed.
func people(f views.EnrolmentForm) []views.ParticipantForm {
	var out []views.ParticipantForm
	if f.Self {
		out = append(out, views.ParticipantForm{Name: f.BookerName, Email: f.BookerEmail})
	}
	for _, p := range f.Participants {
		if !p.Empty() {
			out = append(out, p)
		}
	}
	return out
}

// validateEnrolment checks every field and returns the messages in the
// order of the form.
func validateEnrolment(f views.EnrolmentForm) views.FormErrors {
	var e views.FormErrors
	if len(f.DateIDs) == 0 {
		e.Add("datoer", "Vælg mindst én dato")
	}
	if len(f.DateIDs) > views.MaxDates {
		e.Add("datoer", "Der kan højst være "+strconv.Itoa(views.MaxDates)+" datoer på én tilmelding")
	}
	required(&e, "booker-name", "Skriv dit navn", f.BookerName)
	tooLong(&e, "booker-name", "Navnet", f.BookerName, 200)
	e.Add("booker-email", booking.CheckEmail(f.BookerEmail))
	e.Add("booker-phone", booking.CheckPhone(f.BookerPhone))
	required(&e, "org-name", "Skriv navnet på din organisation, f.eks. Aarhus Kommune", f.OrgName)
	tooLong(&e, "org-name", "Organisationens navn", f.OrgName, 200)
	tooLong(&e, "department", "Afdelingen", f.Department, 200)
	if f.InvoiceKind == "cvr" {
		e.Add("cvr", booking.CheckCVR(f.CVR))
		required(&e, "invoice-address", "Skriv fakturaadressen", f.InvoiceAddress)
		tooLong(&e, "invoice-address", "Fakturaadressen", f.InvoiceAddress, 500)
	} else {
		e.Add("ean", booking.CheckEAN(f.EAN))
	}
	tooLong(&e, "reference", "Referencen", f.InvoiceReference, 100)

	all := people(f)
	if len(all) == 0 {
		e.Add("p0-name", "Tilføj mindst én deltager, eller sæt kryds i “Jeg deltager selv”")
	}
	if len(all) > views.MaxParticipants {
		e.Add("deltagere", "Der kan højst være "+strconv.Itoa(views.MaxParticipants)+" deltagere på én tilmelding")
	}
	seen := map[string]bool{}
	if f.Self {
		seen[strings.ToLower(f.BookerEmail)] = true
	}
	for i, p := range f.Participants {
		if p.Empty() {
			continue
		}
		id := func(s string) string { return "p" + strconv.Itoa(i) + "-" + s }
		n := " (deltager " + strconv.Itoa(i+1) + ")"
		required(&e, id("name"), "Skriv deltagerens navn"+n, p.Name)
		tooLong(&e, id("name"), "Navnet"+n, p.Name, 200)
		if msg := booking.CheckEmail(p.Email); msg != "" {
			e.Add(id("email"), msg+n)
		} else if seen[strings.ToLower(p.Email)] {
			e.Add(id("email"), "Den samme e-mailadresse står to gange"+n)
		}
		seen[strings.ToLower(p.Email)] = true
		tooLong(&e, id("job"), "Stillingen"+n, p.JobTitle, 200)
		tooLong(&e, id("diet"), "Kost og allergier"+n, p.Diet, 500)
		tooLong(&e, id("access"), "Behov for tilgængelighed"+n, p.Accessibility, 500)
	}
	tooLong(&e, "comment", "Kommentaren", f.Comment, 2000)
	if !f.Terms {
		e.Add("vilkaar", "Sæt kryds for at acceptere betingelserne")
	}
	return e
}

func required(e *views.FormErrors, id, msg, v string) {
	if strings.TrimSpace(v) == "" {
		e.Add(id, msg)
	}
}

// newBooking turns a valid form into what the store books.
func newBooking(f views.EnrolmentForm, manageHash []byte) store.NewBooking {
	nb := store.NewBooking{
		FormTokenHash: hashToken(f.Token), ManageTokenHash: manageHash,
		BookerName: f.BookerName, BookerEmail: f.BookerEmail, BookerPhone: booking.NormalizePhone(f.BookerPhone),
		OrgName: f.OrgName, Department: f.Department, InvoiceReference: f.InvoiceReference, Comment: f.Comment,
		DateIDs: f.DateIDs,
	}
	if f.InvoiceKind == "cvr" {
		nb.CVR, nb.InvoiceAddress = booking.Digits(f.CVR), f.InvoiceAddress
	} else {
		nb.EAN = booking.Digits(f.EAN)
	}
	for _, p := range people(f) {
		nb.Participants = append(nb.Participants, store.NewParticipant{
			Name: p.Name, Email: p.Email, JobTitle: p.JobTitle, Diet: p.Diet, Accessibility: p.Accessibility,
		})
	}
	return nb
}
