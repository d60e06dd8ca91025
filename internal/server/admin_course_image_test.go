package server_test

import (
	"bytes"
	"context"
	"image"
	"image/jpeg"
	"image/png"
	"math/rand/v2"
	"mime/multipart"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"kursuskatalog/internal/images"
)

// uploadImage posts the picture form with a PNG of w×h (none when w is 0).
func uploadImage(t *testing.T, s *site, courseID int64, alt string, w, h int) (*http.Response, string) {
	t.Helper()
	var img image.Image
	if w > 0 {
		img = images.Draw("upload", w, h)
	}
	return uploadPicture(t, s, courseID, alt, img)
}

// uploadPicture posts the picture form with img as a PNG (none when nil).
func uploadPicture(t *testing.T, s *site, courseID int64, alt string, img image.Image) (*http.Response, string) {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	mw.WriteField("alt", alt)
	if img != nil {
		fw, _ := mw.CreateFormFile("billede", "foto.png")
		if err := png.Encode(fw, img); err != nil {
			t.Fatal(err)
		}
	}
	mw.Close()
	res, b := s.send(t, http.MethodPost, "/admin/kurser/"+strconv.FormatInt(courseID, 10)+"/billede", &body,
		http.Header{"Content-Type": {mw.FormDataContentType()}})
	return res, string(b)
}

// Staff upload a picture in the course editor: it needs an alt text and a
// size to crop from, is stored in Postgres in every size, and is served by
// any instance on the course page, its cards and its sharing tags.
func TestAdminUploadsACoursePicture(t *testing.T) {
	s := adminSite(t)
	ctx := context.Background()
	var id int64
	var before string
	s.Store.Pool.QueryRow(ctx, `SELECT c.id, i.hash FROM courses c JOIN course_images i ON i.course_id = c.id WHERE c.slug = 'politisk-forstaaelse'`).Scan(&id, &before)

	res, body := uploadImage(t, s, id, "", 1600, 1000)
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("without alt text: %d", res.StatusCode)
	}
	mustContain(t, body, "<title>Fejl: ", "Skriv, hvad billedet viser", `href="#alt"`)
	res, body = uploadImage(t, s, id, "Et mødebord", 800, 450)
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("too small: %d", res.StatusCode)
	}
	mustContain(t, body, "Billedet er for lille", `value="Et mødebord"`)
	var hash string
	s.Store.Pool.QueryRow(ctx, `SELECT hash FROM course_images WHERE course_id = $1`, id).Scan(&hash)
	if hash != before {
		t.Fatal("a refused upload changed the picture")
	}

	res, _ = uploadImage(t, s, id, "Deltagere ved et mødebord", 1600, 1000)
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("upload: %d", res.StatusCode)
	}
	s.Store.Pool.QueryRow(ctx, `SELECT hash FROM course_images WHERE course_id = $1`, id).Scan(&hash)
	if hash == before {
		t.Fatal("the upload did not replace the picture")
	}
	if a := auditActions(t, s, "course", id); !strings.Contains(a, "image:image,image_alt:admin@cok.dk") {
		t.Errorf("audit log: %s", a)
	}

	// Another instance on the same database serves it, at every size.
	other := startSite(t, s.Store)
	_, page := other.get(t, "/kurser/politisk-forstaaelse")
	mustContain(t, page, `alt="Deltagere ved et mødebord"`, `<meta property="og:image" content="http://kurser.test/billeder/kurser/`+strconv.FormatInt(id, 10)+"/"+hash+"-1200.jpg")
	src := regexp.MustCompile(`class="course-image" src="([^"]+)"`).FindStringSubmatch(page)
	if src == nil {
		t.Fatal("no picture on the course page")
	}
	res, jpg := other.send(t, http.MethodGet, src[1], nil, nil)
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "image/jpeg" || !strings.Contains(res.Header.Get("Cache-Control"), "immutable") {
		t.Fatalf("picture: %d %v", res.StatusCode, res.Header)
	}
	img, err := jpeg.Decode(bytes.NewReader(jpg))
	if err != nil || img.Bounds().Dx() != 960 || img.Bounds().Dy() != 540 {
		t.Fatalf("picture decodes to %v (%v)", img.Bounds(), err)
	}
	// The old version's address is gone.
	res, _ = other.send(t, http.MethodGet, "/billeder/kurser/"+strconv.FormatInt(id, 10)+"/"+before+"-960.jpg", nil, nil)
	if res.StatusCode != http.StatusNotFound {
		t.Errorf("old picture: %d", res.StatusCode)
	}

	// A photograph is megabytes, far more than the staff area's forms: it
	// is taken too.
	photo := image.NewRGBA(image.Rect(0, 0, 1600, 900))
	noise := rand.New(rand.NewPCG(1, 2))
	for i := range photo.Pix {
		photo.Pix[i] = byte(noise.Uint32())
	}
	res, _ = uploadPicture(t, s, id, "Deltagere ved et mødebord", photo)
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("a photograph of several MB: %d", res.StatusCode)
	}
	s.Store.Pool.QueryRow(ctx, `SELECT hash FROM course_images WHERE course_id = $1`, id).Scan(&hash)

	// A new alt text without a file keeps the picture.
	res, _ = uploadImage(t, s, id, "Gruppearbejde om politisk betjening", 0, 0)
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("alt only: %d", res.StatusCode)
	}
	_, page = s.get(t, "/kurser/politisk-forstaaelse")
	mustContain(t, page, `alt="Gruppearbejde om politisk betjening"`, hash+"-960.jpg")

	if status, _, _ := s.post(t, "/admin/kurser/"+strconv.FormatInt(id, 10)+"/billede/slet", nil); status != http.StatusSeeOther {
		t.Fatalf("delete: %d", status)
	}
	_, page = s.get(t, "/kurser/politisk-forstaaelse")
	if strings.Contains(page, `class="course-image"`) {
		t.Error("the picture is still on the page after it was removed")
	}
}
