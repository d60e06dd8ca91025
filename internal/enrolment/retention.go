package enrolment

import (
	"context"
	"errors"
	"net/mail"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/privacy"
	"kursuskatalog/internal/store"
)

// errDryRun rolls back a dry run.
var errDryRun = errors.New("enrolment: dry run")

// ApplyRetention applies every retention rule of package privacy as of
// asOf, in one transaction, and returns what each did. A dry run counts
// the rows each rule would touch and changes nothing. The daily River job
// and `katalog retention` call it.
func (s *Service) ApplyRetention(ctx context.Context, asOf time.Time, dry bool) ([]privacy.Result, error) {
	c := privacy.CutoffsAt(asOf)
	steps := []struct {
		key string
		run func(tx pgx.Tx) (int64, error)
	}{
		{privacy.Needs, func(tx pgx.Tx) (int64, error) { return store.ClearNeeds(ctx, tx, c.Needs) }},
		{privacy.ClientAddr, func(tx pgx.Tx) (int64, error) { return store.ClearClientAddrs(ctx, tx, c.ClientAddr) }},
		{privacy.MailBodies, func(tx pgx.Tx) (int64, error) { return store.ClearMailBodies(ctx, tx, c.MailBodies, asOf) }},
		{privacy.Inquiries, func(tx pgx.Tx) (int64, error) { return store.DeleteInquiries(ctx, tx, c.Inquiries) }},
		{privacy.People, func(tx pgx.Tx) (int64, error) { return store.AnonymisePeople(ctx, tx, c.People, asOf) }},
		{privacy.Bookkeeping, func(tx pgx.Tx) (int64, error) { return store.DeleteBookkeeping(ctx, tx, c.Bookkeeping, asOf) }},
		{privacy.Invoices, func(tx pgx.Tx) (int64, error) { return store.DeleteInvoiceDocuments(ctx, tx, c.Bookkeeping, asOf) }},
		{privacy.Audit, func(tx pgx.Tx) (int64, error) { return store.DeleteAudit(ctx, tx, c.Audit) }},
		{privacy.UnsentLinks, func(tx pgx.Tx) (int64, error) { return store.DropUnsentLinkTokens(ctx, tx, c.UnsentLinks) }},
	}
	var out []privacy.Result
	err := s.store.InTx(ctx, func(tx pgx.Tx) error {
		for _, st := range steps {
			n, err := st.run(tx)
			if err != nil {
				return err
			}
			out = append(out, privacy.Result{Key: st.key, Rows: n})
		}
		if dry {
			return errDryRun
		}
		return nil
	})
	if errors.Is(err, errDryRun) {
		err = nil
	}
	return out, err
}

// Erased is what an erasure did and what it kept.
type Erased struct {
	Bookings  int // bookings whose people were anonymised (wholly or one person)
	Inquiries int // inquiries deleted
	// KeptUntil is when the last billing data kept is deleted (zero when
	// none is kept).
	KeptUntil time.Time
}

// EraseBooking anonymises at once the people of the booking whose manage
// link has hash (the booker's own request): names, e-mails, phone,
// needs, links and mail texts. Its billing data stays until the
// bookkeeping rule deletes it. Refused with privacy.ErrSeatsAhead while a
// seat or waiting place is still to come.
func (s *Service) EraseBooking(ctx context.Context, manageHash []byte) (Erased, error) {
	var out Erased
	err := s.store.InTx(ctx, func(tx pgx.Tx) error {
		id, err := store.LockBookingByManageToken(ctx, tx, manageHash)
		if err != nil {
			return err
		}
		e, err := store.BookingExport(ctx, tx, id)
		if err != nil {
			return err
		}
		if !privacy.CanErase(privacy.SeatsOf(e), s.now()) {
			return privacy.ErrSeatsAhead
		}
		if _, err := store.AnonymiseBookings(ctx, tx, []int64{id}, s.now()); err != nil {
			return err
		}
		out = Erased{Bookings: 1, KeptUntil: e.Kept.Bookkeeping}
		return store.Audit(ctx, tx, 0, "booking", id, "erase_by_booker", []string{"booker", "participants", "mails"}, s.now())
	})
	return out, err
}

// NormaliseEmail checks an e-mail address typed to look a person up.
func NormaliseEmail(s string) (string, error) {
	s = strings.TrimSpace(s)
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || !strings.Contains(s, "@") {
		return "", privacy.ErrBadEmail
	}
	return strings.ToLower(s), nil
}

// ErasePerson erases one person, by e-mail, at their request to COK:
// the bookings they made are anonymised whole, their seats in others'
// bookings anonymised, and their inquiries deleted, each with an audit row
// naming the staff member. Refused with privacy.ErrSeatsAhead (nothing
// done) while they hold a seat or waiting place to come.
func (s *Service) ErasePerson(ctx context.Context, staffID int64, email string) (Erased, error) {
	var out Erased
	now := s.now()
	err := s.store.InTx(ctx, func(tx pgx.Tx) error {
		bs, _, err := store.PersonRecordsTx(ctx, tx, email)
		if err != nil {
			return err
		}
		var own, others []int64
		for _, b := range bs {
			if !privacy.CanErase(b.Seats, now) {
				return privacy.ErrSeatsAhead
			}
			if b.AsBooker {
				own = append(own, b.ID)
			} else {
				others = append(others, b.ID)
			}
		}
		if _, err := store.AnonymiseBookings(ctx, tx, own, now); err != nil {
			return err
		}
		if _, err := store.AnonymiseParticipantsByEmail(ctx, tx, others, email, now); err != nil {
			return err
		}
		inq, err := store.DeleteInquiriesOf(ctx, tx, email)
		if err != nil {
			return err
		}
		out = Erased{Bookings: len(bs), Inquiries: len(inq)}
		return auditErasure(ctx, tx, staffID, bs, inq, now, &out)
	})
	return out, err
}

// auditErasure writes one audit row per booking and inquiry erased, and
// works out until when the bookings' billing data is kept.
func auditErasure(ctx context.Context, tx pgx.Tx, staffID int64, bs []store.PersonBooking, inq []int64, now time.Time, out *Erased) error {
	for _, b := range bs {
		if err := store.Audit(ctx, tx, staffID, "booking", b.ID, "erase_person", []string{"person"}, now); err != nil {
			return err
		}
		e, err := store.BookingExport(ctx, tx, b.ID)
		if err != nil {
			return err
		}
		if e.Kept.Bookkeeping.After(out.KeptUntil) {
			out.KeptUntil = e.Kept.Bookkeeping
		}
	}
	for _, id := range inq {
		if err := store.Audit(ctx, tx, staffID, "inquiry", id, "erase_person", []string{"inquiry"}, now); err != nil {
			return err
		}
	}
	return nil
}
