package demo

import (
	"context"
	"time"

	"kursuskatalog/internal/store"
)

// inquiries adds a few inquiries for staff to answer: new ones, one
// answered but still open, and one handled with its answer.
func (l *loader) inquiries(ctx context.Context, courseID, consultantID int64) error {
	type spec struct {
		in      store.Inquiry
		ago     time.Duration
		handled bool
		reply   string
	}
	for _, s := range []spec{
		{in: store.Inquiry{Kind: store.InquiryQuestion, CourseID: courseID, ConsultantID: consultantID, Name: "Mette Holm",
			Email: "mette.holm@odense.dk", Organisation: "Odense Kommune",
			Message: "Hej. Vi er to fra byrådssekretariatet, der gerne vil med. Kan vi tage egne sagsfremstillinger med til skriveværkstedet?"},
			ago: 50 * time.Hour},
		{in: store.Inquiry{Kind: store.InquiryInhouse, CourseID: courseID, ConsultantID: consultantID, Name: "Jesper Lund",
			Email: "jesper.lund@vejle.dk", Phone: "+45 76 81 00 00", Organisation: "Vejle Kommune", Participants: 18,
			Period: "Foråret, gerne april", Place: "Vejle Rådhus",
			Message: "Vi vil gerne have kurset for hele vores sekretariat hos os selv. Hvad koster det, og hvilke datoer kan I?"},
			ago: 5 * time.Hour},
		{in: store.Inquiry{Kind: store.InquiryQuestion, CourseID: courseID, ConsultantID: consultantID, Name: "Camilla Dahl",
			Email: "camilla.dahl@aarhus.dk", Organisation: "Aarhus Kommune",
			Message: "Er frokosten vegetarisk, eller skal jeg skrive det i tilmeldingen?"},
			ago: 4 * 24 * time.Hour, reply: "Kære Camilla\n\nSkriv det gerne under kost, når du tilmelder dig, så sørger hotellet for det."},
		{in: store.Inquiry{Kind: store.InquiryContact, Name: "Lars Poulsen", Email: "lars.poulsen@kolding.dk",
			Organisation: "Kolding Kommune", Message: "Kan jeg få en kopi af fakturaen for vores tilmelding i september?"},
			ago: 9 * 24 * time.Hour, handled: true, reply: "Kære Lars\n\nDu får fakturaen i en separat mail i dag."},
	} {
		at := l.now.Add(-s.ago)
		q, err := store.InsertInquiry(ctx, l.tx, s.in, at)
		if err != nil {
			return err
		}
		if s.reply != "" {
			if err := store.InsertInquiryReply(ctx, l.tx, store.InquiryReply{InquiryID: q.ID, ReplyTo: "kurser@cok.dk",
				Subject: "Sv: Dit spørgsmål", Body: s.reply}, at.Add(3*time.Hour)); err != nil {
				return err
			}
		}
		if s.handled {
			if err := store.SetInquiryState(ctx, l.tx, q.ID, "handled"); err != nil {
				return err
			}
		}
	}
	return nil
}
