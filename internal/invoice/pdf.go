package invoice

import (
	"bytes"
	"fmt"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"kursuskatalog/internal/catalog"
	"kursuskatalog/internal/pdffont"
)

// The PDF: one A4 page (more when the lines need it) in DejaVu Sans, the
// same numbers and totals as the XML.

const (
	pageW   = 210.0
	marginL = 20.0
	marginR = 20.0
	bodyW   = pageW - marginL - marginR
)

var (
	brand = [3]int{0x0b, 0x3c, 0x49}
	muted = [3]int{0x55, 0x55, 0x55}
	// The lines' columns (mm): what, list price, discount, amount, VAT rate.
	cols = [5]float64{bodyW - 4*26, 26, 26, 26, 26}
)

// PDF renders the document.
func PDF(d Document) ([]byte, error) {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdffont.Add(pdf)
	pdf.SetTitle(d.Kind.Label()+" "+d.Number+" – "+d.Customer.Name, true)
	pdf.SetAuthor(d.Supplier.Name, true)
	pdf.SetLang("da-DK")
	pdf.SetCreationDate(d.IssuedAt)
	pdf.SetModificationDate(d.IssuedAt)
	pdf.SetMargins(marginL, 18, marginR)
	pdf.SetAutoPageBreak(true, 28)
	pdf.AliasNbPages("")
	pdf.SetFooterFunc(func() { footer(pdf, d) })
	pdf.AddPage()
	heading(pdf, d)
	parties(pdf, d)
	lines(pdf, d)
	totals(pdf, d)
	payment(pdf, d)
	var b bytes.Buffer
	if err := pdf.Output(&b); err != nil {
		return nil, fmt.Errorf("pdf %s: %w", d.Number, err)
	}
	return b.Bytes(), nil
}

func heading(pdf *fpdf.Fpdf, d Document) {
	pdf.SetTextColor(brand[0], brand[1], brand[2])
	pdf.SetFont(pdffont.Family, "B", 13)
	pdf.CellFormat(bodyW*0.6, 7, "COK", "", 0, "L", false, 0, "")
	pdf.SetFont(pdffont.Family, "B", 20)
	pdf.CellFormat(bodyW*0.4, 9, d.Kind.Label(), "", 1, "R", false, 0, "")
	pdf.SetFont(pdffont.Family, "", 9)
	pdf.CellFormat(bodyW*0.6, 5, d.Supplier.Name, "", 0, "L", false, 0, "")
	pdf.SetFont(pdffont.Family, "B", 11)
	pdf.CellFormat(bodyW*0.4, 6, "Nr. "+d.Number, "", 1, "R", false, 0, "")
	pdf.SetTextColor(0, 0, 0)
	pdf.Ln(8)
}

// parties writes the customer on the left and the document's facts on
// the right.
func parties(pdf *fpdf.Fpdf, d Document) {
	top := pdf.GetY()
	pdf.SetFont(pdffont.Family, "B", 10)
	pdf.MultiCell(bodyW*0.43, 5, d.Customer.Name, "", "L", false)
	pdf.SetFont(pdffont.Family, "", 10)
	for _, l := range customerLines(d.Customer) {
		pdf.MultiCell(bodyW*0.43, 5, l, "", "L", false)
	}
	left := pdf.GetY()
	pdf.SetY(top)
	for _, f := range facts(d) {
		pdf.SetX(marginL + bodyW*0.45)
		pdf.SetFont(pdffont.Family, "", 9)
		pdf.CellFormat(35, 5, f[0], "", 0, "L", false, 0, "")
		pdf.SetFont(pdffont.Family, "B", 9)
		pdf.MultiCell(bodyW*0.55-35, 5, f[1], "", "L", false)
	}
	pdf.SetY(max(left, pdf.GetY()) + 8)
	if d.Kind == KindCreditNote && d.Reason != "" {
		pdf.SetFont(pdffont.Family, "", 10)
		pdf.MultiCell(bodyW, 5, "Årsag: "+d.Reason, "", "L", false)
		pdf.Ln(4)
	}
}

func customerLines(c Customer) []string {
	var out []string
	if c.Department != "" {
		out = append(out, c.Department)
	}
	out = append(out, ParseAddress(c.Address).Lines...)
	if c.ContactName != "" {
		out = append(out, "Att.: "+c.ContactName)
	}
	return out
}

func facts(d Document) [][2]string {
	f := [][2]string{{d.Kind.Label() + "nr.", d.Number}, {"Dato", catalog.FormatDate(d.IssuedAt.In(catalog.Copenhagen))}}
	if d.Kind == KindCreditNote {
		f = append(f, [2]string{"Krediterer faktura", d.Credits.Number + " af " + catalog.FormatDate(d.Credits.IssuedAt.In(catalog.Copenhagen))})
	} else {
		f = append(f, [2]string{"Betales senest", catalog.FormatDate(d.DueDate)})
	}
	f = append(f, [2]string{"Tilmelding", d.BookingRef}, [2]string{"Jeres reference", d.Customer.Reference})
	if d.Customer.EAN != "" {
		f = append(f, [2]string{"EAN-nummer", d.Customer.EAN})
	} else {
		f = append(f, [2]string{"CVR-nummer", d.Customer.CVR})
	}
	return f
}

func lines(pdf *fpdf.Fpdf, d Document) {
	linesHeader(pdf)
	for _, l := range d.Lines {
		text := l.CourseTitle + "\n" + l.Dates() + "\nDeltager: " + l.Participant
		pdf.SetFont(pdffont.Family, "", 9) // the font the title is measured and set in
		n := len(pdf.SplitText(l.CourseTitle, cols[0]-2)) + 2
		h := float64(n) * 4.6
		if pdf.GetY()+h > 297-30 {
			pdf.AddPage()
			linesHeader(pdf)
			pdf.SetFont(pdffont.Family, "", 9)
		}
		x, y := pdf.GetX(), pdf.GetY()
		pdf.MultiCell(cols[0], 4.6, text, "", "L", false)
		pdf.SetXY(x+cols[0], y)
		discount := ""
		if l.DiscountOre() > 0 {
			discount = "-" + money(l.DiscountOre())
		}
		for i, s := range []string{money(l.ListOre), discount, money(l.PriceOre), percent(l.VATRateBP) + " %"} {
			pdf.CellFormat(cols[i+1], 4.6, s, "", 0, "R", false, 0, "")
		}
		pdf.SetXY(x, y+h+1.5)
		pdf.SetDrawColor(0xdd, 0xdd, 0xdd)
		pdf.Line(marginL, pdf.GetY()-0.75, marginL+bodyW, pdf.GetY()-0.75)
	}
}

func linesHeader(pdf *fpdf.Fpdf) {
	pdf.SetFont(pdffont.Family, "B", 9)
	pdf.SetFillColor(0xe8, 0xef, 0xf1)
	for i, s := range []string{"Kursus, dato og deltager", "Listepris", "Pakkerabat", "Beløb", "Moms"} {
		align := "R"
		if i == 0 {
			align = "L"
		}
		pdf.CellFormat(cols[i], 7, s, "", 0, align, true, 0, "")
	}
	pdf.Ln(9)
}

func totals(pdf *fpdf.Fpdf, d Document) {
	pdf.Ln(2)
	row := func(label, value string, bold bool) {
		style := ""
		if bold {
			style = "B"
		}
		pdf.SetFont(pdffont.Family, style, 10)
		pdf.SetX(marginL + bodyW - 110)
		pdf.CellFormat(80, 6, label, "", 0, "L", false, 0, "")
		pdf.CellFormat(30, 6, value, "", 1, "R", false, 0, "")
	}
	if saving := d.ListOre - d.ExclOre; saving > 0 {
		row("Listepris i alt", money(d.ListOre), false)
		row("Pakkerabat", "-"+money(saving), false)
	}
	row("I alt ekskl. moms", money(d.ExclOre), false)
	for _, s := range d.Subtotals {
		row("Moms "+percent(s.RateBP)+" % af "+money(s.TaxableOre), money(s.VATOre), false)
	}
	label := "I alt inkl. moms (DKK)"
	if d.Kind == KindCreditNote {
		label = "Krediteret i alt inkl. moms (DKK)"
	}
	row(label, money(d.InclOre), true)
	pdf.Ln(8)
}

func payment(pdf *fpdf.Fpdf, d Document) {
	pdf.SetFont(pdffont.Family, "", 10)
	pdf.MultiCell(bodyW, 5, strings.Join(d.PaymentLines(), "\n"), "", "L", false)
}

// PaymentLines say how the document is settled and how it was delivered:
// the PDF and the mail that carries it say the same.
func (d Document) PaymentLines() []string {
	var s []string
	if d.Kind == KindInvoice {
		s = append(s, fmt.Sprintf("Betales senest %s til reg.nr. %s, konto %s. Angiv fakturanummer %s ved betaling.",
			catalog.FormatDate(d.DueDate), d.Supplier.BankReg, d.Supplier.BankAccount, d.Number))
	} else {
		s = append(s, "Beløbet modregnes i faktura "+d.Credits.Number+" eller betales tilbage, hvis fakturaen er betalt.")
	}
	if d.Customer.EAN != "" {
		s = append(s, d.Kind.Label()+"en er sendt elektronisk (OIOUBL) til EAN-nummer "+d.Customer.EAN+". Denne PDF er en kopi.")
	}
	return s
}

func footer(pdf *fpdf.Fpdf, d Document) {
	s := d.Supplier
	pdf.SetY(-22)
	pdf.SetDrawColor(brand[0], brand[1], brand[2])
	pdf.Line(marginL, pdf.GetY(), marginL+bodyW, pdf.GetY())
	pdf.Ln(2)
	pdf.SetFont(pdffont.Family, "", 8)
	pdf.SetTextColor(muted[0], muted[1], muted[2])
	pdf.CellFormat(bodyW, 4, s.Name+" · "+s.Address.String()+" · CVR-nr. "+s.CVR, "", 1, "C", false, 0, "")
	pdf.CellFormat(bodyW, 4, "Telefon "+s.Phone+" · "+s.Email+" · Side "+fmt.Sprint(pdf.PageNo())+" af {nb}", "", 1, "C", false, 0, "")
	pdf.SetTextColor(0, 0, 0)
}

// money is øre as the PDF shows amounts: "6.750,00".
func money(ore int64) string {
	s := catalog.FormatKroner(ore)
	s = strings.TrimSuffix(s, " kr.")
	if !strings.Contains(s, ",") {
		s += ",00"
	}
	return s
}
