package enrolment

import (
	"context"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/catalog"
	"kursuskatalog/internal/invoice"
	"kursuskatalog/internal/mail"
	"kursuskatalog/internal/store"
)

// issue numbers a document, renders it, stores it whole and sends it on
// its way, in tx: for an EAN the job that hands the OIOUBL to the access
// point, else a mail with the PDF to the booker. The number is taken last
// of the reads, so the year's counter is locked for as short as can be.
func (s *Service) issue(ctx context.Context, tx pgx.Tx, d invoice.Document, to issued, now time.Time) (string, error) {
	d.Supplier, d.IssuedAt, d.UUID = s.supplier, now, invoice.NewUUID()
	year := now.In(catalog.Copenhagen).Year()
	seq, err := store.NextDocumentNumber(ctx, tx, year)
	if err != nil {
		return "", err
	}
	d.Number = invoice.Number(year, seq)
	d.Sum()
	nd := store.NewDocument{Document: rowOf(d, to), Year: year, Seq: seq, UUID: d.UUID, StaffID: to.staffID}
	if d.Customer.EAN != "" {
		if nd.XML, err = invoice.OIOUBL(d); err != nil {
			return "", err
		}
	}
	if nd.PDF, err = invoice.PDF(d); err != nil {
		return "", err
	}
	id, err := store.InsertDocument(ctx, tx, nd)
	if err != nil {
		return "", err
	}
	if nd.Channel == channelAccessPoint {
		return d.Number, s.queue.SendDocument(ctx, tx, id)
	}
	m := mail.DocumentMail(nd.Document, to.toName, to.to, d.PaymentLines())
	return d.Number, s.record(ctx, tx, about(store.MailOwner{BookingID: to.bookingID, DocumentID: id}, m))
}

const (
	channelAccessPoint = "access_point"
	channelMail        = "mail"
)

// rowOf is the document as stored and listed.
func rowOf(d invoice.Document, to issued) booking.Document {
	c := d.Customer
	r := booking.Document{Kind: string(d.Kind), Number: d.Number, BookingID: to.bookingID, BookingRef: d.BookingRef,
		CreditsID: to.creditsID, CreditsNumber: d.Credits.Number, Reason: d.Reason, MadeBy: "system",
		IssuedAt: d.IssuedAt, DueDate: d.DueDate, OrgName: c.Name, Department: c.Department, EAN: c.EAN, CVR: c.CVR,
		Address: c.Address, Reference: c.Reference, ContactName: c.ContactName, ContactEmail: c.ContactEmail,
		ExclOre: d.ExclOre, VATOre: d.VATOre, InclOre: d.InclOre, Channel: channelMail}
	if to.staffID != 0 {
		r.MadeBy = "staff"
	}
	if c.EAN != "" {
		r.Channel = channelAccessPoint
	}
	for _, l := range d.Lines {
		r.Lines = append(r.Lines, booking.DocumentLine{No: l.No, SeatID: l.SeatID, Participant: l.Participant,
			CourseTitle: l.CourseTitle, StartsAt: l.StartsAt, EndsAt: l.EndsAt, ListOre: l.ListOre, PriceOre: l.PriceOre,
			VATRateBP: l.VATRateBP, VATOre: l.VATOre, CreditsLine: l.CreditsLine})
	}
	return r
}

// customerOf is the booking's customer as an invoice names it; the
// booking's number stands in for a reference not given (OIOUBL wants
// one as the order reference and the buyer's contact).
func customerOf(r booking.Receipt) invoice.Customer {
	ref := r.InvoiceReference
	if ref == "" {
		ref = r.Ref
	}
	return invoice.Customer{Name: r.OrgName, Department: r.Department, EAN: r.EAN, CVR: r.CVR, Address: r.InvoiceAddress,
		Reference: ref, ContactName: r.BookerName, ContactEmail: r.BookerEmail, ContactPhone: r.BookerPhone}
}

// customerOfDocument is the customer an issued document named: a credit
// note goes to the same.
func customerOfDocument(d booking.Document) invoice.Customer {
	return invoice.Customer{Name: d.OrgName, Department: d.Department, EAN: d.EAN, CVR: d.CVR, Address: d.Address,
		Reference: d.Reference, ContactName: d.ContactName, ContactEmail: d.ContactEmail}
}

// SendDocument hands an issued OIOUBL document to the access point and
// marks it sent; an error is recorded on the document and the job tries
// again. A document sent already, or one that goes by mail, is left.
func (s *Service) SendDocument(ctx context.Context, documentID int64) error {
	d, err := s.store.DocumentForSending(ctx, documentID)
	if err != nil || d.SentAt != nil || d.Channel != channelAccessPoint {
		return ignoreNotFound(err)
	}
	name := invoice.Document{Kind: invoice.Kind(d.Kind), Number: d.Number}.FileName("xml")
	if s.accessPoint == nil {
		return errors.Join(errNoAccessPoint, s.store.MarkDocumentSendError(ctx, documentID, errNoAccessPoint.Error()))
	}
	if err := s.accessPoint.Deliver(ctx, invoice.Delivery{FileName: name, EAN: d.EAN, XML: d.XML}); err != nil {
		return errors.Join(err, s.store.MarkDocumentSendError(ctx, documentID, err.Error()))
	}
	return s.store.MarkDocumentSent(ctx, documentID, s.now())
}

var errNoAccessPoint = errors.New("no access point configured")
