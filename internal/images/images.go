// Package images turns an uploaded picture into the sizes the pages use
// (JPEG, cropped to the cards' 16:9 and to the 1.91:1 of sharing previews)
// and draws the demo catalogue's pictures from data. It does no I/O.
package images

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"image"
	"image/jpeg"
	_ "image/png" // uploads may be PNG
	"sync"

	"github.com/disintegration/imaging"

	"kursuskatalog/internal/catalog"
)

// Sizes are what a course's picture is made into at upload: two widths for
// the cards' and the course page's srcset, and the sharing preview.
var Sizes = []struct {
	Name          string
	Width, Height int
}{
	{catalog.ImageSmall, 480, 270},
	{catalog.ImageLarge, 960, 540},
	{catalog.ImageShare, 1200, 630},
}

// MaxBytes bounds an upload; MaxPixels bounds what it may decode to, so a
// small file cannot unpack into gigabytes.
const (
	MaxBytes  = 10 << 20
	MaxPixels = 40_000_000
	MinWidth  = 960
	MinHeight = 540
)

// The errors an upload can meet, each with the Danish message staff see.
var (
	ErrFormat   = errors.New("Filen er ikke et billede i JPEG- eller PNG-format")
	ErrTooLarge = errors.New("Billedet er for stort. Det må højst fylde 10 MB og have 40 millioner pixels")
	ErrTooSmall = errors.New("Billedet er for lille. Det skal være mindst 960 × 540 pixels")
)

// Make decodes an uploaded JPEG or PNG (turned as its EXIF says) and
// returns its sizes and a hash of the upload that names this version.
func Make(upload []byte) ([]catalog.ImageSize, string, error) {
	if len(upload) > MaxBytes {
		return nil, "", ErrTooLarge
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(upload))
	if err != nil || (format != "jpeg" && format != "png") {
		return nil, "", ErrFormat
	}
	if cfg.Width*cfg.Height > MaxPixels {
		return nil, "", ErrTooLarge
	}
	img, err := imaging.Decode(bytes.NewReader(upload), imaging.AutoOrientation(true))
	if err != nil {
		return nil, "", ErrFormat
	}
	b := img.Bounds()
	if b.Dx() < MinWidth || b.Dy() < MinHeight {
		return nil, "", ErrTooSmall
	}
	sum := sha256.Sum256(upload)
	sizes, err := resize(img)
	return sizes, hex.EncodeToString(sum[:6]), err
}

// resize crops img to each size around its centre and encodes it as JPEG.
func resize(img image.Image) ([]catalog.ImageSize, error) {
	out := make([]catalog.ImageSize, 0, len(Sizes))
	for _, s := range Sizes {
		var buf bytes.Buffer
		if err := jpeg.Encode(&buf, imaging.Fill(img, s.Width, s.Height, imaging.Center, imaging.Lanczos), &jpeg.Options{Quality: 80}); err != nil {
			return nil, err
		}
		out = append(out, catalog.ImageSize{Name: s.Name, Width: s.Width, Height: s.Height, Data: buf.Bytes()})
	}
	return out, nil
}

var (
	patternMu    sync.Mutex
	patternCache = map[string]patternSet{}
)

type patternSet struct {
	sizes []catalog.ImageSize
	hash  string
}

// Pattern is the generated picture for seed (a topic, say), in every size:
// the same seed always gives the same picture. It is made once per process.
func Pattern(seed string) ([]catalog.ImageSize, string, error) {
	patternMu.Lock()
	defer patternMu.Unlock()
	if p, ok := patternCache[seed]; ok {
		return p.sizes, p.hash, nil
	}
	// Drawn at each size rather than resized: the shapes scale with the
	// picture, and drawing is cheaper than resampling.
	sizes := make([]catalog.ImageSize, 0, len(Sizes))
	for _, sz := range Sizes {
		var buf bytes.Buffer
		if err := jpeg.Encode(&buf, Draw(seed, sz.Width, sz.Height), &jpeg.Options{Quality: 80}); err != nil {
			return nil, "", err
		}
		sizes = append(sizes, catalog.ImageSize{Name: sz.Name, Width: sz.Width, Height: sz.Height, Data: buf.Bytes()})
	}
	sum := sha256.Sum256([]byte("pattern:v2:" + seed))
	p := patternSet{sizes, hex.EncodeToString(sum[:6])}
	patternCache[seed] = p
	return p.sizes, p.hash, nil
}
