package views

import "github.com/a-h/templ"

// The staff editors of venues, consultants, topics, bundle offers,
// programmes and staff users share one list page and one form page: a
// table of rows, and a form of labelled fields with the version the form
// was opened with.

// EntityField is one input of an editor form; a select when Options is
// not nil.
type EntityField struct {
	Field
	Options []Option
}

// EntityFormProps are the props of an editor's form page.
type EntityFormProps struct {
	Page       AdminPage
	Section    string // "Steder": the crumb back to the list
	SectionURL string // "/admin/steder"
	Heading    string
	Action     string // where the form posts
	Version    int    // the row's version when the form was opened (0: new)
	Fields     []EntityField
	Extra      templ.Component // more inputs inside the form, after Fields (nil: none)
	After      templ.Component // more on the page after the form (nil: none)
	Errors     FormErrors
	Notice     string // a refusal that belongs to no field ("Stedet bruges af …")
	DeleteURL  string // "" on a new row
	DeleteText string // the delete button's label
	Submit     string
}

// EntityListProps are the props of an editor's list page.
type EntityListProps struct {
	Page     AdminPage
	Heading  string
	Intro    string
	NewURL   string
	NewLabel string
	Caption  string
	Columns  []string
	Rows     []EntityRow
}

// EntityRow is one row of an editor's list; the first cell links to URL.
type EntityRow struct {
	URL   string
	Cells []string
	Tag   string // a short state shown after the first cell ("Spærret")
}
