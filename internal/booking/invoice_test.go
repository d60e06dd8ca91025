package booking

import (
	"strings"
	"testing"
	"time"

	"kursuskatalog/internal/catalog"
)

func TestInvoiceNote(t *testing.T) {
	now := time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC)
	in := func(days int) time.Time { return now.AddDate(0, 0, days) }
	tests := []struct {
		name   string
		starts []time.Time
		want   string
	}{
		{"booked two months before", []time.Time{in(60)}, "Faktura sendes 3-4 uger før kursusstart."},
		{"booked 9 days before", []time.Time{in(9)}, "Faktura sendes med det samme, fordi kurset starter om mindre end fire uger."},
		{"four weeks less an hour", []time.Time{now.Add(InvoiceLead - time.Hour)}, "Faktura sendes med det samme"},
		{"exactly four weeks", []time.Time{now.Add(InvoiceLead)}, "Faktura sendes med det samme"},
		{"four weeks and an hour", []time.Time{now.Add(InvoiceLead + time.Hour)}, "Faktura sendes 3-4 uger før kursusstart."},
		{"one soon, one later: one invoice at once", []time.Time{in(60), in(9)}, "Faktura for hele tilmeldingen sendes med det samme, fordi det første kursus starter om mindre end fire uger."},
		{"two later", []time.Time{in(60), in(90)}, "Faktura for hele tilmeldingen sendes 3-4 uger før det første kursus starter."},
		{"nothing paid", nil, ""},
	}
	for _, tt := range tests {
		got := InvoiceNote(tt.starts, now)
		if tt.want == "" && got != "" || !strings.Contains(got, tt.want) {
			t.Errorf("%s: %q lacks %q", tt.name, got, tt.want)
		}
	}
}

// A booking's receipt tells what its invoice will do: a waiting place on
// a date soon does not bring the invoice forward, two people on one date
// are one date, and waiting places alone are told as the dates stand.
func TestInvoiceNoteOfABooking(t *testing.T) {
	now := time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC)
	date := func(id int64, days int) BookedDate {
		return BookedDate{CourseDate: catalog.CourseDate{ID: id, StartsAt: now.AddDate(0, 0, days)}}
	}
	soon, later := date(1, 9), date(2, 60)
	r := Receipt{CreatedAt: now, Dates: []BookedDate{soon, later}, Seats: []Seat{
		{DateID: 1, Status: StatusWaitlisted}, {DateID: 2, Status: StatusConfirmed}, {DateID: 2, Status: StatusConfirmed}}}
	if got, want := InvoiceNoteOf(r), "Faktura sendes 3-4 uger før kursusstart."; got != want {
		t.Errorf("a waiting place soon, two seats later: %q, want %q", got, want)
	}
	r.Seats[0].Status = StatusConfirmed
	if got := InvoiceNoteOf(r); !strings.Contains(got, "hele tilmeldingen sendes med det samme") {
		t.Errorf("seats soon and later: %q", got)
	}
	r.Seats = []Seat{{DateID: 2, Status: StatusWaitlisted}}
	if got, want := InvoiceNoteOf(r), InvoiceNoteFor(r.Dates, now); got != want {
		t.Errorf("waiting places only: %q, want %q", got, want)
	}
}

func TestInvoiceAtIsLeadBeforeTheFirstPaidSeat(t *testing.T) {
	d1 := time.Date(2027, 3, 3, 8, 0, 0, 0, time.UTC)
	d2 := time.Date(2027, 9, 1, 8, 0, 0, 0, time.UTC)
	r := Receipt{
		Dates: []BookedDate{{}, {}},
		Seats: []Seat{
			{ID: 1, DateID: 1, Status: StatusWaitlisted, PriceOre: 100},
			{ID: 2, DateID: 2, Status: StatusConfirmed, PriceOre: 100},
		},
	}
	r.Dates[0].ID, r.Dates[0].StartsAt = 1, d1
	r.Dates[1].ID, r.Dates[1].StartsAt = 2, d2
	at, ok := InvoiceAt(PaidStarts(r))
	if !ok || !at.Equal(d2.Add(-InvoiceLead)) {
		t.Fatalf("a waiting place does not decide: got %v %v, want %v", at, ok, d2.Add(-InvoiceLead))
	}
	r.Seats[0].Status = StatusConfirmed
	if at, _ := InvoiceAt(PaidStarts(r)); !at.Equal(d1.Add(-InvoiceLead)) {
		t.Fatalf("the first held seat decides: got %v", at)
	}
	r.Seats[0].Status, r.Seats[0].Charged = StatusCancelled, true
	if at, _ := InvoiceAt(PaidStarts(r)); !at.Equal(d1.Add(-InvoiceLead)) {
		t.Fatalf("a cancelled seat still charged is paid for: got %v", at)
	}
	r.Seats[0].Charged, r.Seats[1].Status = false, StatusWaitlisted
	if _, ok := InvoiceAt(PaidStarts(r)); ok {
		t.Fatal("nothing paid: no invoice")
	}
}

func TestPlanBill(t *testing.T) {
	held := func(id, price int64) Seat { return Seat{ID: id, Status: StatusConfirmed, PriceOre: price} }
	line := func(doc, seat, price int64, no int) BilledLine {
		return BilledLine{DocumentID: doc, LineNo: no, SeatID: seat, PriceOre: price}
	}
	tests := []struct {
		name        string
		seats       []Seat
		standing    []BilledLine
		wantCredit  []int // line numbers
		wantInvoice []int64
	}{
		{"new booking: every held seat", []Seat{held(1, 675000), held(2, 675000), {ID: 3, Status: StatusWaitlisted, PriceOre: 675000}},
			nil, nil, []int64{1, 2}},
		{"invoiced and unchanged", []Seat{held(1, 675000)}, []BilledLine{line(7, 1, 675000, 1)}, nil, nil},
		{"cancelled free of charge", []Seat{{ID: 1, Status: StatusCancelled, PriceOre: 675000}, held(2, 675000)},
			[]BilledLine{line(7, 1, 675000, 1), line(7, 2, 675000, 2)}, []int{1}, nil},
		{"cancelled but charged", []Seat{{ID: 1, Status: StatusCancelled, Charged: true, PriceOre: 675000}},
			[]BilledLine{line(7, 1, 675000, 1)}, nil, nil},
		{"bundle broken: one cancelled, the other repriced", []Seat{{ID: 1, Status: StatusCancelled, PriceOre: 499750}, held(2, 675000)},
			[]BilledLine{line(7, 1, 499750, 1), line(7, 2, 499750, 2)}, []int{1, 2}, []int64{2}},
		{"seat taken from the waiting list later", []Seat{held(1, 675000), held(2, 675000)},
			[]BilledLine{line(7, 1, 675000, 1)}, nil, []int64{2}},
		{"a line of a seat no longer there", []Seat{held(1, 675000)},
			[]BilledLine{line(7, 1, 675000, 1), line(7, 9, 675000, 2)}, []int{2}, nil},
		{"credited by staff: invoiced anew", []Seat{held(1, 675000)}, nil, nil, []int64{1}},
	}
	for _, tt := range tests {
		b := PlanBill(tt.seats, tt.standing)
		var credit []int
		for _, l := range b.Credit {
			credit = append(credit, l.LineNo)
		}
		var inv []int64
		for _, s := range b.Invoice {
			inv = append(inv, s.ID)
		}
		if !equalInts(credit, tt.wantCredit) || !equalIDs(inv, tt.wantInvoice) {
			t.Errorf("%s: credit %v invoice %v, want %v and %v", tt.name, credit, inv, tt.wantCredit, tt.wantInvoice)
		}
		if b.Empty() != (len(tt.wantCredit) == 0 && len(tt.wantInvoice) == 0) {
			t.Errorf("%s: Empty() = %v", tt.name, b.Empty())
		}
	}
}

func TestCreditsByInvoice(t *testing.T) {
	got := CreditsByInvoice([]BilledLine{{DocumentID: 7, LineNo: 1}, {DocumentID: 9, LineNo: 1}, {DocumentID: 7, LineNo: 2}})
	if len(got) != 2 || len(got[0]) != 2 || got[0][1].LineNo != 2 || got[1][0].DocumentID != 9 {
		t.Fatalf("one credit note per invoice, in order: %+v", got)
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func equalIDs(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
