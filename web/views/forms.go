package views

// FieldError is one message of a form's error summary; Field is the id of
// the input it belongs to.
type FieldError struct {
	Field   string
	Message string
}

// FormErrors collects a form's messages in the order of the form.
type FormErrors struct {
	List []FieldError
}

// Add records msg for field, keeping the first message per field.
func (e *FormErrors) Add(field, msg string) {
	if msg == "" || e.Get(field) != "" {
		return
	}
	e.List = append(e.List, FieldError{field, msg})
}

// Get returns the message for field, or "".
func (e FormErrors) Get(field string) string {
	for _, f := range e.List {
		if f.Field == field {
			return f.Message
		}
	}
	return ""
}

// Any says whether there is at least one message.
func (e FormErrors) Any() bool { return len(e.List) > 0 }

// Field describes one labelled input.
type Field struct {
	ID           string
	Name         string
	Label        string
	Value        string
	Type         string // text, email, tel; "textarea" for a text area
	Autocomplete string
	Hint         string
	Error        string
	Required     bool
	Conditional  bool // required only in some cases (explained in the hint): no "(valgfrit)"
	MaxLength    int
	InputMode    string
	Autofocus    bool // takes focus when the page loads
}

func (f Field) describedBy() string {
	s := ""
	if f.Hint != "" {
		s = f.ID + "-hint"
	}
	if f.Error != "" {
		if s != "" {
			s += " "
		}
		s += f.ID + "-error"
	}
	return s
}

func (f Field) class() string {
	if f.Error != "" {
		return "field has-error"
	}
	return "field"
}

func (f Field) typ() string {
	if f.Type == "" {
		return "text"
	}
	return f.Type
}

func (f Field) withHint(h string) Field { f.Hint = h; return f }

func (f Field) numeric() Field { f.InputMode = "numeric"; return f }

func (f Field) conditional() Field { f.Conditional = true; return f }

func (f Field) focused(on bool) Field { f.Autofocus = on; return f }
