package admin

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"kursuskatalog/internal/enrolment"
	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

// replyToInquiry mails staff's answer to whoever asked (from COK, with the
// consultant as reply-to) and keeps it on the inquiry's thread.
func (a *adminArea) replyToInquiry(w http.ResponseWriter, r *http.Request) {
	id, ok := a.postedID(w, r)
	if !ok {
		return
	}
	typed := views.AdminInquiryProps{ReplySubject: strings.TrimSpace(r.PostForm.Get("subject")),
		ReplyBody: strings.TrimSpace(r.PostForm.Get("body")), ReplyHandled: r.PostForm.Get("handled") == "ja"}
	e := &typed.ReplyErrors
	switch n := utf8.RuneCountInString(typed.ReplySubject); {
	case n == 0:
		e.Add("subject", "Skriv et emne til mailen")
	case n > 200:
		e.Add("subject", "Emnet må højst have 200 tegn")
	}
	switch n := utf8.RuneCountInString(typed.ReplyBody); {
	case n == 0:
		e.Add("body", "Skriv dit svar")
	case n > 10000:
		e.Add("body", "Svaret må højst have 10.000 tegn")
	}
	if e.Any() {
		a.renderInquiry(w, r, http.StatusUnprocessableEntity, &typed, views.FormErrors{})
		return
	}
	err := a.enrol.ReplyToInquiry(r.Context(), enrolment.Reply{InquiryID: id, StaffID: staffOf(r).ID,
		Subject: typed.ReplySubject, Body: typed.ReplyBody, MarkHandled: typed.ReplyHandled})
	if errors.Is(err, store.ErrNotFound) {
		a.notFound(w, r)
		return
	} else if err != nil {
		a.ServerError(w, r, err)
		return
	}
	a.flash(r, "Svaret er sendt og gemt på henvendelsen.")
	http.Redirect(w, r, "/admin/henvendelser/"+strconv.FormatInt(id, 10)+"#svar", http.StatusSeeOther)
}
