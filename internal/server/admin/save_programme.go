package admin

import (
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"kursuskatalog/internal/catalog"
	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

// createProgramme adds a programme (POST /forloeb/ny).
func (a *adminArea) createProgramme(w http.ResponseWriter, r *http.Request) {
	a.writeProgramme(w, r, 0)
}

// saveProgramme saves a programme with its modules (POST /forloeb/{id}).
func (a *adminArea) saveProgramme(w http.ResponseWriter, r *http.Request) {
	id, ok := idParam(r)
	if !ok {
		a.notFound(w, r)
		return
	}
	a.writeProgramme(w, r, id)
}

// modulePosition reads a typed position: a whole number from 1 to 999.
func modulePosition(s string) (int, bool) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	return n, err == nil && n >= 1 && n <= 999
}

func (a *adminArea) writeProgramme(w http.ResponseWriter, r *http.Request, id int64) {
	if !parseEditorForm(w, r) {
		return
	}
	courses, err := a.store.CourseChoices(r.Context())
	if err != nil {
		a.ServerError(w, r, err)
		return
	}
	consultants, err := a.store.ConsultantOptions(r.Context())
	if err != nil {
		a.ServerError(w, r, err)
		return
	}
	titles := map[int64]string{}
	for _, c := range courses {
		titles[c.ID] = c.Title
	}
	t := programmeTyped{Title: postedText(r, "title"), Slug: postedText(r, "slug"), Teaser: postedText(r, "teaser"),
		Intro: postedText(r, "intro"), CompetencesIntro: postedText(r, "competences_intro"), Competences: postedText(r, "competences"),
		Background: postedText(r, "background"), PartnerNote: postedText(r, "partner_note"), ContactNote: postedText(r, "contact_note"),
		Consultant: r.PostForm.Get("consultant"), Status: r.PostForm.Get("status"),
		NewCourse: r.PostForm.Get("new_course"), NewRole: r.PostForm.Get("new_role"), NewPosition: postedText(r, "new_position")}
	version := postedVersion(r)
	var errs views.FormErrors
	requireEditorText(&errs, "title", t.Title, "Skriv forløbets titel", 200)
	if t.Slug == "" {
		errs.Add("slug", "Skriv en adresse (slug), fx fremtidens-politikerbetjening")
	} else if !catalog.ValidSlug(t.Slug) {
		errs.Add("slug", "Brug kun små bogstaver a-z, tal og enkelte bindestreger")
	}
	maxEditorText(&errs, "teaser", t.Teaser, 500)
	maxEditorText(&errs, "intro", t.Intro, 10000)
	maxEditorText(&errs, "competences_intro", t.CompetencesIntro, 500)
	maxEditorText(&errs, "competences", t.Competences, 5000)
	maxEditorText(&errs, "background", t.Background, 10000)
	maxEditorText(&errs, "partner_note", t.PartnerNote, 2000)
	maxEditorText(&errs, "contact_note", t.ContactNote, 2000)
	p := catalog.Programme{ID: id, Title: t.Title, Slug: t.Slug, Teaser: t.Teaser, Intro: t.Intro, CompetencesIntro: t.CompetencesIntro,
		Background: t.Background, PartnerNote: t.PartnerNote, ContactNote: t.ContactNote, Status: t.Status}
	for _, line := range strings.Split(t.Competences, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			p.Competences = append(p.Competences, line)
		}
	}
	if t.Consultant != "" {
		p.ConsultantID, _ = strconv.ParseInt(t.Consultant, 10, 64)
		if !slices.ContainsFunc(consultants, func(c store.ConsultantOption) bool { return c.ID == p.ConsultantID }) {
			errs.Add("consultant", "Vælg en konsulent fra listen")
		}
	}
	if t.Status != catalog.StatusDraft && t.Status != catalog.StatusPublished {
		errs.Add("status", "Vælg kladde eller offentliggjort")
	}

	// The modules in the order shown, then the new one. Each gets a sort
	// key from its typed position; on a tie the module that was moved (or
	// added) goes first, so "1" puts a module first.
	type keyed struct {
		m     catalog.Module
		pos   int
		moved bool
		i     int
	}
	var keep []keyed
	seen := map[int64]bool{}
	for i, v := range r.PostForm["m_course"] {
		cid, _ := strconv.ParseInt(v, 10, 64)
		if titles[cid] == "" || seen[cid] {
			continue
		}
		seen[cid] = true
		sid := strconv.FormatInt(cid, 10)
		row := views.ModuleFormRow{CourseID: cid, Title: titles[cid], Position: postedText(r, "m_position_"+sid),
			Role: r.PostForm.Get("m_role_" + sid), Note: postedText(r, "m_note_"+sid), Remove: r.PostForm.Get("m_remove_"+sid) != ""}
		t.Modules = append(t.Modules, row)
		if row.Role != string(catalog.RoleBase) && row.Role != string(catalog.RoleSpecial) {
			row.Role = string(catalog.RoleBase)
		}
		maxEditorText(&errs, views.ModuleFieldID("note", cid), row.Note, 500)
		if row.Remove {
			continue
		}
		pos, ok := modulePosition(row.Position)
		if !ok {
			errs.Add(views.ModuleFieldID("position", cid), "Skriv en position for "+row.Title+" som et helt tal, fx 1")
		}
		keep = append(keep, keyed{m: catalog.Module{ProgrammeID: id, CourseID: cid, Role: catalog.ModuleRole(row.Role), AudienceNote: row.Note},
			pos: pos, moved: pos != i+1, i: i})
	}
	if t.NewCourse != "" {
		cid, _ := strconv.ParseInt(t.NewCourse, 10, 64)
		pos := len(keep) + 1
		switch {
		case titles[cid] == "":
			errs.Add("new_course", "Vælg et kursus fra listen")
		case seen[cid]:
			errs.Add("new_course", "Kurset er allerede et modul i forløbet")
		}
		if t.NewPosition != "" {
			var ok bool
			if pos, ok = modulePosition(t.NewPosition); !ok {
				errs.Add("new_position", "Skriv positionen som et helt tal, fx 2, eller lad feltet stå tomt")
			}
		}
		role := catalog.ModuleRole(t.NewRole)
		if role != catalog.RoleSpecial {
			role = catalog.RoleBase
		}
		keep = append(keep, keyed{m: catalog.Module{ProgrammeID: id, CourseID: cid, Role: role}, pos: pos, moved: true, i: len(keep) + 1000})
	}
	title := "Opret forløb"
	if id != 0 {
		title = "Ret forløb"
	}
	if errs.Any() {
		a.showProgrammeForm(w, r, http.StatusUnprocessableEntity, title, t, id, version, errs)
		return
	}
	slices.SortStableFunc(keep, func(x, y keyed) int {
		if x.pos != y.pos {
			return x.pos - y.pos
		}
		if x.moved != y.moved {
			if x.moved {
				return -1
			}
			return 1
		}
		return x.i - y.i
	})
	modules := make([]catalog.Module, len(keep))
	for i, k := range keep {
		modules[i] = k.m
	}
	if id == 0 {
		id, err = a.store.CreateProgramme(r.Context(), staffOf(r).ID, p, modules, a.now())
	} else {
		err = a.store.UpdateProgramme(r.Context(), staffOf(r).ID, p, modules, version, a.now())
	}
	switch {
	case errors.Is(err, store.ErrDuplicate):
		errs.Add("slug", "Et andet forløb har allerede den adresse")
		a.showProgrammeForm(w, r, http.StatusUnprocessableEntity, title, t, id, version, errs)
	case errors.Is(err, store.ErrConflict):
		cur, lerr := a.store.ProgrammeRowByID(r.Context(), id)
		if lerr != nil {
			a.ServerError(w, r, lerr)
			return
		}
		errs.Add("title", conflictMessage("Forløbet"))
		a.showProgrammeForm(w, r, http.StatusUnprocessableEntity, title, t, id, cur.Version, errs)
	case errors.Is(err, store.ErrInUse):
		errs.Add("new_course", "Et af kurserne findes ikke længere. Vælg igen.")
		a.showProgrammeForm(w, r, http.StatusUnprocessableEntity, title, t, id, version, errs)
	case errors.Is(err, store.ErrNotFound):
		a.notFound(w, r)
	case err != nil:
		a.ServerError(w, r, err)
	default:
		a.flash(r, "Forløbet er gemt.")
		http.Redirect(w, r, editorPath("/admin/forloeb", id), http.StatusSeeOther)
	}
}
