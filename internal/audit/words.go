package audit

// The audit log's words in Danish. Fields are named as the columns and
// forms name them; a field without a label is shown by its name.

var entityNames = map[string]string{
	"course":       "Kursus",
	"course_date":  "Dato",
	"participant":  "Deltager",
	"booking":      "Tilmelding",
	"inquiry":      "Henvendelse",
	"venue":        "Sted",
	"consultant":   "Konsulent",
	"topic":        "Emne",
	"bundle_offer": "Pakke",
	"programme":    "Forløb",
	"staff_user":   "Medarbejder",
}

// EntityName is the Danish word for an entity ("Kursus").
func EntityName(entity string) string {
	if n, ok := entityNames[entity]; ok {
		return n
	}
	return entity
}

var actionTexts = map[string]string{
	"create":            "oprettet",
	"update":            "ændret",
	"delete":            "slettet",
	"cancel":            "afmeldt",
	"promote":           "fik plads fra ventelisten",
	"move":              "flyttet til en anden dato",
	"substitute":        "stedfortræder indsat",
	"invoice":           "markeret som faktureret",
	"phone_booking":     "tilmeldt pr. telefon",
	"publish":           "offentliggjort",
	"unpublish":         "gjort til kladde",
	"reply":             "besvaret pr. mail",
	"booker_cancel":     "afmeldt af bookeren",
	"booker_substitute": "stedfortræder indsat af bookeren",
	"image":             "billede gemt",
	"image_delete":      "billede fjernet",
	"attendance":        "fremmøde registreret",
	"offer_accept":      "sagde ja tak til en tilbudt plads",
	"offer_decline":     "sagde nej tak til en tilbudt plads",
}

// ActionText says what happened in Danish ("afmeldt"); a cancelled date is
// "aflyst".
func ActionText(entity, action string) string {
	if entity == "course_date" && action == "cancel" {
		return "aflyst"
	}
	if t, ok := actionTexts[action]; ok {
		return t
	}
	return action
}

var fieldLabels = map[string]string{
	"title": "Titel", "slug": "Adresse (slug)", "teaser": "Teaser", "audience": "Målgruppe",
	"description": "Beskrivelse", "content_intro": "Indhold, indledning", "content_bullets": "Indhold, punkter",
	"teaching_form": "Undervisningsform", "price_ore": "Pris ekskl. moms", "price": "Pris", "vat_rate_bp": "Moms",
	"price_covers": "Prisen dækker", "invoice_note": "Note om faktura", "partner_note": "Note om samarbejdspartner",
	"inhouse_available": "Tilbydes tilpasset", "consultant_id": "Konsulent", "consultant": "Konsulent",
	"status": "Status", "topics": "Emner", "agenda": "Program",
	"venue_id": "Sted", "venue": "Sted", "starts_at": "Start", "ends_at": "Slut", "deadline": "Tilmeldingsfrist",
	"capacity": "Pladser", "min_participants": "Mindste antal deltagere", "cancel_reason": "Begrundelse",
	"date_id": "Dato", "date": "Dato", "name": "Navn", "email": "E-mail", "job_title": "Stilling", "phone": "Telefon",
	"diet": "Kost", "accessibility": "Hensyn", "street": "Adresse", "postcode": "Postnummer", "city": "By",
	"region": "Region", "state": "Status", "internal_note": "Intern note", "invoice_number": "Fakturanummer",
	"invoiced_at": "Faktureret", "role": "Rolle", "password": "Adgangskode", "disabled": "Spærret",
	"courses": "Kurser", "last_day": "Sidste dag", "modules": "Moduler", "intro": "Indledning",
	"background": "Baggrund", "competences": "Kompetencer", "competences_intro": "Kompetencer, indledning",
	"contact_note": "Kontakt", "subject": "Emne", "reply_to": "Svar til", "participants": "Deltagere",
	"charged": "Betales", "arrival_note": "Ankomst og parkering", "residential": "Overnatning",
	"reminder_days": "Praktisk information (dage før)", "bring_note": "Medbring", "diploma_minutes": "Kursusbevisets minutter",
	"image": "Billede", "image_alt": "Alt-tekst", "present": "Til stede",
}

// FieldLabel is the Danish name of a field ("Pris ekskl. moms").
func FieldLabel(field string) string {
	if l, ok := fieldLabels[field]; ok {
		return l
	}
	return field
}

// StatusText is a participant's status in Danish.
func StatusText(status string) string {
	switch status {
	case "confirmed":
		return "Bekræftet"
	case "waitlisted":
		return "Venteliste"
	case "cancelled":
		return "Afmeldt"
	}
	return status
}
