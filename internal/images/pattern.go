package images

import (
	"hash/fnv"
	"image"
	"image/color"
	"math"
)

// palettes are pairs of a dark ground and a light figure from the site's
// colours and their neighbours.
var palettes = [][2]color.RGBA{
	{{0x0b, 0x3c, 0x49, 255}, {0x8f, 0xc9, 0xd6, 255}},
	{{0x11, 0x5e, 0x70, 255}, {0xf2, 0xc1, 0x4e, 255}},
	{{0x1d, 0x6b, 0x35, 255}, {0xc8, 0xe6, 0xb0, 255}},
	{{0x5a, 0x2a, 0x6e, 255}, {0xe4, 0xc3, 0xf0, 255}},
	{{0xb8, 0x42, 0x0f, 255}, {0xff, 0xd9, 0xb3, 255}},
	{{0x2c, 0x3e, 0x8c, 255}, {0xb9, 0xc8, 0xff, 255}},
	{{0x7a, 0x4b, 0x00, 255}, {0xf5, 0xdf, 0x9a, 255}},
	{{0x3d, 0x3d, 0x3b, 255}, {0xe0, 0xe0, 0xdc, 255}},
}

// Draw makes a w×h picture from seed: a diagonal ground from the palette's
// dark colour, and a few large overlapping discs in its light one, their
// places and sizes taken from the seed's hash. Large smooth shapes keep the
// JPEGs small (about 25 KB at 960 px).
func Draw(seed string, w, h int) image.Image {
	f := fnv.New64a()
	f.Write([]byte(seed))
	x := f.Sum64()
	pal := palettes[x%uint64(len(palettes))]
	bg, fg := pal[0], pal[1]
	type disc struct{ cx, cy, r, a float64 }
	var discs []disc
	for i := 0; i < 5; i++ {
		f.Write([]byte{byte(i)})
		y := f.Sum64()
		discs = append(discs, disc{
			cx: float64(y%1000) / 1000 * float64(w),
			cy: float64((y>>10)%1000) / 1000 * float64(h),
			r:  (0.18 + float64((y>>20)%100)/400) * float64(h),
			a:  0.25 + float64((y>>30)%40)/100,
		})
	}
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	// The ground lightens a little towards the lower right.
	for py := 0; py < h; py++ {
		for px := 0; px < w; px++ {
			img.SetRGBA(px, py, mix(bg, fg, 0.18*(float64(px)/float64(w)+float64(py)/float64(h))/2))
		}
	}
	// Each disc is laid over the pixels of its bounding box only.
	for _, d := range discs {
		x0, x1 := max(0, int(d.cx-d.r-1)), min(w, int(d.cx+d.r+2))
		y0, y1 := max(0, int(d.cy-d.r-1)), min(h, int(d.cy+d.r+2))
		for py := y0; py < y1; py++ {
			for px := x0; px < x1; px++ {
				dist := math.Hypot(float64(px)-d.cx, float64(py)-d.cy)
				if edge := math.Max(0, math.Min(1, d.r-dist+0.5)); edge > 0 {
					img.SetRGBA(px, py, mix(img.RGBAAt(px, py), fg, d.a*edge))
				}
			}
		}
	}
	return img
}

func mix(a, b color.RGBA, t float64) color.RGBA {
	l := func(x, y uint8) uint8 { return uint8(float64(x)*(1-t) + float64(y)*t + 0.5) }
	return color.RGBA{l(a.R, b.R), l(a.G, b.G), l(a.B, b.B), 255}
}
