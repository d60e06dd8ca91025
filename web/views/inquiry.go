package views

import "kursuskatalog/internal/catalog"

// InquiryForm is an inquiry as typed.
type InquiryForm struct {
	Name, Email, Phone, Organisation string
	Participants                     string
	Period, Place, Message           string
	Stamp                            string // signed time the form was shown (time trap)
}

// InquiryProps feeds the three inquiry forms.
type InquiryProps struct {
	Page       Page
	Kind       string // question, contact, inhouse
	Action     string // where the form posts
	Course     *catalog.Course
	Consultant *catalog.Consultant
	Form       InquiryForm
	Errors     FormErrors
}

func (p InquiryProps) heading() string {
	switch p.Kind {
	case "question":
		return "Spørg en COK'er"
	case "inhouse":
		return "Forløb tilpasset arbejdspladsen"
	}
	return "Kontakt COK"
}

func (p InquiryProps) intro() string {
	switch p.Kind {
	case "question":
		return "Har du spørgsmål til kurset, så skriv til konsulenten her. Du får svar på mail, normalt inden for to arbejdsdage."
	case "inhouse":
		return "Vi kan afholde kurset for jeres arbejdsplads og tilpasse indholdet til jer. Fortæl os lidt om jeres ønsker, så kontakter konsulenten dig."
	}
	return "Skriv til os, så svarer vi på mail, normalt inden for to arbejdsdage."
}

func (p InquiryProps) field(id, name, label, value, typ, autocomplete string, required bool, max int) Field {
	return Field{ID: id, Name: name, Label: label, Value: value, Type: typ, Autocomplete: autocomplete,
		Required: required, MaxLength: max, Error: p.Errors.Get(id)}
}
