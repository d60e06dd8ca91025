// Package mail composes the site's mails in Danish (plain text and HTML,
// with a calendar file for confirmed dates) and sends them over SMTP. Every
// mail is first recorded in the outgoing-mail table by the store; a River
// job then hands it to Sender.
package mail

// Message is one mail to one recipient.
type Message struct {
	Kind    string // confirmation, booking, waitlist, promoted, cancelled, substitute, inquiry, receipt
	To      string
	ToName  string
	ReplyTo string
	Subject string
	Text    string
	HTML    string
	ICS     string // calendar files, one VCALENDAR after another; attached when not empty
	ICSName string
	// Invites are the calendar invitations the mail carries; Calendars
	// renders them into ICS once their sequences are known.
	Invites []Invite
	Files   []File // further attachments, e.g. a diploma's PDF
}

// File is an attachment.
type File struct {
	Name, ContentType string
	Data              []byte
}
