package server

import (
	"errors"
	"net/http"

	"github.com/go-chi/chi/v5"

	"kursuskatalog/internal/catalog"
	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

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
		s.ServerError(w, r, err)
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
		s.ServerError(w, r, err)
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
	s.Render(w, r, status, views.Inquiry(p))
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

func (s *Server) showInquiry(w http.ResponseWriter, r *http.Request, kind string) {
	t, ok := s.targetFor(w, r, kind)
	if !ok {
		return
	}
	s.renderInquiry(w, r, http.StatusOK, t, views.InquiryForm{}, views.FormErrors{})
}
