package images

import (
	"bytes"
	"errors"
	"image"
	"image/jpeg"
	"image/png"
	"testing"

	"kursuskatalog/internal/catalog"
)

func encodePNG(t *testing.T, img image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// An upload becomes JPEGs of exactly the sizes pages ask for, cropped, not
// stretched, and named by a hash of the upload.
func TestMakeResizesToEverySize(t *testing.T) {
	up := encodePNG(t, Draw("ledelse", 1600, 1200))
	sizes, hash, err := Make(up)
	if err != nil {
		t.Fatal(err)
	}
	if len(hash) != 12 {
		t.Fatalf("hash %q", hash)
	}
	want := map[string][2]int{catalog.ImageSmall: {480, 270}, catalog.ImageLarge: {960, 540}, catalog.ImageShare: {1200, 630}}
	for _, s := range sizes {
		img, err := jpeg.Decode(bytes.NewReader(s.Data))
		if err != nil {
			t.Fatalf("%s: not a JPEG: %v", s.Name, err)
		}
		w := want[s.Name]
		if img.Bounds().Dx() != w[0] || img.Bounds().Dy() != w[1] || s.Width != w[0] || s.Height != w[1] {
			t.Errorf("%s is %v, want %v", s.Name, img.Bounds().Size(), w)
		}
		delete(want, s.Name)
	}
	if len(want) != 0 {
		t.Errorf("sizes missing: %v", want)
	}
	if _, again, _ := Make(up); again != hash {
		t.Error("the same upload got another hash")
	}
}

func TestMakeRefusesWhatIsNoPicture(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want error
	}{
		{"text", []byte("hello, this is no picture"), ErrFormat},
		{"too small", encodePNG(t, Draw("x", 800, 450)), ErrTooSmall},
		{"too many bytes", make([]byte, MaxBytes+1), ErrTooLarge},
	}
	for _, tt := range tests {
		if _, _, err := Make(tt.in); !errors.Is(err, tt.want) {
			t.Errorf("%s: got %v, want %v", tt.name, err, tt.want)
		}
	}
}

// The demo's pictures come from data: the same topic always draws the same
// picture, and two topics draw different ones.
func TestPatternIsDeterministic(t *testing.T) {
	a, ha, err := Pattern("politik")
	if err != nil {
		t.Fatal(err)
	}
	b, hb, _ := Pattern("politik")
	c, hc, _ := Pattern("gdpr")
	if ha != hb || !bytes.Equal(a[0].Data, b[0].Data) {
		t.Error("one topic, two pictures")
	}
	if ha == hc || bytes.Equal(a[0].Data, c[0].Data) {
		t.Error("two topics, one picture")
	}
}
