package admin

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"kursuskatalog/internal/catalog"
	"kursuskatalog/internal/store"
	"kursuskatalog/web/views"
)

// programmeForm is the programme form as read: what was typed (to show
// again), the programme and its modules in their new order, and the
// messages.
type programmeForm struct {
	typed     programmeTyped
	programme catalog.Programme
	modules   []catalog.Module
	errs      views.FormErrors
}

// readProgrammeForm reads and checks the programme form of programme id,
// against the courses and consultants that exist.
func readProgrammeForm(r *http.Request, id int64, courses []store.CourseChoice, consultants []store.ConsultantOption) programmeForm {
	var f programmeForm
	f.typed = programmeTyped{Title: postedText(r, "title"), Slug: postedText(r, "slug"), Teaser: postedText(r, "teaser"),
		Intro: postedText(r, "intro"), CompetencesIntro: postedText(r, "competences_intro"), Competences: postedText(r, "competences"),
		Background: postedText(r, "background"), PartnerNote: postedText(r, "partner_note"), ContactNote: postedText(r, "contact_note"),
		Consultant: r.PostForm.Get("consultant"), Status: r.PostForm.Get("status"),
		NewCourse: r.PostForm.Get("new_course"), NewRole: r.PostForm.Get("new_role"), NewPosition: postedText(r, "new_position")}
	f.programme = f.checkProgramme(id, consultants)
	titles := map[int64]string{}
	for _, c := range courses {
		titles[c.ID] = c.Title
	}
	f.modules = f.readModules(r, id, titles)
	return f
}

// checkProgramme checks the programme's own fields and returns it.
func (f *programmeForm) checkProgramme(id int64, consultants []store.ConsultantOption) catalog.Programme {
	t, errs := f.typed, &f.errs
	requireEditorText(errs, "title", t.Title, "Skriv forløbets titel", 200)
	if t.Slug == "" {
		errs.Add("slug", "Skriv en adresse (slug), fx fremtidens-politikerbetjening")
	} else if !catalog.ValidSlug(t.Slug) {
		errs.Add("slug", "Brug kun små bogstaver a-z, tal og enkelte bindestreger")
	}
	maxEditorText(errs, "teaser", t.Teaser, 500)
	maxEditorText(errs, "intro", t.Intro, 10000)
	maxEditorText(errs, "competences_intro", t.CompetencesIntro, 500)
	maxEditorText(errs, "competences", t.Competences, 5000)
	maxEditorText(errs, "background", t.Background, 10000)
	maxEditorText(errs, "partner_note", t.PartnerNote, 2000)
	maxEditorText(errs, "contact_note", t.ContactNote, 2000)
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
	return p
}

// keyedModule is a module with the sort key its typed position gives.
type keyedModule struct {
	m     catalog.Module
	pos   int
	moved bool
	i     int
}

// readModules reads the modules in the order shown, then the new one, and
// orders them by their typed positions. On a tie the module that was moved
// (or added) goes first, so "1" puts a module first.
func (f *programmeForm) readModules(r *http.Request, id int64, titles map[int64]string) []catalog.Module {
	var keep []keyedModule
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
		f.typed.Modules = append(f.typed.Modules, row)
		if row.Role != string(catalog.RoleBase) && row.Role != string(catalog.RoleSpecial) {
			row.Role = string(catalog.RoleBase)
		}
		maxEditorText(&f.errs, views.ModuleFieldID("note", cid), row.Note, 500)
		if row.Remove {
			continue
		}
		pos, ok := modulePosition(row.Position)
		if !ok {
			f.errs.Add(views.ModuleFieldID("position", cid), "Skriv en position for "+row.Title+" som et helt tal, fx 1")
		}
		keep = append(keep, keyedModule{m: catalog.Module{ProgrammeID: id, CourseID: cid, Role: catalog.ModuleRole(row.Role), AudienceNote: row.Note},
			pos: pos, moved: pos != i+1, i: i})
	}
	if f.typed.NewCourse != "" {
		keep = append(keep, f.newModule(id, len(keep), titles, seen))
	}
	slices.SortStableFunc(keep, func(x, y keyedModule) int {
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
	return modules
}

// newModule reads the module to add, placed after the n kept unless a
// position is typed.
func (f *programmeForm) newModule(id int64, n int, titles map[int64]string, seen map[int64]bool) keyedModule {
	t := f.typed
	cid, _ := strconv.ParseInt(t.NewCourse, 10, 64)
	pos := n + 1
	switch {
	case titles[cid] == "":
		f.errs.Add("new_course", "Vælg et kursus fra listen")
	case seen[cid]:
		f.errs.Add("new_course", "Kurset er allerede et modul i forløbet")
	}
	if t.NewPosition != "" {
		var ok bool
		if pos, ok = modulePosition(t.NewPosition); !ok {
			f.errs.Add("new_position", "Skriv positionen som et helt tal, fx 2, eller lad feltet stå tomt")
		}
	}
	role := catalog.ModuleRole(t.NewRole)
	if role != catalog.RoleSpecial {
		role = catalog.RoleBase
	}
	return keyedModule{m: catalog.Module{ProgrammeID: id, CourseID: cid, Role: role}, pos: pos, moved: true, i: n + 1000}
}

// modulePosition reads a typed position: a whole number from 1 to 999.
func modulePosition(s string) (int, bool) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	return n, err == nil && n >= 1 && n <= 999
}
