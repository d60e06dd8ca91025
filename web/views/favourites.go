package views

import (
	"time"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/catalog"
)

// FavButton is a "Gem som favorit" toggle: a POST form that works without
// JavaScript; site.js turns it into an in-place toggle.
type FavButton struct {
	Kind   string // "kursus" or "forloeb"
	ID     int64
	Title  string // what is saved, for screen readers
	Saved  bool
	Return string
}

// CourseFav builds the button for a course on page p.
func CourseFav(p Page, id int64, title string) FavButton {
	return FavButton{Kind: "kursus", ID: id, Title: title, Saved: p.Saved.Course(id), Return: p.Return}
}

// ProgrammeFav builds the button for a programme on page p.
func ProgrammeFav(p Page, id int64, title string) FavButton {
	return FavButton{Kind: "forloeb", ID: id, Title: title, Saved: p.Saved.Programme(id), Return: p.Return}
}

func (b FavButton) action() string {
	if b.Saved {
		return "fjern"
	}
	return "gem"
}

func (b FavButton) pressed() string {
	if b.Saved {
		return "true"
	}
	return "false"
}

// FavouritesProps feeds /favoritter.
type FavouritesProps struct {
	Page   Page
	Data   catalog.Favourites
	Now    time.Time
	Notice string
	Errors FormErrors // "Tilmeld valgte datoer" with nothing ticked
}

// FirstOpenDate is the first date that takes an enrolment, for the error
// summary to link to; 0 when none does.
func (p FavouritesProps) FirstOpenDate() int64 {
	for _, c := range p.Data.Courses {
		for _, d := range c.Dates {
			if booking.PhaseOf(d, p.Now).CanEnrol() {
				return d.ID
			}
		}
	}
	for _, pr := range p.Data.Programmes {
		for _, m := range pr.Modules {
			for _, d := range m.Dates {
				if booking.PhaseOf(d, p.Now).CanEnrol() {
					return d.ID
				}
			}
		}
	}
	return 0
}

// Empty says whether nothing is saved.
func (p FavouritesProps) Empty() bool { return len(p.Data.Courses) == 0 && len(p.Data.Programmes) == 0 }

// MessageProps feeds a short page with a heading, text and a way back.
type MessageProps struct {
	Page     Page
	Heading  string
	Text     []string
	LinkText string
	LinkURL  string
}
