package enrolment

import (
	"context"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/mail"
	"kursuskatalog/internal/store"
)

// LoginLinkTTL is how long a mailed login link works.
const LoginLinkTTL = 15 * time.Minute

// SendLoginLink mails an active staff user with e-mail address email a
// one-time link (to linkBase + token) that makes their browser a known
// device for the login throttle. The link's hash and the mail, with its
// send job, are recorded in one transaction. An unknown or disabled
// address gets nothing, and the caller cannot tell, so the login page
// never reveals which accounts exist.
func (s *Service) SendLoginLink(ctx context.Context, email, linkBase string) error {
	u, err := s.store.StaffUserByEmail(ctx, email)
	if errors.Is(err, store.ErrNotFound) || (err == nil && u.Disabled) {
		return nil
	}
	if err != nil {
		return err
	}
	token, now := NewToken(), s.now()
	expires := now.Add(LoginLinkTTL)
	return s.store.InTx(ctx, func(tx pgx.Tx) error {
		if err := store.InsertLoginLink(ctx, tx, HashToken(token), u.ID, now, expires); err != nil {
			return err
		}
		return s.record(ctx, tx, about(store.MailOwner{}, mail.LoginLinkMail(u.Email, u.Name, linkBase+token, expires)))
	})
}
