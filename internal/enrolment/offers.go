package enrolment

import (
	"context"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/audit"
	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/catalog"
	"kursuskatalog/internal/mail"
	"kursuskatalog/internal/store"
)

// Offers (tilbud om plads). A seat freed on a date is held and offered to
// the first on its waiting list who has no offer, with a window to answer
// (booking.OfferWindows); nobody is bound without saying yes. A "Nej tak",
// an offer let expire and an offer withdrawn (its participant left the
// list) give the seat to the next in line through a River job
// (offer_pass_on), inserted in the same transaction; so does the expiry,
// scheduled when the offer is made. A seat nobody waits for goes back to
// the date.

// Reasons stored with those who leave a waiting list through an offer.
const (
	declinedReason = "Sagde nej tak til en ledig plads"
	expiredReason  = "Svarede ikke på tilbuddet om en ledig plads"
)

// freedSeat is a seat freed on a locked date, still counted as taken.
type freedSeat struct {
	dateID  int64
	freedID int64 // the cancelled participant whose seat it was; 0 for others
	cause   string
}

// offerFreed offers each freed seat to the first waiting on its date, or
// gives it back to the date.
func (s *Service) offerFreed(ctx context.Context, tx pgx.Tx, freed []freedSeat, now time.Time, box *outbox) error {
	for _, f := range freed {
		made, err := s.offer(ctx, tx, f.dateID, f.freedID, f.cause, now, box)
		if err != nil {
			return err
		}
		if !made {
			if err := store.ReleaseSeat(ctx, tx, f.dateID); err != nil {
				return err
			}
		}
	}
	return nil
}

// offer offers a seat held on a locked date to the first waiting who has
// no offer, with its expiry job and its mails; made is false when nobody
// waits or the date takes nobody now (started or cancelled).
func (s *Service) offer(ctx context.Context, tx pgx.Tx, dateID, freedID int64, cause string, now time.Time, box *outbox) (made bool, err error) {
	dates, err := store.BookedDates(ctx, tx, []int64{dateID})
	if err != nil || len(dates) == 0 || !booking.CanOffer(dates[0].CourseDate, now) {
		return false, err
	}
	expires, ok := s.windows.Expiry(dates[0].StartsAt, now)
	if !ok {
		return false, nil
	}
	seatID, bookingID, ok, err := store.FirstWaiting(ctx, tx, dateID)
	if err != nil || !ok {
		return false, err
	}
	token := NewToken()
	o := booking.SeatOffer{ParticipantID: seatID, BookingID: bookingID, DateID: dateID, State: booking.OfferPending,
		Cause: cause, FreedID: freedID, OfferedAt: now, ExpiresAt: expires}
	if o.ID, err = store.InsertOffer(ctx, tx, o, HashToken(token)); err != nil {
		return false, err
	}
	if err := s.queue.PassOnOffer(ctx, tx, o.ID, expires); err != nil {
		return false, err
	}
	rec, err := store.ReceiptOf(ctx, tx, bookingID)
	if err != nil {
		return false, err
	}
	page := s.baseURL + "/tilbud/" + token
	box.add(bookingID, mail.OfferMails(rec, seatIn(rec, seatID), o, mail.OfferLinks{Yes: page + "?svar=ja", No: page + "?svar=nej"})...)
	return true, nil
}

// OfferPage reads the offer a link's token opens, as its page shows it.
func (s *Service) OfferPage(ctx context.Context, token string) (booking.OfferPage, error) {
	var p booking.OfferPage
	id, err := store.OfferIDByToken(ctx, s.store.Pool, HashToken(token))
	if err != nil {
		return p, err
	}
	if p.Offer, err = store.Offer(ctx, s.store.Pool, id); err != nil {
		return p, err
	}
	rec, err := store.ReceiptOf(ctx, s.store.Pool, p.Offer.BookingID)
	if err != nil {
		return p, err
	}
	p.Seat, p.Ref, p.BookerName, p.BookerEmail = seatIn(rec, p.Offer.ParticipantID), rec.Ref, rec.BookerName, rec.BookerEmail
	p.Date = rec.Date(p.Offer.DateID)
	return p, nil
}

// AnswerOffer answers the offer a link's token opens: yes takes the seat
// (binding after the deadline), no gives it to the next in line and takes
// the participant off the waiting list. An offer answered, expired or
// withdrawn is booking.ErrOfferClosed; the same answer twice (a double
// click) is not an error.
func (s *Service) AnswerOffer(ctx context.Context, token string, yes bool) error {
	now := s.now()
	return s.seatTx(ctx, func(tx pgx.Tx) error {
		id, err := store.OfferIDByToken(ctx, tx, HashToken(token))
		if err != nil {
			return err
		}
		o, d, err := store.LockOffer(ctx, tx, id)
		if err != nil {
			return err
		}
		if (yes && o.State == booking.OfferAccepted) || (!yes && o.State == booking.OfferDeclined) {
			return nil
		}
		if err := booking.CheckAnswer(o, now); err != nil {
			return err
		}
		var box outbox
		if yes {
			err = s.accept(ctx, tx, o, d, store.ByParticipant, 0, now, &box)
		} else {
			err = s.decline(ctx, tx, o, now, &box)
		}
		if err != nil {
			return err
		}
		if err := store.Record(ctx, tx, answerEntry(o, yes), now); err != nil {
			return err
		}
		return s.post(ctx, tx, box, now)
	})
}

// accept gives the seat held by an open offer to its participant: binding
// after the deadline, paid for from now (a change), and, when the seat
// was a binding one cancelled, that cancellation costs nothing any more.
func (s *Service) accept(ctx context.Context, tx pgx.Tx, o booking.SeatOffer, d catalog.CourseDate, by string, staffID int64, now time.Time, box *outbox) error {
	if err := store.CloseOffer(ctx, tx, o.ID, booking.OfferAccepted, by == store.ByStaff, now); err != nil {
		return err
	}
	before, err := store.ReceiptOf(ctx, tx, o.BookingID)
	if err != nil {
		return err
	}
	change, ok := booking.SeatTaken(before, o.ParticipantID)
	if !ok {
		return booking.ErrNotWaiting
	}
	if err := store.ConfirmParticipant(ctx, tx, o.ParticipantID, booking.AcceptBinds(d, now), now); err != nil {
		return err
	}
	if err := s.recordChange(ctx, tx, o.BookingID, change, by, staffID, now); err != nil {
		return err
	}
	rec, err := store.ReceiptOf(ctx, tx, o.BookingID)
	if err != nil {
		return err
	}
	if by == store.ByStaff {
		box.add(rec.ID, mail.PromotedMail(rec, seatIn(rec, o.ParticipantID), now)...)
	} else {
		box.add(rec.ID, mail.OfferAcceptedMails(rec, seatIn(rec, o.ParticipantID), now)...)
	}
	if o.FreedID == 0 {
		return nil
	}
	return s.refill(ctx, tx, o.FreedID, now, box)
}

// refill makes a charged cancelled seat free, now that someone from the
// waiting list has taken it, and tells its booker.
func (s *Service) refill(ctx context.Context, tx pgx.Tx, seatID int64, now time.Time, box *outbox) error {
	bookingID, err := store.BookingOfSeat(ctx, tx, seatID)
	if err != nil {
		return err
	}
	rec, err := store.ReceiptOf(ctx, tx, bookingID)
	if err != nil {
		return err
	}
	change, repriced, ok := booking.Refill(rec, seatID)
	if !ok {
		return nil // it was free already
	}
	if err := store.Uncharge(ctx, tx, seatID); err != nil {
		return err
	}
	if err := store.Reprice(ctx, tx, repriced); err != nil {
		return err
	}
	if err := s.recordChange(ctx, tx, bookingID, change, store.BySystem, 0, now); err != nil {
		return err
	}
	after, err := store.ReceiptOf(ctx, tx, bookingID)
	if err != nil {
		return err
	}
	box.add(bookingID, mail.RefilledMail(after, seatIn(rec, seatID), change, repriced))
	return nil
}

// decline closes an offer with "Nej tak": its participant leaves the
// waiting list, and the seat goes on by a job that runs at once.
func (s *Service) decline(ctx context.Context, tx pgx.Tx, o booking.SeatOffer, now time.Time, box *outbox) error {
	if err := store.CloseOffer(ctx, tx, o.ID, booking.OfferDeclined, false, now); err != nil {
		return err
	}
	if err := s.leave(ctx, tx, o, declinedReason, store.ByParticipant, now, box, mail.OfferDeclinedMails); err != nil {
		return err
	}
	return s.queue.PassOnOffer(ctx, tx, o.ID, now)
}

// leave takes an offer's participant off the waiting list, which may end
// a bundle price of their other seats (a change), and mails them.
func (s *Service) leave(ctx context.Context, tx pgx.Tx, o booking.SeatOffer, reason, by string, now time.Time, box *outbox,
	mails func(booking.Receipt, booking.CancelPlan) []mail.Message) error {
	rec, err := store.ReceiptOf(ctx, tx, o.BookingID)
	if err != nil {
		return err
	}
	plan, err := booking.PlanLeave(rec, o.ParticipantID)
	if err != nil {
		return err
	}
	if err := store.ApplyCancel(ctx, tx, plan, reason, now); err != nil {
		return err
	}
	if err := s.recordChange(ctx, tx, rec.ID, plan.Change(), by, 0, now); err != nil {
		return err
	}
	after, err := store.ReceiptOf(ctx, tx, rec.ID)
	if err != nil {
		return err
	}
	box.add(rec.ID, mails(after, plan)...)
	return nil
}

// PassOnOffer is the offer_pass_on job: an open offer past its expiry
// expires (its participant leaves the waiting list), and the seat of an
// offer that ended without a yes goes to the next in line, or back to
// the date. An offer still open before its expiry returns how long to
// wait; one accepted or passed on already is left alone, so the job may
// run any number of times.
func (s *Service) PassOnOffer(ctx context.Context, offerID int64) (time.Duration, error) {
	now := s.now()
	var wait time.Duration
	err := s.seatTx(ctx, func(tx pgx.Tx) error {
		o, d, err := store.LockOffer(ctx, tx, offerID)
		if err != nil || o.PassedOn || o.State == booking.OfferAccepted {
			return err
		}
		var box outbox
		if o.State == booking.OfferPending {
			if now.Before(o.ExpiresAt) {
				wait = o.ExpiresAt.Sub(now)
				return nil
			}
			if err := store.CloseOffer(ctx, tx, o.ID, booking.OfferExpired, false, now); err != nil {
				return err
			}
			if err := s.leave(ctx, tx, o, expiredReason, store.BySystem, now, &box, mail.OfferExpiredMails); err != nil {
				return err
			}
		}
		if err := store.MarkPassedOn(ctx, tx, o.ID, now); err != nil {
			return err
		}
		if d.Status != catalog.DateCancelled {
			if err := s.offerFreed(ctx, tx, []freedSeat{{d.ID, o.FreedID, booking.CausePassedOn}}, now, &box); err != nil {
				return err
			}
		}
		return s.post(ctx, tx, box, now)
	})
	if errors.Is(err, store.ErrNotFound) {
		return 0, nil // the booking is gone, and its offers with it
	}
	return wait, err
}

// withdraw closes the open offer of each participant leaving a waiting
// list (cancelled, moved), and has its seat passed on by a job at once.
func (s *Service) withdraw(ctx context.Context, tx pgx.Tx, seatIDs []int64, now time.Time) error {
	for _, id := range seatIDs {
		o, ok, err := store.OpenOfferOf(ctx, tx, id)
		if err != nil {
			return err
		}
		if !ok {
			continue
		}
		if err := store.CloseOffer(ctx, tx, o.ID, booking.OfferWithdrawn, false, now); err != nil {
			return err
		}
		if err := s.queue.PassOnOffer(ctx, tx, o.ID, now); err != nil {
			return err
		}
	}
	return nil
}

// answerEntry is the audit entry of a participant's own answer to an offer.
func answerEntry(o booking.SeatOffer, yes bool) audit.Entry {
	action, status := "offer_decline", booking.StatusCancelled
	if yes {
		action, status = "offer_accept", booking.StatusConfirmed
	}
	return audit.Entry{Actor: "Deltageren selv (tilbud om plads)", Entity: "participant", EntityID: o.ParticipantID, Action: action,
		Changes: audit.Changes{{Field: "status", Old: audit.StatusText(booking.StatusWaitlisted), New: audit.StatusText(status)}}}
}
