package enrolment

import (
	"context"
	"strings"

	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/audit"
	"kursuskatalog/internal/booking"
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
	// Stamp is the signed stamp of the form it was sent with, good for one
	// inquiry; "" for one that came another way.
	Stamp string
}

// SaveInquiry keeps an inquiry and mails it to whoever answers it (the
// reply goes to the sender) with a receipt to the sender, in one
// transaction, so it is kept even if mail fails. In that transaction the
// form's stamp, if any, is spent (booking.ErrFormUsed the second time) and the
// inquiry counted against the sender's limits (booking.ErrTooManyInquiries),
// so only accepted inquiries count and two sent at once are counted one
// after the other. It returns the inquiry saved and the name of whoever
// answers it.
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
		if err := s.admitInquiry(ctx, tx, in, q.Stamp); err != nil {
			return err
		}
		saved, err := store.InsertInquiry(ctx, tx, in, s.now())
		if err != nil {
			return err
		}
		in, info.ID = saved, saved.ID
		return s.record(ctx, tx, about(store.MailOwner{InquiryID: saved.ID}, mail.InquiryMails(info)...))
	})
	return in, info.ToName, err
}

// Reply is staff's answer to an inquiry.
type Reply struct {
	InquiryID   int64
	StaffID     int64
	Subject     string
	Body        string
	MarkHandled bool // the inquiry is handled with this answer
}

// ReplyToInquiry mails staff's answer from COK to whoever asked, with the
// inquiry's consultant (or COK's course administration) as reply-to, and
// keeps it on the inquiry's thread, in one transaction with the audit
// entry: an answer is on the thread exactly when its mail is recorded.
func (s *Service) ReplyToInquiry(ctx context.Context, r Reply) error {
	now := s.now()
	return s.store.InTx(ctx, func(tx pgx.Tx) error {
		q, consultantEmail, err := store.LockInquiry(ctx, tx, r.InquiryID)
		if err != nil {
			return err
		}
		replyName, replyEmail := cokContactName, cokContactEmail
		if consultantEmail != "" {
			replyName, replyEmail = q.ConsultantName, consultantEmail
		}
		m := mail.InquiryReplyMail(mail.InquiryReply{InquiryID: q.ID, ToName: q.Name, ToEmail: q.Email, Subject: r.Subject,
			Body: r.Body, Question: q.Message, ReplyToName: replyName, ReplyToEmail: replyEmail})
		ids, err := s.recordIDs(ctx, tx, about(store.MailOwner{InquiryID: q.ID}, m))
		if err != nil {
			return err
		}
		if err := store.InsertInquiryReply(ctx, tx, store.InquiryReply{InquiryID: q.ID, StaffID: r.StaffID, MailID: ids[0],
			ReplyTo: replyEmail, Subject: r.Subject, Body: r.Body}, now); err != nil {
			return err
		}
		changes := audit.Changes{{Field: "subject", New: r.Subject}, {Field: "reply_to", New: replyEmail}}
		if r.MarkHandled && q.State != "handled" {
			if err := store.SetInquiryState(ctx, tx, q.ID, "handled"); err != nil {
				return err
			}
			changes = append(changes, audit.Change{Field: "state", Old: store.InquiryStateText(q.State), New: store.InquiryStateText("handled")})
		}
		return store.Record(ctx, tx, audit.Entry{StaffID: r.StaffID, Entity: "inquiry", EntityID: q.ID, Action: "reply",
			Changes: changes}, now)
	})
}

// admitInquiry spends the form's stamp and counts the inquiry against the
// limits of its sender's e-mail and address, in tx.
func (s *Service) admitInquiry(ctx context.Context, tx pgx.Tx, in store.Inquiry, stamp string) error {
	now := s.now()
	if stamp != "" {
		fresh, err := store.UseFormStamp(ctx, tx, HashToken(stamp), now)
		if err != nil {
			return err
		}
		if !fresh {
			return booking.ErrFormUsed
		}
	}
	limits := []struct {
		key string
		max int
	}{
		{"henvendelse:email:" + strings.ToLower(in.Email), booking.InquiriesPerEmail},
		{"henvendelse:adresse:" + in.ClientAddr, booking.InquiriesPerAddress},
	}
	for _, l := range limits {
		n, err := store.Hit(ctx, tx, l.key, booking.InquiryWindow, now)
		if err != nil {
			return err
		}
		if n > l.max {
			return booking.ErrTooManyInquiries
		}
	}
	return nil
}
