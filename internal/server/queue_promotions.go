package server

import (
	"context"

	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/mail"
	"kursuskatalog/internal/store"
)

// queuePromotions mails everyone who got a seat from a waiting list (and
// their bookers), in the transaction that gave it to them.
func (s *Server) queuePromotions(ctx context.Context, tx pgx.Tx, promoted []store.Promotion) error {
	base := mail.Links{BaseURL: s.baseURL.String()}
	for _, p := range promoted {
		other, err := s.store.ReceiptByID(ctx, tx, p.BookingID)
		if err != nil {
			return err
		}
		for _, st := range other.Seats {
			if st.ID == p.Seat.ID {
				p.Seat = st
			}
		}
		if err := s.jobs.QueueMails(ctx, tx, other.ID, mail.PromotedMail(other, p.Seat, base, s.now())); err != nil {
			return err
		}
	}
	return nil
}
