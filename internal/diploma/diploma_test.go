package diploma_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"kursuskatalog/internal/catalog"
	"kursuskatalog/internal/diploma"
)

// The diploma is a PDF whose text, as poppler's pdftotext reads it, holds
// the participant's name and the course's title with their Danish letters
// (which fpdf's core fonts would have lost), and the course's facts.
func TestDiplomaTextHasDanishLetters(t *testing.T) {
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Fatalf("pdftotext is not installed; `make test` installs Debian's poppler-utils (%v)", err)
	}
	cph := catalog.Copenhagen
	d := diploma.Data{
		Name: "Søren Åge Ærø", CourseTitle: "Politisk forståelse og dialog med økonomiudvalget",
		StartsAt: time.Date(2027, 3, 3, 8, 45, 0, 0, cph), EndsAt: time.Date(2027, 3, 4, 15, 0, 0, 0, cph),
		Place: "Frederik VI's Hotel, Odense NV", Minutes: 14 * 60,
		ContentIntro: "I løbet af to dage arbejder vi med:",
		Bullets:      []string{"Politikerens arbejdsvilkår og tilgange", "Bo Smith-udvalgets rapport og KL’s kodeks for politisk betjening."},
		Issued:       time.Date(2027, 3, 4, 15, 0, 0, 0, cph), Number: "COK-2027-00042-17",
	}
	pdf, err := diploma.PDF(d)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(pdf), "%PDF-") {
		t.Fatalf("not a PDF: %q", pdf[:20])
	}
	// Only the glyphs used are embedded: far less than the two fonts' 1.4 MB.
	if len(pdf) > 120_000 {
		t.Errorf("the PDF is %d bytes; the fonts are not subset", len(pdf))
	}
	path := filepath.Join(t.TempDir(), "kursusbevis.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pdftotext, "-enc", "UTF-8", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	text := strings.Join(strings.Fields(string(out)), " ")
	for _, want := range []string{"Kursusbevis", "Søren Åge Ærø", "Politisk forståelse og dialog med økonomiudvalget",
		"3.–4. marts 2027", "Omfang: 14 timer", "Politikerens arbejdsvilkår og tilgange", "KL’s kodeks",
		"COK – Center for Offentlig Kompetenceudvikling", "Kursusbevis nr. COK-2027-00042-17"} {
		if !strings.Contains(text, want) {
			t.Errorf("pdftotext does not read %q in:\n%s", want, text)
		}
	}
	if again, _ := diploma.PDF(d); string(again) != string(pdf) {
		t.Error("the same diploma gave other bytes the second time")
	}
}

func TestExtent(t *testing.T) {
	cph := catalog.Copenhagen
	two := diploma.Data{StartsAt: time.Date(2027, 3, 3, 9, 0, 0, 0, cph), EndsAt: time.Date(2027, 3, 4, 15, 0, 0, 0, cph)}
	if got := two.Extent(); got != "Omfang: 2 dage" {
		t.Errorf("two days without hours: %q", got)
	}
	two.Minutes = 390
	if got := two.Extent(); got != "Omfang: 6,5 timer" {
		t.Errorf("with hours: %q", got)
	}
	one := diploma.Data{StartsAt: time.Date(2027, 3, 3, 9, 0, 0, 0, cph), EndsAt: time.Date(2027, 3, 3, 15, 0, 0, 0, cph)}
	if got := one.Extent(); got != "Omfang: 1 dag" {
		t.Errorf("one day: %q", got)
	}
}
