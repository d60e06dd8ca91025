// Package pdffont holds the font the site's PDFs are set in: DejaVu Sans,
// regular and bold, from Debian's fonts-dejavu-core (its licence is
// fonts/LICENSE), embedded so every machine makes the same PDF. fpdf's
// core fonts know only Latin-1; a UTF-8 font writes Danish letters (and
// the en dash, the euro sign …) as themselves. fpdf embeds only the
// glyphs a document uses.
package pdffont

import (
	_ "embed"

	"codeberg.org/go-pdf/fpdf"
)

// Family is the name Add gives the font in a document.
const Family = "DejaVu"

var (
	//go:embed fonts/DejaVuSans.ttf
	Regular []byte
	//go:embed fonts/DejaVuSans-Bold.ttf
	Bold []byte
)

// Add makes Family (regular "" and bold "B") available in pdf.
func Add(pdf *fpdf.Fpdf) {
	pdf.AddUTF8FontFromBytes(Family, "", Regular)
	pdf.AddUTF8FontFromBytes(Family, "B", Bold)
}
