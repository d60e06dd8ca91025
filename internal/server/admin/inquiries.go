package admin

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

func inquiryRow(q store.InquiryRow) views.InquiryRow {
	return views.InquiryRow{ID: q.ID, Kind: q.Kind, Name: q.Name, Email: q.Email, Phone: q.Phone, Organisation: q.Organisation,
		Participants: q.Participants, Period: q.Period, Place: q.Place, Message: q.Message, PageURL: q.PageURL, State: q.State,
		CreatedAt: q.CreatedAt, CourseTitle: q.CourseTitle, ConsultantID: q.ConsultantID, ConsultantName: q.ConsultantName,
		InternalNote: q.InternalNote}
}

// listInquiries is the inbox of questions, contact messages and in-house
// requests; new ones first by default.
func (a *adminArea) listInquiries(w http.ResponseWriter, r *http.Request) {
	state := "new"
	switch r.URL.Query().Get("status") {
	case "behandlet":
		state = "handled"
	case "alle":
		state = ""
	}
	list, err := a.store.Inquiries(r.Context(), state, 300)
	if err != nil {
		a.ServerError(w, r, err)
		return
	}
	p := views.AdminInquiriesProps{State: state, Page: a.adminPage(r, "Henvendelser")}
	for _, q := range list {
		p.Inquiries = append(p.Inquiries, inquiryRow(q))
	}
	a.Render(w, r, http.StatusOK, views.AdminInquiries(p))
}

func (a *adminArea) showInquiry(w http.ResponseWriter, r *http.Request) {
	a.renderInquiry(w, r, http.StatusOK, nil, views.FormErrors{})
}

// renderInquiry shows an inquiry with its form: the saved values, or typed
// (when not nil) with the messages.
func (a *adminArea) renderInquiry(w http.ResponseWriter, r *http.Request, status int, typed *views.AdminInquiryProps, errs views.FormErrors) {
	id, ok := idParam(r)
	if !ok {
		a.notFound(w, r)
		return
	}
	q, err := a.store.InquiryByID(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		a.notFound(w, r)
		return
	} else if err != nil {
		a.ServerError(w, r, err)
		return
	}
	cs, err := a.store.ConsultantOptions(r.Context())
	if err != nil {
		a.ServerError(w, r, err)
		return
	}
	p := views.AdminInquiryProps{Inquiry: inquiryRow(q), State: q.State, Note: q.InternalNote, Errors: errs,
		ReplySubject: replySubject(q), ReplyBody: replyBody(q, staffOf(r)), ReplyHandled: true}
	if q.ConsultantID != 0 {
		p.Consultant = strconv.FormatInt(q.ConsultantID, 10)
	}
	switch {
	case typed != nil && typed.ReplyErrors.Any():
		p.ReplySubject, p.ReplyBody, p.ReplyHandled, p.ReplyErrors = typed.ReplySubject, typed.ReplyBody, typed.ReplyHandled, typed.ReplyErrors
	case typed != nil:
		p.State, p.Consultant, p.Note = typed.State, typed.Consultant, typed.Note
	}
	if err := a.thread(r, &p, q); err != nil {
		a.ServerError(w, r, err)
		return
	}
	for _, c := range cs {
		p.Consultants = append(p.Consultants, views.Option{Value: strconv.FormatInt(c.ID, 10), Label: c.Name})
	}
	title := "Henvendelse fra " + q.Name
	if errs.Any() || p.ReplyErrors.Any() {
		title = "Fejl: " + title
	}
	p.Page = a.adminPage(r, title)
	a.Render(w, r, status, views.AdminInquiry(p))
}

// saveInquiry saves state, consultant and internal note of an inquiry.
func (a *adminArea) saveInquiry(w http.ResponseWriter, r *http.Request) {
	id, ok := a.postedID(w, r)
	if !ok {
		return
	}
	typed := views.AdminInquiryProps{State: r.PostForm.Get("state"), Consultant: r.PostForm.Get("consultant"),
		Note: strings.TrimSpace(r.PostForm.Get("note"))}
	var errs views.FormErrors
	if typed.State != "handled" {
		typed.State = "new"
	}
	consultant, known, err := a.consultantChoice(r, typed.Consultant)
	if err != nil {
		a.ServerError(w, r, err)
		return
	}
	if !known {
		errs.Add("consultant", "Vælg en konsulent fra listen")
	}
	if utf8.RuneCountInString(typed.Note) > 5000 {
		errs.Add("note", "Noten må højst have 5.000 tegn")
	}
	if errs.Any() {
		a.renderInquiry(w, r, http.StatusUnprocessableEntity, &typed, errs)
		return
	}
	err = a.store.UpdateInquiry(r.Context(), id, staffOf(r).ID,
		store.InquiryUpdate{State: typed.State, ConsultantID: consultant, InternalNote: typed.Note}, a.now())
	if errors.Is(err, store.ErrNotFound) {
		a.notFound(w, r)
		return
	} else if err != nil {
		a.ServerError(w, r, err)
		return
	}
	a.flash(r, "Henvendelsen er gemt.")
	http.Redirect(w, r, "/admin/henvendelser/"+strconv.FormatInt(id, 10), http.StatusSeeOther)
}

// consultantChoice reads a consultant select: "" is none; otherwise the id
// must be a consultant's (known false when not).
func (a *adminArea) consultantChoice(r *http.Request, value string) (id int64, known bool, err error) {
	if value == "" {
		return 0, true, nil
	}
	id, perr := strconv.ParseInt(value, 10, 64)
	cs, err := a.store.ConsultantOptions(r.Context())
	if err != nil || perr != nil {
		return 0, false, err
	}
	for _, c := range cs {
		if c.ID == id {
			return id, true, nil
		}
	}
	return 0, false, nil
}

// thread adds an inquiry's answers and where the asker's replies go.
func (a *adminArea) thread(r *http.Request, p *views.AdminInquiryProps, q store.InquiryRow) error {
	replies, err := a.store.InquiryReplies(r.Context(), q.ID)
	for _, x := range replies {
		p.Replies = append(p.Replies, views.ReplyRow{At: x.CreatedAt, StaffName: x.StaffName, ReplyTo: x.ReplyTo,
			Subject: x.Subject, Body: x.Body, MailID: x.MailID})
	}
	p.ReplyName, p.ReplyEmail = "COK Kursusadministrationen", "kurser@cok.dk"
	if q.ConsultantName != "" {
		p.ReplyName, p.ReplyEmail = q.ConsultantName, ""
	}
	return err
}

// replyBody is the answer as first offered: a greeting and the staff
// member's signature, room between them.
func replyBody(q store.InquiryRow, u store.StaffUser) string {
	name := u.Name
	if name == "" {
		name = u.Email
	}
	return "Kære " + q.Name + "\n\n\n\nVenlig hilsen\n" + name + "\nCOK – Center for Offentlig Kompetenceudvikling"
}

// replySubject is the answer's subject as first offered.
func replySubject(q store.InquiryRow) string {
	s := "Sv: Dit spørgsmål"
	if q.Kind == "inhouse" {
		s = "Sv: Forløb tilpasset jeres arbejdsplads"
	}
	if q.CourseTitle != "" {
		s += " om " + q.CourseTitle
	}
	return s
}
