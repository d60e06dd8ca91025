package invoice

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The PDF says what the XML says, in Danish letters: pdftotext (Debian's
// poppler-utils) reads it back.
func TestPDFReadsBack(t *testing.T) {
	for _, kind := range []Kind{KindInvoice, KindCreditNote} {
		d := sample(kind)
		b, err := PDF(d)
		if err != nil {
			t.Fatal(err)
		}
		text := pdfText(t, b)
		want := []string{d.Kind.Label(), "Nr. 2027-00042", "Aarhus Kommune", "Borgmesterens Afdeling", "Rådhuspladsen 2",
			"Åse Øster", "Politisk forståelse", "03.03.2027-04.03.2027", "6.750,00", "-1.752,50", "0 %",
			"I alt ekskl. moms", "17.945,50", "Moms 25 % af 16.745,50", "4.186,38", "22.131,88", "Ordre 4711 / Åse Øster",
			"CVR-nr. 12345674", "5798005770002"}
		if kind == KindInvoice {
			want = append(want, "Betales senest 05.03.2027 til reg.nr. 1234, konto 1234567890")
		} else {
			want = append(want, "Krediterer faktura", "2027-00040 af 20.01.2027", "Årsag: Afmeldt før tilmeldingsfristen", "Krediteret i alt")
		}
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: the PDF lacks %q:\n%s", kind, w, text)
			}
		}
	}
}

// pdfText is the text of a PDF as pdftotext reads it.
func pdfText(t *testing.T, b []byte) string {
	t.Helper()
	f := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(f, b, 0o644); err != nil {
		t.Fatal(err)
	}
	if dump := os.Getenv("INVOICE_PDF_DUMP"); dump != "" {
		_ = os.WriteFile(dump, b, 0o644)
	}
	out, err := exec.Command("pdftotext", "-layout", f, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}
