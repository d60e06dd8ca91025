package admin

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"kursuskatalog/internal/catalog"
	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

// listProgrammes lists the programmes, drafts too, with their modules.
func (a *adminArea) listProgrammes(w http.ResponseWriter, r *http.Request) {
	ps, err := a.store.ProgrammeRows(r.Context())
	if err != nil {
		a.ServerError(w, r, err)
		return
	}
	p := views.EntityListProps{Page: a.adminPage(r, "Forløb"), Heading: "Forløb", NewURL: "/admin/forloeb/ny", NewLabel: "Opret forløb",
		Caption: "Forløb", Columns: []string{"Titel", "Moduler", "Status"}}
	for _, pr := range ps {
		var mods []string
		for _, m := range pr.Modules {
			mods = append(mods, strconv.Itoa(m.Position)+". "+m.CourseTitle+" ("+m.Role.Label()+")")
		}
		p.Rows = append(p.Rows, views.EntityRow{URL: editorPath("/admin/forloeb", pr.ID), Cells: []string{pr.Title, strings.Join(mods, "; "), statusLabel(pr.Status)}})
	}
	a.Render(w, r, http.StatusOK, views.AdminEntityList(p))
}

func statusLabel(s string) string {
	if s == catalog.StatusPublished {
		return "Offentliggjort"
	}
	return "Kladde"
}

// programmeTyped is the programme form as typed (or as saved).
type programmeTyped struct {
	Title, Slug, Teaser, Intro, CompetencesIntro, Competences, Background string
	PartnerNote, ContactNote, Consultant, Status                          string
	Modules                                                               []views.ModuleFormRow
	NewCourse, NewRole, NewPosition                                       string
}

func programmeTypedFrom(p store.ProgrammeRow) programmeTyped {
	t := programmeTyped{Title: p.Title, Slug: p.Slug, Teaser: p.Teaser, Intro: p.Intro, CompetencesIntro: p.CompetencesIntro,
		Competences: strings.Join(p.Competences, "\n"), Background: p.Background, PartnerNote: p.PartnerNote,
		ContactNote: p.ContactNote, Status: p.Status, NewRole: string(catalog.RoleBase)}
	if p.ConsultantID != 0 {
		t.Consultant = strconv.FormatInt(p.ConsultantID, 10)
	}
	for _, m := range p.Modules {
		t.Modules = append(t.Modules, views.ModuleFormRow{CourseID: m.CourseID, Title: m.CourseTitle, Position: strconv.Itoa(m.Position),
			Role: string(m.Role), Note: m.AudienceNote})
	}
	return t
}

// newProgramme shows the empty programme form.
func (a *adminArea) newProgramme(w http.ResponseWriter, r *http.Request) {
	a.showProgrammeForm(w, r, http.StatusOK, "Opret forløb", programmeTyped{Status: catalog.StatusDraft, NewRole: string(catalog.RoleBase)}, 0, 0, views.FormErrors{})
}

// editProgramme shows a programme's form with the saved values.
func (a *adminArea) editProgramme(w http.ResponseWriter, r *http.Request) {
	id, ok := idParam(r)
	if !ok {
		a.notFound(w, r)
		return
	}
	p, err := a.store.ProgrammeRowByID(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		a.notFound(w, r)
		return
	} else if err != nil {
		a.ServerError(w, r, err)
		return
	}
	a.showProgrammeForm(w, r, http.StatusOK, p.Title, programmeTypedFrom(p), p.ID, p.Version, views.FormErrors{})
}

// showProgrammeForm renders the programme form; notice (if any) is a
// refusal that belongs to no field.
func (a *adminArea) showProgrammeForm(w http.ResponseWriter, r *http.Request, status int, title string, t programmeTyped, id int64, version int, errs views.FormErrors, notice ...string) {
	consultants, err := a.store.ConsultantOptions(r.Context())
	if err != nil {
		a.ServerError(w, r, err)
		return
	}
	courses, err := a.store.CourseChoices(r.Context())
	if err != nil {
		a.ServerError(w, r, err)
		return
	}
	p := views.EntityFormProps{Section: "Forløb", SectionURL: "/admin/forloeb", Heading: "Opret forløb",
		Action: "/admin/forloeb/ny", Version: version, Errors: errs, Submit: "Opret forløb"}
	if id != 0 {
		p.Heading, p.Action, p.Submit = "Ret forløb: "+t.Title, editorPath("/admin/forloeb", id), "Gem"
		p.DeleteURL, p.DeleteText = editorPath("/admin/forloeb", id)+"/slet", "Slet forløbet"
	}
	if len(notice) > 0 {
		p.Notice = notice[0]
	}
	consultantOpts := []views.Option{{Value: "", Label: "Ingen"}}
	for _, c := range consultants {
		consultantOpts = append(consultantOpts, views.Option{Value: strconv.FormatInt(c.ID, 10), Label: c.Name})
	}
	p.Fields = []views.EntityField{
		editorTextField("title", "Titel", t.Title, errs, true, 200),
		editorTextField("slug", "Adresse (slug)", t.Slug, errs, true, 100),
		editorTextField("teaser", "Kort tekst til lister", t.Teaser, errs, false, 500),
		editorTextField("intro", "Hvorfor dette forløb (indledning)", t.Intro, errs, false, 10000),
		editorTextField("competences_intro", "Indledning til kompetencer", t.CompetencesIntro, errs, false, 500),
		editorTextField("competences", "Kompetencer", t.Competences, errs, false, 5000),
		editorTextField("background", "Baggrund", t.Background, errs, false, 10000),
		editorTextField("partner_note", "Samarbejdspartnere", t.PartnerNote, errs, false, 2000),
		editorTextField("contact_note", "Kontakt", t.ContactNote, errs, false, 2000),
		{Field: views.Field{ID: "consultant", Name: "consultant", Label: "Konsulent", Value: t.Consultant, Error: errs.Get("consultant")}, Options: consultantOpts},
		{Field: views.Field{ID: "status", Name: "status", Label: "Status", Value: t.Status, Required: true, Error: errs.Get("status"),
			Hint: "Kun offentliggjorte forløb vises på hjemmesiden."},
			Options: []views.Option{{Value: catalog.StatusDraft, Label: "Kladde"}, {Value: catalog.StatusPublished, Label: "Offentliggjort"}}},
	}
	p.Fields[1].Hint = "Små bogstaver, tal og bindestreger. Forløbets side er /forloeb/{slug}: gamle links virker ikke, hvis den ændres."
	for _, i := range []int{3, 5, 6, 7, 8} {
		p.Fields[i].Type = "textarea"
	}
	p.Fields[3].Hint, p.Fields[6].Hint = "Markdown", "Markdown"
	p.Fields[5].Hint = "Én kompetence pr. linje"
	in := map[int64]bool{}
	for _, m := range t.Modules {
		in[m.CourseID] = true
	}
	me := views.ModulesEditorProps{Rows: t.Modules, NewCourse: t.NewCourse, NewRole: t.NewRole, NewPosition: t.NewPosition, Errors: errs}
	for _, c := range courses {
		if !in[c.ID] {
			me.Courses = append(me.Courses, views.Option{Value: strconv.FormatInt(c.ID, 10), Label: c.Title})
		}
	}
	p.Extra = views.ModulesEditor(me)
	a.renderEditor(w, r, status, title, p)
}
