package admin

import (
	"errors"
	"net/http"

	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

func mailRow(m store.OutgoingMail) views.MailRow {
	return views.MailRow{ID: m.ID, Kind: m.Kind, To: m.To, ToName: m.ToName, Subject: m.Subject, State: m.State,
		LastError: m.LastError, CreatedAt: m.CreatedAt, SentAt: m.SentAt, Text: m.Text}
}

// listMails shows the newest outgoing mails.
func (a *adminArea) listMails(w http.ResponseWriter, r *http.Request) {
	mails, err := a.store.RecentMails(r.Context(), 300)
	if err != nil {
		a.ServerError(w, r, err)
		return
	}
	rows := make([]views.MailRow, len(mails))
	for i, m := range mails {
		rows[i] = mailRow(m)
	}
	a.Render(w, r, http.StatusOK, views.AdminMails(a.adminPage(r, "Udgående mails"), rows))
}

// showMail shows one mail's text as it was sent.
func (a *adminArea) showMail(w http.ResponseWriter, r *http.Request) {
	id, ok := idParam(r)
	if !ok {
		a.notFound(w, r)
		return
	}
	m, err := a.store.Mail(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		a.notFound(w, r)
		return
	} else if err != nil {
		a.ServerError(w, r, err)
		return
	}
	a.Render(w, r, http.StatusOK, views.AdminMail(a.adminPage(r, "Mail: "+m.Subject), mailRow(m)))
}
