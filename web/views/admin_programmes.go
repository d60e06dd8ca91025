package views

// ModuleFormRow is one module in the programme form, as saved or typed.
type ModuleFormRow struct {
	CourseID int64
	Title    string
	Position string
	Role     string // base or special
	Note     string
	Remove   bool
}

// ModulesEditorProps are the module part of the programme form: the
// modules in order, each with position, role, note and "remove", and one
// row to add a course. Reordering is by position numbers, so it needs no
// JavaScript.
type ModulesEditorProps struct {
	Rows        []ModuleFormRow
	Courses     []Option // courses to add (value = id)
	NewCourse   string
	NewRole     string
	NewPosition string
	Errors      FormErrors
}

func moduleRoles() []Option {
	return []Option{{Value: "base", Label: "Grundmodul"}, {Value: "special", Label: "Specialmodul"}}
}

// ModuleFieldID is the id of a module row's input, for the error summary.
func ModuleFieldID(name string, courseID int64) string { return "m-" + name + "-" + i64(courseID) }
