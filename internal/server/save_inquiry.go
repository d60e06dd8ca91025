package server

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/enrolment"
	"kursuskatalog/internal/server/forms"
	"kursuskatalog/internal/server/respond"
	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

func (s *Server) saveQuestion(w http.ResponseWriter, r *http.Request) {
	s.saveInquiry(w, r, store.InquiryQuestion)
}

func (s *Server) saveInhouse(w http.ResponseWriter, r *http.Request) {
	s.saveInquiry(w, r, store.InquiryInhouse)
}

func (s *Server) saveContact(w http.ResponseWriter, r *http.Request) {
	s.saveInquiry(w, r, store.InquiryContact)
}

func (s *Server) saveInquiry(w http.ResponseWriter, r *http.Request, kind string) {
	if !respond.ParseForm(w, r) {
		return
	}
	t, ok := s.targetFor(w, r, kind)
	if !ok {
		return
	}
	addr := respond.ClientAddr(r)
	if r.PostForm.Get("website") != "" {
		// A bot filled the hidden field: thank it and keep nothing.
		s.log.Info("inquiry honeypot", "addr", addr)
		http.Redirect(w, r, "/tak", http.StatusSeeOther)
		return
	}
	f, errs := s.readInquiry(r, kind)
	if errs.Any() {
		s.renderInquiry(w, r, http.StatusUnprocessableEntity, t, f, errs)
		return
	}
	q := inquiryOf(f, kind, t, addr, s.baseURL.String())
	q.Stamp = r.PostForm.Get("stamp")
	_, to, err := s.enrol.SaveInquiry(r.Context(), q)
	switch {
	case errors.Is(err, booking.ErrFormUsed):
		// Sent before (a second click, the back button, a replay): it was
		// received once, and is not kept twice.
		http.Redirect(w, r, "/tak", http.StatusSeeOther)
	case errors.Is(err, booking.ErrTooManyInquiries):
		errs.Add("message", "Vi har fået mange henvendelser fra dig på det seneste, så vi kan ikke tage imod flere lige nu. "+
			"Prøv igen om en time, eller ring til os på +45 33 70 12 00 – det du skrev, står der stadig")
		w.Header().Set("Retry-After", strconv.Itoa(int(booking.InquiryWindow.Seconds())))
		s.renderInquiry(w, r, http.StatusTooManyRequests, t, f, errs)
	case store.IsUnavailable(err):
		errs.Add("message", "Vi kunne ikke gemme din henvendelse lige nu, fordi vores database ikke svarer. Intet er sendt. Prøv igen om et øjeblik – det du skrev, står der stadig")
		w.Header().Set("Retry-After", "5")
		s.renderInquiryWithoutStamp(w, r, t, f, errs)
	case err != nil:
		s.ServerError(w, r, err)
	default:
		http.Redirect(w, r, "/tak?til="+url.QueryEscape(to), http.StatusSeeOther)
	}
}

// readInquiry decodes and checks an inquiry form of kind, keeping what was
// typed.
func (s *Server) readInquiry(r *http.Request, kind string) (views.InquiryForm, views.FormErrors) {
	v := r.PostForm
	f := views.InquiryForm{
		Name: forms.Clip(v.Get("name"), 300), Email: forms.Clip(v.Get("email"), 300), Phone: forms.Clip(v.Get("phone"), 60),
		Organisation: forms.Clip(v.Get("organisation"), 300), Participants: forms.Clip(v.Get("participants"), 20),
		Period: forms.Clip(v.Get("period"), 300), Place: forms.Clip(v.Get("place"), 300), Message: forms.Clip(v.Get("message"), 6000),
	}
	var errs views.FormErrors
	// Name, address and the rest go into the mails' headers and lines.
	for _, l := range [][3]string{{"name", "Navnet", f.Name}, {"email", "E-mailadressen", f.Email}, {"phone", "Telefonnummeret", f.Phone},
		{"organisation", "Organisationens navn", f.Organisation}, {"participants", "Antallet af deltagere", f.Participants},
		{"period", "Perioden", f.Period}, {"place", "Stedet", f.Place}} {
		forms.OneLine(&errs, l[0], l[1], l[2])
	}
	if age, valid := s.stampAge(r.Context(), v.Get("stamp")); !valid || age > maxFormAge {
		errs.Add("message", "Formularen er for gammel. Send den igen – det du skrev, står der stadig")
	}
	inhouse := kind == store.InquiryInhouse
	if inhouse {
		forms.Required(&errs, "organisation", "Skriv navnet på jeres organisation", f.Organisation)
		forms.Required(&errs, "name", "Skriv kontaktpersonens navn", f.Name)
	} else {
		forms.Required(&errs, "name", "Skriv dit navn", f.Name)
	}
	forms.TooLong(&errs, "organisation", "Organisationens navn", f.Organisation, 200)
	forms.TooLong(&errs, "name", "Navnet", f.Name, 200)
	errs.Add("email", booking.CheckEmail(f.Email))
	if f.Phone != "" || inhouse {
		errs.Add("phone", booking.CheckPhone(f.Phone))
	}
	if inhouse {
		if n, err := strconv.Atoi(strings.TrimSpace(f.Participants)); err != nil || n < 1 || n > 10000 {
			errs.Add("participants", "Skriv antallet af deltagere som et tal, f.eks. 25")
		}
		forms.TooLong(&errs, "period", "Perioden", f.Period, 200)
		forms.TooLong(&errs, "place", "Stedet", f.Place, 200)
	} else {
		forms.Required(&errs, "message", "Skriv dit spørgsmål", f.Message)
	}
	forms.TooLong(&errs, "message", "Beskeden", f.Message, 5000)
	return f, errs
}

// inquiryOf is the inquiry a checked form asks the service to save.
func inquiryOf(f views.InquiryForm, kind string, t inquiryTarget, addr, base string) enrolment.Inquiry {
	msg := f.Message
	if msg == "" {
		msg = "(ingen særlige ønsker angivet)"
	}
	participants, _ := strconv.Atoi(strings.TrimSpace(f.Participants))
	if kind != store.InquiryInhouse {
		participants = 0
	}
	q := enrolment.Inquiry{Inquiry: store.Inquiry{Kind: kind, Name: f.Name, Email: f.Email, Phone: f.Phone,
		Organisation: f.Organisation, Participants: participants, Period: f.Period, Place: f.Place, Message: msg,
		ClientAddr: addr, PageURL: base + t.action}, Consultant: t.consultant}
	if t.course != nil {
		q.CourseID, q.CourseTitle = t.course.ID, t.course.Title
		q.PageURL = base + "/kurser/" + t.course.Slug
	}
	return q
}

// renderInquiryWithoutStamp shows the form when the database is away (no
// new stamp can be made; the old one is kept).
func (s *Server) renderInquiryWithoutStamp(w http.ResponseWriter, r *http.Request, t inquiryTarget, f views.InquiryForm, errs views.FormErrors) {
	f.Stamp = r.PostForm.Get("stamp")
	p := views.InquiryProps{Kind: t.kind, Action: t.action, Course: t.course, Consultant: t.consultant, Form: f, Errors: errs}
	p.Page = views.Page{Title: "Henvendelsen blev ikke sendt", Path: r.URL.Path, CSS: s.assets.URL("css/site.css"), JS: s.assets.URL("js/site.js"), Icon: s.assets.URL("favicon.svg"), NoIndex: true, Errors: errs.Any()}
	s.Render(w, r, http.StatusServiceUnavailable, views.Inquiry(p))
}
