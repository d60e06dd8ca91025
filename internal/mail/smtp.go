package mail

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	gomail "github.com/wneessen/go-mail"
)

// ErrUnreachable means the SMTP server could not be reached, or would not
// talk: no message was tried, and all may go once it is back.
var ErrUnreachable = errors.New("mail: SMTP server unreachable")

// ErrInvalid means a message could not be made (an address or header the
// mail library refuses): sending it again will never help.
var ErrInvalid = errors.New("mail: message cannot be sent")

// Sender delivers messages through one SMTP server. It is safe for
// concurrent use: each Send has its own connection.
type Sender struct {
	from   string
	domain string // of from, the right-hand side of our Message-IDs
	client *gomail.Client
}

// DefaultFrom is the sender address when MAIL_FROM is not set.
const DefaultFrom = "COK Kursuskatalog <kurser@cok.dk>"

// NewSender connects lazily to the server in u: smtp://user:pass@host:587
// uses STARTTLS when the server offers it, smtps:// uses TLS from the start.
func NewSender(u *url.URL, from string) (*Sender, error) {
	port := 25
	if p := u.Port(); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil {
			return nil, fmt.Errorf("SMTP port %q: %w", p, err)
		}
		port = n
	} else if u.Scheme == "smtps" {
		port = 465
	}
	opts := []gomail.Option{gomail.WithPort(port), gomail.WithTimeout(15 * time.Second)}
	if u.Scheme == "smtps" {
		opts = append(opts, gomail.WithSSL())
	} else {
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSOpportunistic))
	}
	if u.User != nil {
		pw, _ := u.User.Password()
		opts = append(opts, gomail.WithSMTPAuth(gomail.SMTPAuthAutoDiscover),
			gomail.WithUsername(u.User.Username()), gomail.WithPassword(pw))
	}
	c, err := gomail.NewClient(u.Hostname(), opts...)
	if err != nil {
		return nil, err
	}
	if from == "" {
		from = DefaultFrom
	}
	domain, err := fromDomain(from)
	if err != nil {
		return nil, err
	}
	return &Sender{from: from, domain: domain, client: c}, nil
}

// Send delivers msgs over one SMTP connection and returns an error for each
// message not delivered (nil for those that were), for the caller to retry.
// A message the server rejects does not stop the ones after it.
func (s *Sender) Send(ctx context.Context, msgs []Message) []error {
	errs := make([]error, len(msgs))
	built := make([]*gomail.Msg, len(msgs))
	for i, m := range msgs {
		if built[i], errs[i] = s.build(m); errs[i] != nil {
			errs[i] = fmt.Errorf("%w: %w", ErrInvalid, errs[i])
		}
	}
	failAll := func(err error) []error {
		for i := range errs {
			if built[i] != nil {
				errs[i] = err
			}
		}
		return errs
	}
	if !slices.ContainsFunc(built, func(m *gomail.Msg) bool { return m != nil }) {
		return errs
	}
	client, err := s.client.DialToSMTPClientWithContext(ctx)
	if err != nil {
		return failAll(fmt.Errorf("%w: dial: %w", ErrUnreachable, err))
	}
	// A failed QUIT after the messages were accepted does not undo them.
	defer s.client.CloseWithSMTPClient(client)
	// SendWithSMTPClient skips nil messages and marks each failed one; an
	// error with no message marked means none was sent (the connection
	// check failed).
	sendErr := s.client.SendWithSMTPClient(client, built...)
	marked := false
	for i, m := range built {
		if m != nil && m.HasSendError() {
			errs[i], marked = m.SendError(), true
		}
	}
	if sendErr != nil && !marked {
		return failAll(fmt.Errorf("%w: %w", ErrUnreachable, sendErr))
	}
	return errs
}

// build turns m into go-mail's message.
func (s *Sender) build(m Message) (*gomail.Msg, error) {
	msg := gomail.NewMsg()
	if err := msg.From(s.from); err != nil {
		return nil, fmt.Errorf("from: %w", err)
	}
	if err := msg.AddToFormat(m.ToName, m.To); err != nil {
		return nil, fmt.Errorf("to: %w", err)
	}
	if m.ReplyTo != "" {
		if err := msg.ReplyTo(m.ReplyTo); err != nil {
			return nil, fmt.Errorf("reply-to: %w", err)
		}
	}
	msg.Subject(m.Subject)
	msg.SetDate()
	msg.SetMessageIDWithValue(s.messageID())
	// RFC 3834: these mails are sent by the site, not a person, so
	// vacation responders and the like should not answer them.
	msg.SetGenHeader("Auto-Submitted", "auto-generated")
	msg.SetBodyString(gomail.TypeTextPlain, m.Text)
	if m.HTML != "" {
		msg.AddAlternativeString(gomail.TypeTextHTML, m.HTML)
	}
	for _, f := range calendarFiles(m) {
		if err := msg.AttachReader(f.name, strings.NewReader(f.body), gomail.WithFileContentType(gomail.ContentType(f.contentType))); err != nil {
			return nil, fmt.Errorf("attach: %w", err)
		}
	}
	for _, f := range m.Files {
		if err := msg.AttachReader(f.Name, bytes.NewReader(f.Data), gomail.WithFileContentType(gomail.ContentType(f.ContentType))); err != nil {
			return nil, fmt.Errorf("attach %s: %w", f.Name, err)
		}
	}
	return msg, nil
}
