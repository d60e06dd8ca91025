package server

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/catalog"
	"kursuskatalog/internal/mail"
	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

// Spam is kept out without a CAPTCHA: a honeypot field, a minimum time
// between showing and posting the form, and a rate limit per address.
const (
	minFormTime     = 3 * time.Second
	maxFormAge      = 24 * time.Hour
	inquiryLimit    = 5 // per address and window
	inquiryWindow   = 10 * time.Minute
	cokContactName  = "COK Kursusadministrationen"
	cokContactEmail = "kurser@cok.dk"
)

// stampKey returns the key that signs form stamps, shared through Postgres
// by every server process and cached after the first use.
func (s *Server) stampKey(ctx context.Context) ([]byte, error) {
	s.keyMu.Lock()
	defer s.keyMu.Unlock()
	if s.formKey != nil {
		return s.formKey, nil
	}
	k, err := s.store.AppKey(ctx, "form-stamp")
	if err != nil {
		return nil, err
	}
	s.formKey = k
	return k, nil
}

func (s *Server) stamp(ctx context.Context) (string, error) {
	key, err := s.stampKey(ctx)
	if err != nil {
		return "", err
	}
	t := strconv.FormatInt(s.now().UnixMilli(), 10)
	m := hmac.New(sha256.New, key)
	m.Write([]byte(t))
	return t + "." + base64.RawURLEncoding.EncodeToString(m.Sum(nil)), nil
}

// stampAge says how long ago a stamp was made; ok is false for a forged or
// garbled one.
func (s *Server) stampAge(ctx context.Context, stamp string) (time.Duration, bool) {
	key, err := s.stampKey(ctx)
	if err != nil {
		return 0, false
	}
	t, sig, found := strings.Cut(stamp, ".")
	ms, perr := strconv.ParseInt(t, 10, 64)
	if !found || perr != nil {
		return 0, false
	}
	m := hmac.New(sha256.New, key)
	m.Write([]byte(t))
	want := base64.RawURLEncoding.EncodeToString(m.Sum(nil))
	if !hmac.Equal([]byte(sig), []byte(want)) {
		return 0, false
	}
	return s.now().Sub(time.UnixMilli(ms)), true
}

// inquiryTarget is what an inquiry is about and who gets it.
type inquiryTarget struct {
	kind       string
	action     string
	course     *catalog.Course
	consultant *catalog.Consultant
}

func (s *Server) targetFor(w http.ResponseWriter, r *http.Request, kind string) (inquiryTarget, bool) {
	t := inquiryTarget{kind: kind, action: "/kontakt"}
	if kind == store.InquiryContact {
		return t, true
	}
	slug := chi.URLParam(r, "slug")
	data, err := s.store.CoursePage(r.Context(), slug, s.now())
	var moved *store.SlugRedirect
	switch {
	case errors.As(err, &moved):
		suffix := "/spoerg"
		if kind == store.InquiryInhouse {
			suffix = "/tilpasset"
		}
		http.Redirect(w, r, "/kurser/"+moved.Slug+suffix, http.StatusMovedPermanently)
		return t, false
	case errors.Is(err, store.ErrNotFound):
		s.notFound(w, r)
		return t, false
	case err != nil:
		s.serverError(w, r, err)
		return t, false
	}
	if kind == store.InquiryInhouse && !data.Course.InhouseAvailable {
		s.notFound(w, r)
		return t, false
	}
	t.course, t.consultant = &data.Course, data.Consultant
	t.action = "/kurser/" + slug + "/spoerg"
	if kind == store.InquiryInhouse {
		t.action = "/kurser/" + slug + "/tilpasset"
	}
	return t, true
}

func (s *Server) renderInquiry(w http.ResponseWriter, r *http.Request, status int, t inquiryTarget, f views.InquiryForm, errs views.FormErrors) {
	st, err := s.stamp(r.Context())
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	f.Stamp = st
	p := views.InquiryProps{Kind: t.kind, Action: t.action, Course: t.course, Consultant: t.consultant, Form: f, Errors: errs}
	title := "Kontakt COK"
	switch t.kind {
	case store.InquiryQuestion:
		title = "Spørg en COK'er om " + t.course.Title
	case store.InquiryInhouse:
		title = t.course.Title + " tilpasset arbejdspladsen"
	}
	desc := ""
	if t.kind == store.InquiryContact {
		desc = "Skriv til COK – Center for Offentlig Kompetenceudvikling – om kurser, tilmeldinger, fakturaer og forløb tilpasset jeres arbejdsplads."
	}
	p.Page = s.page(r, title, desc)
	p.Page.Errors = errs.Any()
	if t.kind != store.InquiryContact {
		p.Page.NoIndex = true
	}
	w.Header().Set("Cache-Control", "no-store")
	s.render(w, r, status, views.Inquiry(p))
}

func (s *Server) showQuestion(w http.ResponseWriter, r *http.Request) {
	s.showInquiry(w, r, store.InquiryQuestion)
}
func (s *Server) showInhouse(w http.ResponseWriter, r *http.Request) {
	s.showInquiry(w, r, store.InquiryInhouse)
}
func (s *Server) showContact(w http.ResponseWriter, r *http.Request) {
	s.showInquiry(w, r, store.InquiryContact)
}
func (s *Server) saveQuestion(w http.ResponseWriter, r *http.Request) {
	s.saveInquiry(w, r, store.InquiryQuestion)
}
func (s *Server) saveInhouse(w http.ResponseWriter, r *http.Request) {
	s.saveInquiry(w, r, store.InquiryInhouse)
}
func (s *Server) saveContact(w http.ResponseWriter, r *http.Request) {
	s.saveInquiry(w, r, store.InquiryContact)
}

func (s *Server) showInquiry(w http.ResponseWriter, r *http.Request, kind string) {
	t, ok := s.targetFor(w, r, kind)
	if !ok {
		return
	}
	s.renderInquiry(w, r, http.StatusOK, t, views.InquiryForm{}, views.FormErrors{})
}

func (s *Server) saveInquiry(w http.ResponseWriter, r *http.Request, kind string) {
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	if err := r.ParseForm(); err != nil {
		http.Error(w, "Formularen kunne ikke læses.", http.StatusBadRequest)
		return
	}
	t, ok := s.targetFor(w, r, kind)
	if !ok {
		return
	}
	v := r.PostForm
	f := views.InquiryForm{
		Name: clip(v.Get("name"), 300), Email: clip(v.Get("email"), 300), Phone: clip(v.Get("phone"), 60),
		Organisation: clip(v.Get("organisation"), 300), Participants: clip(v.Get("participants"), 20),
		Period: clip(v.Get("period"), 300), Place: clip(v.Get("place"), 300), Message: clip(v.Get("message"), 6000),
	}
	addr := clientAddr(r)
	hits, err := s.store.Hit(r.Context(), "inquiry:"+addr, inquiryWindow, s.now())
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if v.Get("website") != "" {
		// A bot filled the hidden field: thank it and keep nothing.
		s.log.Info("inquiry honeypot", "addr", addr)
		http.Redirect(w, r, "/tak", http.StatusSeeOther)
		return
	}
	if hits > inquiryLimit {
		p := s.page(r, "For mange henvendelser", "")
		p.NoIndex = true
		w.Header().Set("Retry-After", strconv.Itoa(int(inquiryWindow.Seconds())))
		s.render(w, r, http.StatusTooManyRequests, views.Message(views.MessageProps{Page: p, Heading: "For mange henvendelser på kort tid",
			Text:     []string{"Vi har modtaget mange henvendelser fra din adresse inden for de sidste minutter. Vent lidt, og prøv igen – eller ring til os på +45 33 70 12 00."},
			LinkText: "Tilbage til kurserne", LinkURL: "/kurser"}))
		return
	}

	var errs views.FormErrors
	age, valid := s.stampAge(r.Context(), v.Get("stamp"))
	switch {
	case !valid || age > maxFormAge:
		errs.Add("message", "Formularen er for gammel. Send den igen – det du skrev, står der stadig")
	case age < minFormTime:
		errs.Add("message", "Formularen blev sendt meget hurtigt efter den blev vist. Vent et øjeblik, og send den igen")
	}
	participants := 0
	if kind == store.InquiryInhouse {
		required(&errs, "organisation", "Skriv navnet på jeres organisation", f.Organisation)
		required(&errs, "name", "Skriv kontaktpersonens navn", f.Name)
	} else {
		required(&errs, "name", "Skriv dit navn", f.Name)
	}
	tooLong(&errs, "organisation", "Organisationens navn", f.Organisation, 200)
	tooLong(&errs, "name", "Navnet", f.Name, 200)
	errs.Add("email", booking.CheckEmail(f.Email))
	if f.Phone != "" || kind == store.InquiryInhouse {
		errs.Add("phone", booking.CheckPhone(f.Phone))
	}
	if kind == store.InquiryInhouse {
		n, err := strconv.Atoi(strings.TrimSpace(f.Participants))
		if err != nil || n < 1 || n > 10000 {
			errs.Add("participants", "Skriv antallet af deltagere som et tal, f.eks. 25")
		}
		participants = n
		tooLong(&errs, "period", "Perioden", f.Period, 200)
		tooLong(&errs, "place", "Stedet", f.Place, 200)
	} else {
		required(&errs, "message", "Skriv dit spørgsmål", f.Message)
	}
	tooLong(&errs, "message", "Beskeden", f.Message, 5000)
	if errs.Any() {
		s.renderInquiry(w, r, http.StatusUnprocessableEntity, t, f, errs)
		return
	}
	msg := f.Message
	if msg == "" {
		msg = "(ingen særlige ønsker angivet)"
	}
	in := store.Inquiry{Kind: kind, Name: f.Name, Email: f.Email, Phone: f.Phone, Organisation: f.Organisation,
		Participants: participants, Period: f.Period, Place: f.Place, Message: msg, ClientAddr: addr,
		PageURL: s.baseURL.String() + t.action}
	info := mail.InquiryInfo{Kind: kind, ToName: cokContactName, ToEmail: cokContactEmail, PageURL: in.PageURL,
		Name: f.Name, Email: f.Email, Phone: f.Phone, Organisation: f.Organisation, Participants: participants,
		Period: f.Period, Place: f.Place, Message: msg}
	if t.course != nil {
		in.CourseID = t.course.ID
		info.CourseTitle = t.course.Title
		in.PageURL = s.baseURL.String() + "/kurser/" + t.course.Slug
		info.PageURL = in.PageURL
	}
	if t.consultant != nil {
		in.ConsultantID = t.consultant.ID
		info.ToName, info.ToEmail = t.consultant.Name, t.consultant.Email
	}
	_, err = s.store.SaveInquiry(r.Context(), in, s.now(), func(ctx context.Context, tx pgx.Tx, saved store.Inquiry) error {
		info.ID = saved.ID
		return s.jobs.QueueInquiryMails(ctx, tx, saved.ID, mail.InquiryMails(info))
	})
	if err != nil {
		if isUnavailable(err) {
			errs.Add("message", "Vi kunne ikke gemme din henvendelse lige nu, fordi vores database ikke svarer. Intet er sendt. Prøv igen om et øjeblik – det du skrev, står der stadig")
			w.Header().Set("Retry-After", "5")
			s.renderInquiryWithoutStamp(w, r, t, f, errs)
			return
		}
		s.serverError(w, r, err)
		return
	}
	http.Redirect(w, r, "/tak?til="+url.QueryEscape(info.ToName), http.StatusSeeOther)
}

// renderInquiryWithoutStamp shows the form when the database is away (no
// new stamp can be made; the old one is kept).
func (s *Server) renderInquiryWithoutStamp(w http.ResponseWriter, r *http.Request, t inquiryTarget, f views.InquiryForm, errs views.FormErrors) {
	f.Stamp = r.PostForm.Get("stamp")
	p := views.InquiryProps{Kind: t.kind, Action: t.action, Course: t.course, Consultant: t.consultant, Form: f, Errors: errs}
	p.Page = views.Page{Title: "Henvendelsen blev ikke sendt", Path: r.URL.Path, CSS: s.assets.URL("css/site.css"), JS: s.assets.URL("js/site.js"), Icon: s.assets.URL("favicon.svg"), NoIndex: true, Errors: errs.Any()}
	s.render(w, r, http.StatusServiceUnavailable, views.Inquiry(p))
}

// showThanks follows a sent inquiry.
func (s *Server) showThanks(w http.ResponseWriter, r *http.Request) {
	who := clip(r.URL.Query().Get("til"), 100)
	if who == "" {
		who = "En konsulent"
	}
	p := s.page(r, "Tak for din henvendelse", "")
	p.NoIndex = true
	s.render(w, r, http.StatusOK, views.Message(views.MessageProps{Page: p, Heading: "Tak for din henvendelse",
		Text: []string{
			who + " har fået din henvendelse og svarer dig normalt inden for to arbejdsdage.",
			"Vi har sendt en kvittering til din e-mail med det, du skrev.",
		}, LinkText: "Tilbage til kurserne", LinkURL: "/kurser"}))
}

// clientAddr is the address the request came from (the load balancer's
// address unless it is told to pass the client's on).
func clientAddr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
