package admin

import (
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"kursuskatalog/internal/server/forms"
	"kursuskatalog/web/views"
)

// What the catalogue editors (venues, consultants, topics, bundle offers,
// programmes) and the staff-user editor share.

// renderEditor shows an editor's form page; a form with messages gets
// "Fejl: " in front of its title so a screen reader hears it first.
func (a *adminArea) renderEditor(w http.ResponseWriter, r *http.Request, status int, title string, p views.EntityFormProps) {
	if p.Errors.Any() || p.Notice != "" {
		title = "Fejl: " + title
	}
	p.Page = a.adminPage(r, title)
	a.Render(w, r, status, views.AdminEntityForm(p))
}

// postedText is a posted field with the spaces around it removed.
func postedText(r *http.Request, name string) string { return strings.TrimSpace(r.PostForm.Get(name)) }

// postedVersion is the version the form was opened with (0 when missing,
// which never matches a row and so is refused as a conflict).
func postedVersion(r *http.Request) int {
	v, _ := strconv.Atoi(r.PostForm.Get("version"))
	return v
}

// requireEditorText adds a message when value is empty, longer than max or
// not one line: every such field is a name or title, shown in mails'
// subjects and headers, calendar files and lists.
func requireEditorText(errs *views.FormErrors, id, value, empty string, max int) {
	if value == "" {
		errs.Add(id, empty)
	}
	lineEditorText(errs, id, value, max)
}

// lineEditorText adds a message when value is longer than max characters
// or holds a line break or another control character.
func lineEditorText(errs *views.FormErrors, id, value string, max int) {
	forms.OneLine(errs, id, "Feltet", value)
	maxEditorText(errs, id, value, max)
}

// maxEditorText adds a message when value is longer than max characters.
func maxEditorText(errs *views.FormErrors, id, value string, max int) {
	if utf8.RuneCountInString(value) > max {
		errs.Add(id, "Højst "+strconv.Itoa(max)+" tegn")
	}
}

// conflictMessage is the refusal of a save over a newer change; what is
// "Stedet", "Konsulenten", … The typed values stay in the form, which now
// carries the newer version: saving again overwrites deliberately.
func conflictMessage(what string) string {
	return what + " er ændret af en anden siden du åbnede det. Det du skrev, står stadig i formularen. " +
		"Gem igen for at overskrive ændringen, eller åbn siden igen for at se den."
}

func editorPath(prefix string, id int64) string { return prefix + "/" + strconv.FormatInt(id, 10) }

func editorTextField(id, label, value string, errs views.FormErrors, required bool, max int) views.EntityField {
	return views.EntityField{Field: views.Field{ID: id, Name: id, Label: label, Value: value, Required: required,
		MaxLength: max, Error: errs.Get(id)}}
}

// countNoun is "1 dato" or "3 datoer".
func countNoun(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
