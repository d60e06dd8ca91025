package invoice

import (
	"time"
)

// sample is a document as COK issues them: two participants on two
// courses of a bundle and one more on a VAT-free course.
func sample(kind Kind) Document {
	cph := func(y int, m time.Month, d, h int) time.Time {
		return time.Date(y, m, d, h, 0, 0, 0, time.FixedZone("CET", 3600))
	}
	d := Document{Kind: kind, Number: "2027-00042", UUID: "9756b4d0-8815-4029-857a-e388fe63f399",
		IssuedAt: cph(2027, 2, 3, 6), BookingRef: "COK-2027-00017", BookedAt: cph(2027, 1, 10, 14),
		Supplier: Supplier{Name: "COK – Center for Offentlig Kompetenceudvikling", CVR: "12345674",
			Address: ParseAddress("Vester Farimagsgade 1, 1606 København V"), Email: "kurser@cok.dk", Phone: "+45 33 70 12 00",
			BankReg: "1234", BankAccount: "1234567890", PaymentDays: 30},
		Customer: Customer{Name: "Aarhus Kommune", Department: "Borgmesterens Afdeling", EAN: "5798005770002",
			Address: "Rådhuspladsen 2, 8000 Aarhus C", Reference: "Ordre 4711 / Åse Øster",
			ContactName: "Åse Øster", ContactEmail: "aase@aarhus.dk", ContactPhone: "+45 89 40 20 00"},
		Lines: []Line{
			{SeatID: 11, Participant: "Åse Øster", CourseTitle: "Politisk forståelse", StartsAt: cph(2027, 3, 3, 9), EndsAt: cph(2027, 3, 4, 15),
				ListOre: 675000, PriceOre: 499750, VATRateBP: 2500},
			{SeatID: 12, Participant: "Åse Øster", CourseTitle: "Politisk formidling og dialog", StartsAt: cph(2027, 4, 7, 9), EndsAt: cph(2027, 4, 8, 15),
				ListOre: 675000, PriceOre: 499750, VATRateBP: 2500},
			{SeatID: 13, Participant: "Bo Bæk", CourseTitle: "Politisk forståelse", StartsAt: cph(2027, 3, 3, 9), EndsAt: cph(2027, 3, 4, 15),
				ListOre: 675050, PriceOre: 675050, VATRateBP: 2500},
			{SeatID: 14, Participant: "Bo Bæk", CourseTitle: "Netværksdag", StartsAt: cph(2027, 5, 1, 9), EndsAt: cph(2027, 5, 1, 15),
				ListOre: 120000, PriceOre: 120000, VATRateBP: 0},
		},
	}
	if kind == KindCreditNote {
		d.Credits = Ref{Number: "2027-00040", UUID: "9756b4d0-8815-4029-857a-e388fe63f300", IssuedAt: cph(2027, 1, 20, 6)}
		d.Reason = "Afmeldt før tilmeldingsfristen"
	} else {
		d.DueDate = d.Supplier.PaymentDue(d.IssuedAt)
	}
	d.Sum()
	return d
}
