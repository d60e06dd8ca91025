package admin

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"kursuskatalog/internal/catalog"
	"kursuskatalog/internal/server/forms"
	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

// listAdminCourses lists every course, drafts too, for editing.
func (a *adminArea) listAdminCourses(w http.ResponseWriter, r *http.Request) {
	rows, err := a.store.CourseRows(r.Context(), a.now())
	if err != nil {
		a.ServerError(w, r, err)
		return
	}
	out := make([]views.CourseRow, len(rows))
	for i, c := range rows {
		out[i] = views.CourseRow(c)
	}
	a.Render(w, r, http.StatusOK, views.AdminCourses(a.adminPage(r, "Kurser"), out))
}

// editCourse shows the course editor with the saved values.
func (a *adminArea) editCourse(w http.ResponseWriter, r *http.Request) {
	id, ok := idParam(r)
	if !ok {
		a.notFound(w, r)
		return
	}
	c, err := a.store.CourseForEdit(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		a.notFound(w, r)
		return
	} else if err != nil {
		a.ServerError(w, r, err)
		return
	}
	a.renderCourseForm(w, r, http.StatusOK, courseFormOf(c))
}

// courseFormOf shows saved values the way the form reads them back, so
// that saving an unchanged form changes nothing.
func courseFormOf(c store.CourseEdit) views.CourseForm {
	f := views.CourseForm{ID: c.ID, Version: c.Version, Title: c.Title, Slug: c.Slug, Teaser: c.Teaser, Audience: c.Audience,
		Description: c.Description, ContentIntro: c.ContentIntro, Bullets: strings.Join(c.ContentBullets, "\n"),
		TeachingForm: c.TeachingForm, Price: kronerInput(c.PriceOre), VAT: strconv.Itoa(c.VATRateBP), PriceCovers: c.PriceCovers,
		InvoiceNote: c.InvoiceNote, PartnerNote: c.PartnerNote, Inhouse: c.InhouseAvailable, Status: c.Status,
		Agenda: catalog.FormatAgenda(c.Agenda)}
	if c.Aftercare != nil {
		f.Aftercare = aftercareFormOf(*c.Aftercare)
	}
	if c.ConsultantID != 0 {
		f.Consultant = strconv.FormatInt(c.ConsultantID, 10)
	}
	for _, t := range c.TopicIDs {
		f.Topics = append(f.Topics, strconv.FormatInt(t, 10))
	}
	return f
}

func (a *adminArea) renderCourseForm(w http.ResponseWriter, r *http.Request, status int, f views.CourseForm) {
	ctx := r.Context()
	cs, err := a.store.ConsultantOptions(ctx)
	if err != nil {
		a.ServerError(w, r, err)
		return
	}
	for _, c := range cs {
		f.Consultants = append(f.Consultants, views.Option{Value: strconv.FormatInt(c.ID, 10), Label: c.Name})
	}
	topics, err := a.store.TopicOptions(ctx)
	if err != nil {
		a.ServerError(w, r, err)
		return
	}
	for _, t := range topics {
		f.TopicChoices = append(f.TopicChoices, views.Option{Value: strconv.FormatInt(t.ID, 10), Label: t.Name})
	}
	if !f.IsNew() {
		dates, err := a.store.CourseDateOverviews(ctx, f.ID)
		if err != nil {
			a.ServerError(w, r, err)
			return
		}
		f.Dates = dates
	}
	title := "Redigér " + f.Title
	if f.IsNew() {
		title = "Nyt kursus"
	}
	if f.Errors.Any() {
		title = "Fejl: " + title
	}
	a.Render(w, r, status, views.AdminCourseForm(a.adminPage(r, title), f))
}

// readCourseForm reads and checks the editor's fields. The form keeps
// every value as typed; the course is only meaningful when the form has no
// errors. err is an unexpected error (the consultants or topics not read).
func (a *adminArea) readCourseForm(r *http.Request, id int64) (views.CourseForm, store.CourseEdit, error) {
	f := decodeCourseForm(r.PostForm, id)
	c := checkCourseForm(&f)
	e := &f.Errors
	cid, known, err := a.consultantChoice(r, f.Consultant)
	if err != nil {
		return f, c, err
	}
	if !known {
		e.Add("consultant", "Vælg en konsulent fra listen")
	}
	c.ConsultantID = cid
	topics, err := a.store.TopicOptions(r.Context())
	if err != nil {
		return f, c, err
	}
	for _, s := range f.Topics {
		tid, _ := strconv.ParseInt(s, 10, 64)
		if !slices.ContainsFunc(topics, func(t catalog.Topic) bool { return t.ID == tid }) {
			e.Add("topics", "Vælg emner fra listen")
			continue
		}
		if !slices.Contains(c.TopicIDs, tid) {
			c.TopicIDs = append(c.TopicIDs, tid)
		}
	}
	slices.Sort(c.TopicIDs)
	return f, c, checkAgenda(&f, &c)
}

// decodeCourseForm reads the editor's fields as typed.
func decodeCourseForm(v url.Values, id int64) views.CourseForm {
	f := views.CourseForm{ID: id, Title: strings.TrimSpace(v.Get("title")), Slug: strings.TrimSpace(v.Get("slug")),
		Teaser: strings.TrimSpace(v.Get("teaser")), Audience: strings.TrimSpace(v.Get("audience")),
		Description: strings.TrimSpace(v.Get("description")), ContentIntro: strings.TrimSpace(v.Get("content_intro")),
		Bullets: strings.TrimSpace(v.Get("bullets")), TeachingForm: strings.TrimSpace(v.Get("teaching_form")),
		Price: strings.TrimSpace(v.Get("price")), VAT: v.Get("vat"), PriceCovers: strings.TrimSpace(v.Get("price_covers")),
		InvoiceNote: strings.TrimSpace(v.Get("invoice_note")), PartnerNote: strings.TrimSpace(v.Get("partner_note")),
		Inhouse: v.Get("inhouse") != "", Consultant: v.Get("consultant"), Status: v.Get("status"),
		Topics: v["topic"], Agenda: strings.TrimSpace(strings.ReplaceAll(v.Get("agenda"), "\r\n", "\n")),
		Aftercare: decodeAftercare(v)}
	f.Version, _ = strconv.Atoi(v.Get("version"))
	return f
}

// checkCourseForm checks the fields before the consultant that need
// nothing but themselves and returns the course they make; the messages
// go to f.Errors.
func checkCourseForm(f *views.CourseForm) store.CourseEdit {
	c := store.CourseEdit{ID: f.ID, Version: f.Version, Title: f.Title, Teaser: f.Teaser, Audience: f.Audience,
		Description: f.Description, ContentIntro: f.ContentIntro, TeachingForm: f.TeachingForm, PriceCovers: f.PriceCovers,
		InvoiceNote: f.InvoiceNote, PartnerNote: f.PartnerNote, InhouseAvailable: f.Inhouse, Status: catalog.StatusDraft,
		VATRateBP: 2500}
	e := &f.Errors
	switch {
	case f.Title == "":
		e.Add("title", "Skriv kursets titel")
	case utf8.RuneCountInString(f.Title) > 200:
		e.Add("title", "Titlen må højst have 200 tegn")
	case forms.HasControl(f.Title):
		forms.OneLine(e, "title", "Titlen", f.Title) // it is the subject of mails and the summary of calendar files
	}
	if f.Slug == "" {
		f.Slug = catalog.Slugify(f.Title)
	}
	c.Slug = f.Slug
	if f.Title != "" && !catalog.ValidSlug(f.Slug) {
		e.Add("slug", "Adressen må kun have små bogstaver a-z, tal og enkelte bindestreger, f.eks. politisk-forstaaelse")
	}
	if utf8.RuneCountInString(f.Teaser) > 500 {
		e.Add("teaser", "Den korte beskrivelse må højst have 500 tegn")
	}
	price, ok := catalog.ParseKroner(f.Price)
	if !ok {
		e.Add("price", "Skriv prisen i kroner, f.eks. 6.750 eller 6.750,50")
	}
	c.PriceOre = price
	if f.VAT == "0" {
		c.VATRateBP = 0
	}
	if f.Status == catalog.StatusPublished {
		c.Status = catalog.StatusPublished
	}
	c.Aftercare = checkAftercare(f)
	for _, l := range strings.Split(f.Bullets, "\n") {
		if l = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(l), "-")); l != "" {
			c.ContentBullets = append(c.ContentBullets, l)
		}
	}
	return c
}

// checkAgenda reads the programme's text into c; err is an unexpected
// error of the parser.
func checkAgenda(f *views.CourseForm, c *store.CourseEdit) error {
	agenda, err := catalog.ParseAgenda(f.Agenda)
	var ae *catalog.AgendaError
	if errors.As(err, &ae) {
		f.Errors.Add("agenda", fmt.Sprintf("Programmet, linje %d: %s", ae.Line, ae.Msg))
		return nil
	}
	c.Agenda = agenda
	return err
}

// saveCourse saves the editor, refusing to overwrite a newer version, or
// with handling=vis only shows the description's preview.
func (a *adminArea) saveCourse(w http.ResponseWriter, r *http.Request) {
	id, ok := a.postedID(w, r)
	if !ok {
		return
	}
	f, c, err := a.readCourseForm(r, id)
	if err != nil {
		a.ServerError(w, r, err)
		return
	}
	if r.PostForm.Get("handling") == "vis" {
		f.Preview = true
		a.renderCourseForm(w, r, http.StatusOK, f)
		return
	}
	e := &f.Errors
	if e.Any() {
		a.renderCourseForm(w, r, http.StatusUnprocessableEntity, f)
		return
	}
	_, err = a.store.SaveCourse(r.Context(), c, staffOf(r).ID, a.now())
	switch {
	case errors.Is(err, store.ErrConflict):
		// The typed text stays in the form; the old version too, so that a
		// second click cannot overwrite the other change unseen.
		e.Add("title", "Kurset er ændret af en anden siden du åbnede det. Din tekst er bevaret her: kopiér dine ændringer, åbn kurset igen, og indsæt dem.")
		a.renderCourseForm(w, r, http.StatusUnprocessableEntity, f)
	case errors.Is(err, store.ErrDuplicate):
		e.Add("slug", "Et andet kursus har allerede den adresse")
		a.renderCourseForm(w, r, http.StatusUnprocessableEntity, f)
	case errors.Is(err, store.ErrNotFound):
		a.notFound(w, r)
	case err != nil:
		a.ServerError(w, r, err)
	default:
		a.flash(r, "Kurset er gemt.")
		http.Redirect(w, r, "/admin/kurser/"+strconv.FormatInt(id, 10), http.StatusSeeOther)
	}
}

// kronerInput shows øre the way catalog.ParseKroner reads them back.
func kronerInput(ore int64) string {
	return strings.TrimSuffix(catalog.FormatKroner(ore), " kr.")
}
