package forms

import (
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"kursuskatalog/web/views"
)

func TestDecodeEnrolmentKeepsWhatWasTyped(t *testing.T) {
	v := url.Values{"booker_name": {"  Mette  "}, "dato": {"3", "3", "x", "-1", "7"}, "p2_name": {"Bo"}, "p0_email": {"a@b.dk"}, "invoice_kind": {"bogus"}}
	f := DecodeEnrolment(v)
	if f.BookerName != "Mette" || len(f.DateIDs) != 2 || f.DateIDs[0] != 3 || f.DateIDs[1] != 7 {
		t.Fatalf("%+v", f)
	}
	if len(f.Participants) != 3 || f.Participants[2].Name != "Bo" || f.Participants[0].Email != "a@b.dk" || !f.Participants[1].Empty() {
		t.Fatalf("participants %+v", f.Participants)
	}
	if f.InvoiceKind != "ean" {
		t.Fatalf("invoice kind %q", f.InvoiceKind)
	}
}

func TestValidateEnrolmentLimits(t *testing.T) {
	f := views.EnrolmentForm{DateIDs: []int64{1}, BookerName: "A", BookerEmail: "a@b.dk", BookerPhone: "12345678",
		OrgName: "X", InvoiceKind: "ean", EAN: "5798000416604", Terms: true}
	for range views.MaxParticipants + 1 {
		f.Participants = append(f.Participants, views.ParticipantForm{Name: "P", Email: "p" + strings.Repeat("x", len(f.Participants)) + "@b.dk"})
	}
	e := ValidateEnrolment(f)
	if !strings.Contains(e.Get("deltagere"), "højst være 20 deltagere") {
		t.Fatalf("no limit message: %+v", e.List)
	}
	f.Participants = f.Participants[:1]
	f.Comment = strings.Repeat("å", 2001)
	if e := ValidateEnrolment(f); e.Get("comment") == "" || len(e.List) != 1 {
		t.Fatalf("long comment: %+v", e.List)
	}
	f.Comment = ""
	if e := ValidateEnrolment(f); e.Any() {
		t.Fatalf("valid form refused: %+v", e.List)
	}
}

// Whatever is posted, decoding neither panics nor grows without bound, and
// keeps valid UTF-8 valid.
func FuzzDecodeEnrolment(f *testing.F) {
	f.Add("booker_name=Mette&dato=1&dato=2&p0_name=Anna&p0_email=a%40b.dk&terms=1")
	f.Add("p99999999999999999999_name=x&p-1_name=y&p_name=z&dato=99999999999999999999")
	f.Add("booker_name=%C3%A6%C3%B8%C3%A5&comment=" + strings.Repeat("%C3%A5", 3000))
	f.Fuzz(func(t *testing.T, raw string) {
		v, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		form := DecodeEnrolment(v)
		if len(form.Participants) > views.MaxParticipants+1 || len(form.DateIDs) > views.MaxDates+1 {
			t.Fatalf("unbounded: %d participants, %d dates", len(form.Participants), len(form.DateIDs))
		}
		if utf8.ValidString(v.Get("comment")) && !utf8.ValidString(form.Comment) {
			t.Fatalf("comment cut inside a rune")
		}
		ValidateEnrolment(form)
	})
}
