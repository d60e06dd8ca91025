package mail

import (
	"strconv"
	"strings"
)

// InquiryInfo is what the inquiry mails say.
type InquiryInfo struct {
	ID           int64
	Kind         string // question, contact, inhouse
	CourseTitle  string // "" when about no course
	PageURL      string
	ToName       string // the consultant, or COK
	ToEmail      string
	Name, Email  string
	Phone        string
	Organisation string
	Participants int
	Period       string
	Place        string
	Message      string
}

func kindTitle(kind string) string {
	switch kind {
	case "question":
		return "Spørgsmål"
	case "inhouse":
		return "Ønske om forløb tilpasset arbejdspladsen"
	}
	return "Henvendelse"
}

// InquiryMails are the mail to the consultant (reply goes to the sender)
// and the receipt to the sender.
func InquiryMails(in InquiryInfo) []Message {
	what := kindTitle(in.Kind)
	if in.CourseTitle != "" {
		what += " om " + in.CourseTitle
	}
	details := section{Heading: "Fra", Lines: []string{in.Name + " <" + in.Email + ">"}}
	if in.CourseTitle != "" {
		details.Lines = append(details.Lines, "Kursus: "+in.CourseTitle)
	}
	if in.Phone != "" {
		details.Lines = append(details.Lines, "Telefon: "+in.Phone)
	}
	if in.Organisation != "" {
		details.Lines = append(details.Lines, "Organisation: "+in.Organisation)
	}
	if in.Participants > 0 {
		details.Lines = append(details.Lines, "Antal deltagere: "+strconv.Itoa(in.Participants))
	}
	if in.Period != "" {
		details.Lines = append(details.Lines, "Ønsket periode: "+in.Period)
	}
	if in.Place != "" {
		details.Lines = append(details.Lines, "Ønsket sted: "+in.Place)
	}
	if in.PageURL != "" {
		details.Lines = append(details.Lines, "Sendt fra: "+in.PageURL)
	}
	ref := "henvendelse nr. " + strconv.FormatInt(in.ID, 10)
	staff := render("inquiry", in.ToEmail, in.ToName, what+" ("+ref+")", doc{
		Greeting: "Kære " + in.ToName,
		Intro:    []string{"Der er kommet " + kindTitleLower(in.Kind) + " via kursuskataloget. Svar direkte på denne mail for at svare afsenderen."},
		Sections: []section{details, {Heading: "Besked", Lines: []string{in.Message}}},
	})
	staff.ReplyTo = in.Email
	receipt := render("inquiry-receipt", in.Email, in.Name, "Tak for din henvendelse til COK", doc{
		Greeting: "Kære " + in.Name,
		Intro:    []string{"Tak for din henvendelse (" + ref + "). " + in.ToName + " har fået den og svarer dig normalt inden for to arbejdsdage."},
		Sections: []section{{Heading: "Det skrev du", Lines: []string{in.Message}}},
	})
	return []Message{staff, receipt}
}

func kindTitleLower(kind string) string {
	switch kind {
	case "question":
		return "et nyt spørgsmål"
	case "inhouse":
		return "en ny forespørgsel om et forløb tilpasset arbejdspladsen"
	}
	return "en ny henvendelse"
}

// InquiryReply is staff's answer to an inquiry.
type InquiryReply struct {
	InquiryID    int64
	ToName       string // who asked
	ToEmail      string
	Subject      string
	Body         string // what staff wrote; paragraphs apart by blank lines
	Question     string // the message answered, quoted below the answer
	ReplyToName  string // the consultant (or COK) answers to the reply go to
	ReplyToEmail string
}

// InquiryReplyMail is staff's answer as they wrote it, greeting and
// signature included, with the question quoted below; mailed from COK with
// the consultant as reply-to, so the asker's next answer reaches the
// consultant.
func InquiryReplyMail(r InquiryReply) Message {
	var paras []string
	for _, p := range strings.Split(strings.ReplaceAll(r.Body, "\r\n", "\n"), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			paras = append(paras, p)
		}
	}
	m := render("inquiry-reply", r.ToEmail, r.ToName, r.Subject, doc{
		Signed:   true,
		Intro:    paras,
		Sections: []section{{Heading: "Du skrev (henvendelse nr. " + strconv.FormatInt(r.InquiryID, 10) + ")", Lines: []string{r.Question}}},
		Outro:    []string{"Svar blot på denne mail, så går dit svar til " + r.ReplyToName + "."},
	})
	m.ReplyTo = r.ReplyToEmail
	return m
}
