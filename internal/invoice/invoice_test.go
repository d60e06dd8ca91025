package invoice

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kursuskatalog/internal/invoice/schematron"
)

func TestSumIsExactPerRate(t *testing.T) {
	d := sample(KindInvoice)
	// 25 %: 4.997,50 + 4.997,50 + 6.750,50 = 16.745,50 → 4.186,375 → 4.186,38.
	if len(d.Subtotals) != 2 || d.Subtotals[0].TaxableOre != 1674550 || d.Subtotals[0].VATOre != 418638 {
		t.Fatalf("25 %% subtotal: %+v", d.Subtotals)
	}
	if d.Subtotals[1].RateBP != 0 || d.Subtotals[1].TaxableOre != 120000 || d.Subtotals[1].VATOre != 0 {
		t.Fatalf("0 %% subtotal: %+v", d.Subtotals[1])
	}
	var vat int64
	for _, l := range d.Lines {
		vat += l.VATOre
	}
	if vat != d.VATOre || d.VATOre != 418638 || d.ExclOre != 1794550 || d.InclOre != 2213188 || d.ListOre != 2145050 {
		t.Fatalf("totals: lines' VAT %d, %+v", vat, d)
	}
	if d.Lines[2].No != 3 || d.Lines[0].DiscountOre() != 175250 {
		t.Fatalf("lines: %+v", d.Lines)
	}
}

func TestParseAddress(t *testing.T) {
	for _, tt := range []struct{ in, street, number, zip, city string }{
		{"Rådhuspladsen 2, 8000 Aarhus C", "Rådhuspladsen", "2", "8000", "Aarhus C"},
		{"Vester Farimagsgade 1\n1606 København V", "Vester Farimagsgade", "1", "1606", "København V"},
		{"Torvet 12B,  DK-4600  Køge", "Torvet", "12B", "4600", "Køge"},
		{"Att. Økonomi, Torvet 1, 4600 Køge", "", "", "", ""},
		{"Postboks 17", "", "", "", ""},
	} {
		a := ParseAddress(tt.in)
		if a.Street != tt.street || a.Number != tt.number || a.Zip != tt.zip || a.City != tt.city {
			t.Errorf("%q: %+v", tt.in, a)
		}
		if len(a.Lines) == 0 {
			t.Errorf("%q: no lines", tt.in)
		}
	}
}

func TestNumberAndFileName(t *testing.T) {
	if Number(2027, 42) != "2027-00042" {
		t.Fatal(Number(2027, 42))
	}
	d := Document{Kind: KindCreditNote, Number: "2027-00043"}
	if d.FileName("pdf") != "kreditnota-2027-00043.pdf" {
		t.Fatal(d.FileName("pdf"))
	}
	if u := NewUUID(); len(u) != 36 || u[14] != '4' || u == NewUUID() {
		t.Fatal(u)
	}
}

// The OIOUBL of an invoice and a credit note (a bundle's discount, two
// VAT rates, Danish letters, a structured and a free-text address) passes
// the official schematron; a document with a wrong total fails it, so the
// check can fail.
func TestOIOUBLPassesTheSchematron(t *testing.T) {
	dir := t.TempDir()
	inv, cn := sample(KindInvoice), sample(KindCreditNote)
	cn.Customer.Address = "Att. Økonomi, Torvet 1, 4600 Køge"
	for name, d := range map[string]Document{"invoice.xml": inv, "creditnote.xml": cn} {
		b, err := OIOUBL(d)
		if err != nil {
			t.Fatal(err)
		}
		write(t, dir, name, b)
	}
	bad, _ := OIOUBL(inv)
	write(t, dir, "wrong-total.xml", bytes.Replace(bad, []byte(">22131.88</cbc:PayableAmount>"), []byte(">22131.89</cbc:PayableAmount>"), 1))
	reps, err := schematron.Validate(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"invoice.xml", "creditnote.xml"} {
		if r := reps[name]; r.Fired < 50 || len(r.Failed) > 0 {
			t.Errorf("%s: %d rules fired, failed: %s", name, r.Fired, strings.Join(r.Failed, "\n"))
		}
	}
	if r := reps["wrong-total.xml"]; len(r.Failed) != 1 || !strings.Contains(r.Failed[0], "F-INV133") {
		t.Errorf("a wrong PayableAmount must fail F-INV133: %v", r.Failed)
	}
	if _, err := OIOUBL(Document{Number: "1"}); err == nil {
		t.Error("OIOUBL without an EAN must fail")
	}
}

func write(t *testing.T, dir, name string, b []byte) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
		t.Fatal(err)
	}
}
