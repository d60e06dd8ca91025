// Package diploma makes the course diploma (kursusbevis) as a PDF with
// codeberg.org/go-pdf/fpdf. The text is set in DejaVu Sans, embedded
// here (Debian's fonts-dejavu-core; its licence is fonts/LICENSE) and
// added as a UTF-8 font, so Danish letters come out as themselves: fpdf's
// core fonts know only Latin-1 and would need every string translated.
// fpdf embeds only the glyphs a document uses.
package diploma

import (
	"bytes"
	_ "embed"
	"fmt"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"kursuskatalog/internal/catalog"
)

var (
	//go:embed fonts/DejaVuSans.ttf
	regular []byte
	//go:embed fonts/DejaVuSans-Bold.ttf
	bold []byte
)

// Data is what a diploma says.
type Data struct {
	Name         string // the participant
	CourseTitle  string
	StartsAt     time.Time
	EndsAt       time.Time
	Place        string // the venue: "Frederik VI's Hotel, Odense NV"
	Minutes      int    // the hours the course gives; 0: the days are stated instead
	ContentIntro string // "I løbet af to dage arbejder vi med:"
	Bullets      []string
	Issued       time.Time
	Number       string // the diploma's number, e.g. "COK-2027-00042-17"
}

// Extent is the diploma's line about the course's size: its hours, or
// else its days.
func (d Data) Extent() string {
	if d.Minutes > 0 {
		return "Omfang: " + catalog.FormatHours(d.Minutes)
	}
	n := days(d.StartsAt, d.EndsAt)
	if n == 1 {
		return "Omfang: 1 dag"
	}
	return fmt.Sprintf("Omfang: %d dage", n)
}

// days counts the course's calendar days in Copenhagen.
func days(start, end time.Time) int {
	date := func(t time.Time) time.Time {
		y, m, d := t.In(catalog.Copenhagen).Date()
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	}
	return int(date(end).Sub(date(start)).Hours()/24) + 1
}

// Colours and measures (mm) of the page.
const (
	margin = 25.0
	width  = 210.0 - 2*margin
)

var brand = [3]int{0x0b, 0x3c, 0x49}

// PDF renders the diploma on one A4 page.
func PDF(d Data) ([]byte, error) {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.AddUTF8FontFromBytes("DejaVu", "", regular)
	pdf.AddUTF8FontFromBytes("DejaVu", "B", bold)
	pdf.SetTitle("Kursusbevis: "+d.CourseTitle+" – "+d.Name, true)
	pdf.SetAuthor("COK – Center for Offentlig Kompetenceudvikling", true)
	pdf.SetLang("da-DK")
	// The same diploma gives the same bytes (no clock inside).
	pdf.SetCreationDate(d.Issued)
	pdf.SetModificationDate(d.Issued)
	pdf.SetCatalogSort(true)
	pdf.SetMargins(margin, margin, margin)
	pdf.SetAutoPageBreak(false, margin)
	pdf.AddPage()
	head(pdf)
	body(pdf, d)
	foot(pdf, d)
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return nil, fmt.Errorf("diploma: %w", err)
	}
	return buf.Bytes(), nil
}

func head(pdf *fpdf.Fpdf) {
	pdf.SetFillColor(brand[0], brand[1], brand[2])
	pdf.Rect(0, 0, 210, 12, "F")
	pdf.SetTextColor(brand[0], brand[1], brand[2])
	pdf.SetFont("DejaVu", "B", 14)
	pdf.SetXY(margin, 24)
	pdf.CellFormat(width, 7, "COK", "", 1, "L", false, 0, "")
	pdf.SetFont("DejaVu", "", 10)
	pdf.CellFormat(width, 5, "Center for Offentlig Kompetenceudvikling", "", 1, "L", false, 0, "")
}

func body(pdf *fpdf.Fpdf, d Data) {
	pdf.SetTextColor(0x1d, 0x1d, 0x1b)
	pdf.SetY(58)
	pdf.SetFont("DejaVu", "B", 34)
	pdf.CellFormat(width, 14, "Kursusbevis", "", 1, "C", false, 0, "")
	pdf.Ln(10)
	pdf.SetFont("DejaVu", "", 12)
	pdf.CellFormat(width, 7, "Det bevidnes hermed, at", "", 1, "C", false, 0, "")
	pdf.Ln(3)
	pdf.SetFont("DejaVu", "B", 24)
	pdf.MultiCell(width, 11, d.Name, "", "C", false)
	pdf.Ln(3)
	pdf.SetFont("DejaVu", "", 12)
	pdf.CellFormat(width, 7, "har deltaget i kurset", "", 1, "C", false, 0, "")
	pdf.Ln(2)
	pdf.SetTextColor(brand[0], brand[1], brand[2])
	pdf.SetFont("DejaVu", "B", 19)
	pdf.MultiCell(width, 9, d.CourseTitle, "", "C", false)
	pdf.SetTextColor(0x1d, 0x1d, 0x1b)
	pdf.Ln(3)
	pdf.SetFont("DejaVu", "", 12)
	when := catalog.FormatDays(d.StartsAt, d.EndsAt)
	if d.Place != "" {
		when += " · " + d.Place
	}
	pdf.MultiCell(width, 6.5, when, "", "C", false)
	pdf.CellFormat(width, 6.5, d.Extent(), "", 1, "C", false, 0, "")
	content(pdf, d)
}

// content lists what the course worked with, as its page does.
func content(pdf *fpdf.Fpdf, d Data) {
	if len(d.Bullets) == 0 {
		return
	}
	pdf.Ln(9)
	pdf.SetDrawColor(0xc9, 0xd3, 0xd6)
	pdf.Line(margin, pdf.GetY(), margin+width, pdf.GetY())
	pdf.Ln(6)
	pdf.SetFont("DejaVu", "B", 12)
	pdf.CellFormat(width, 7, "Indhold", "", 1, "L", false, 0, "")
	pdf.SetFont("DejaVu", "", 10.5)
	if d.ContentIntro != "" {
		pdf.MultiCell(width, 5.5, d.ContentIntro, "", "L", false)
		pdf.Ln(1)
	}
	for _, b := range d.Bullets {
		if pdf.GetY() > 240 { // the foot has the rest of the page
			break
		}
		y := pdf.GetY()
		pdf.SetXY(margin+2, y)
		pdf.CellFormat(5, 5.5, "•", "", 0, "L", false, 0, "")
		pdf.SetXY(margin+7, y)
		pdf.MultiCell(width-7, 5.5, b, "", "L", false)
		pdf.Ln(0.8)
	}
}

func foot(pdf *fpdf.Fpdf, d Data) {
	pdf.SetY(252)
	pdf.SetDrawColor(brand[0], brand[1], brand[2])
	pdf.Line(margin, 252, margin+70, 252)
	pdf.SetY(254)
	pdf.SetFont("DejaVu", "B", 10)
	pdf.CellFormat(width, 5, "COK – Center for Offentlig Kompetenceudvikling", "", 1, "L", false, 0, "")
	pdf.SetFont("DejaVu", "", 9)
	pdf.SetTextColor(0x4a, 0x4a, 0x48)
	pdf.CellFormat(width, 5, "Udstedt "+catalog.FormatDays(d.Issued, d.Issued)+" · Kursusbevis nr. "+d.Number, "", 1, "L", false, 0, "")
	pdf.SetFillColor(brand[0], brand[1], brand[2])
	pdf.Rect(0, 285, 210, 12, "F")
}
