package enrolment

import (
	"context"

	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/catalog"
	"kursuskatalog/internal/mail"
	"kursuskatalog/internal/store"
)

// Who answers inquiries about no course, or about a course without a
// consultant.
const (
	cokContactName  = "COK Kursusadministrationen"
	cokContactEmail = "kurser@cok.dk"
)

// Inquiry is a checked question, contact message or in-house request.
type Inquiry struct {
	store.Inquiry
	CourseTitle string              // "" when about no course
	Consultant  *catalog.Consultant // who answers; nil: COK's course administration
}

// SaveInquiry keeps an inquiry and mails it to whoever answers it (the
// reply goes to the sender) with a receipt to the sender, in one
// transaction, so it is kept even if mail fails. It returns the inquiry
// saved and the name of whoever answers it.
func (s *Service) SaveInquiry(ctx context.Context, q Inquiry) (store.Inquiry, string, error) {
	in := q.Inquiry
	info := mail.InquiryInfo{Kind: in.Kind, CourseTitle: q.CourseTitle, PageURL: in.PageURL,
		ToName: cokContactName, ToEmail: cokContactEmail,
		Name: in.Name, Email: in.Email, Phone: in.Phone, Organisation: in.Organisation,
		Participants: in.Participants, Period: in.Period, Place: in.Place, Message: in.Message}
	if c := q.Consultant; c != nil {
		in.ConsultantID = c.ID
		info.ToName, info.ToEmail = c.Name, c.Email
	}
	err := s.store.InTx(ctx, func(tx pgx.Tx) error {
		saved, err := store.InsertInquiry(ctx, tx, in, s.now())
		if err != nil {
			return err
		}
		in, info.ID = saved, saved.ID
		return s.record(ctx, tx, about(store.MailOwner{InquiryID: saved.ID}, mail.InquiryMails(info)...))
	})
	return in, info.ToName, err
}
