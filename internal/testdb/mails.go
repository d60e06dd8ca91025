package testdb

import (
	"context"
	"testing"

	"kursuskatalog/internal/mail"
	"kursuskatalog/internal/store"
)

// MailText is the text of the newest mail matching where (an SQL
// condition on outgoing_mails, with args), as its receiver gets it: the
// link tokens still held for it put back in place of their placeholders.
// "" when no mail matches.
func MailText(t testing.TB, st *store.Store, where string, args ...any) string {
	t.Helper()
	text, _ := mailBodies(t, st, where, args...)
	return text
}

// MailHTML is MailText's HTML part.
func MailHTML(t testing.TB, st *store.Store, where string, args ...any) string {
	t.Helper()
	_, html := mailBodies(t, st, where, args...)
	return html
}

func mailBodies(t testing.TB, st *store.Store, where string, args ...any) (string, string) {
	t.Helper()
	var text, html string
	var tokens []string
	err := st.Pool.QueryRow(context.Background(), `
		SELECT text_body, html_body, array(SELECT token FROM mail_link_tokens k WHERE k.mail_id = m.id ORDER BY position)
		FROM outgoing_mails m WHERE `+where+` ORDER BY id DESC LIMIT 1`, args...).Scan(&text, &html, &tokens)
	if err != nil && err.Error() != "no rows in result set" {
		t.Fatalf("read mail: %v", err)
	}
	return mail.Restore(text, tokens), mail.Restore(html, tokens)
}
