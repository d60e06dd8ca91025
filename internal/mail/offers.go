package mail

import (
	"strings"
	"time"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/catalog"
)

// The mails of an offer of a seat (tilbud om plads) and what becomes of it.

// OfferLinks are the pages of an offer's two answers. They only open the
// page, where the answer is given: a mail scanner that follows links
// answers nothing.
type OfferLinks struct{ Yes, No string }

// OfferMails offer a freed seat to the first on the waiting list, with
// "Ja tak" and "Nej tak", until the offer runs out, and say plainly what
// saying yes binds to. A booker who booked someone else is told too, and
// may answer for them.
func OfferMails(r booking.Receipt, s booking.Seat, o booking.SeatOffer, l OfferLinks) []Message {
	d := r.Date(s.DateID)
	until := catalog.FormatDateTime(o.ExpiresAt)
	body := doc{
		Greeting: "Kære " + s.Name,
		Intro: []string{"Der er blevet en plads ledig på kurset nedenfor, og du står først på ventelisten (tilmelding " + r.Ref + ").",
			"Vil du have pladsen? Svar senest " + until + "."},
		Sections: []section{{Heading: "Kursus", Lines: []string{dateLine(d)}}, {Heading: "Det betyder dit svar", Lines: booking.OfferTerms(d, s, o)}},
		Link:     &link{"Ja tak – jeg tager pladsen", l.Yes},
		More:     []link{{"Nej tak – giv pladsen videre", l.No}},
	}
	self := strings.EqualFold(s.Email, r.BookerEmail)
	if !self {
		body.More = append(body.More, bookerLink(r))
	}
	subject := "Tilbud om plads: " + d.CourseTitle + " – svar senest " + until
	out := []Message{render("offer", s.Email, s.Name, subject, body)}
	if !self {
		body.Greeting = "Kære " + r.BookerName
		body.Intro = []string{s.Name + " står først på ventelisten og har fået tilbudt en ledig plads på kurset nedenfor (tilmelding " + r.Ref + ").",
			s.Name + " eller du kan svare med linkene nedenfor senest " + until + "."}
		body.More = body.More[:1]
		out = append(out, render("offer", r.BookerEmail, r.BookerName, "Tilbud om plads til "+s.Name+": "+d.CourseTitle, body))
	}
	return out
}

// OfferAcceptedMails confirm a "Ja tak": the seat is theirs, with its
// calendar invitation.
func OfferAcceptedMails(r booking.Receipt, s booking.Seat, now time.Time) []Message {
	d := r.Date(s.DateID)
	return seatMails(r, s, "offer_accepted", "Pladsen er din: "+d.CourseTitle,
		"Tak for dit ja tak. Pladsen på kurset nedenfor er din, og du er bekræftet deltager (tilmelding "+r.Ref+").",
		"Ja tak til pladsen: "+d.CourseTitle,
		s.Name+" har sagt ja tak til den ledige plads og er nu bekræftet deltager (tilmelding "+r.Ref+").", now)
}

// OfferDeclinedMails confirm a "Nej tak": off the waiting list; r is the
// booking after it, p what leaving the list did.
func OfferDeclinedMails(r booking.Receipt, p booking.CancelPlan) []Message {
	s := p.Seats[0]
	title := r.Date(s.DateID).CourseTitle
	return cancelMails(r, p,
		s.Name+" har sagt nej tak til den ledige plads på "+title+". Pladsen går videre til den næste på ventelisten, og "+s.Name+" står ikke længere på ventelisten (tilmelding "+r.Ref+").",
		"Du har sagt nej tak til den ledige plads på "+title+". Pladsen går videre til den næste på ventelisten, og du står ikke længere på ventelisten (tilmelding "+r.Ref+").", "")
}

// OfferExpiredMails tell that an offer ran out unanswered: the seat went
// on, and its participant is off the waiting list.
func OfferExpiredMails(r booking.Receipt, p booking.CancelPlan) []Message {
	s := p.Seats[0]
	title := r.Date(s.DateID).CourseTitle
	return cancelMails(r, p,
		"Tilbuddet om en ledig plads til "+s.Name+" på "+title+" er udløbet uden svar. Pladsen er gået videre til den næste på ventelisten, og "+s.Name+" står ikke længere på ventelisten (tilmelding "+r.Ref+"). Skal "+s.Name+" stadig med, kan I skrive jer på ventelisten igen.",
		"Du har ikke svaret på tilbuddet om en ledig plads på "+title+" inden fristen. Pladsen er gået videre til den næste på ventelisten, og du står ikke længere på ventelisten (tilmelding "+r.Ref+"). Vil du stadig gerne med, kan du skrive dig på ventelisten igen.", "")
}

// RefilledMail tells the booker that a binding seat they cancelled was
// taken by someone from the waiting list, so the cancellation costs
// nothing; r is the booking after it.
func RefilledMail(r booking.Receipt, freed booking.Seat, c booking.Change, repriced []booking.PriceChange) Message {
	d := r.Date(freed.DateID)
	who := freed.Name
	if strings.EqualFold(freed.Email, r.BookerEmail) {
		who = "du"
	}
	sections := []section{{Heading: "Afmeldt, nu gratis", Lines: []string{freed.Name + " – " + dateLine(d)}}}
	if len(repriced) > 0 {
		s := section{Heading: "Ny pris, fordi pakkeprisen ikke længere gælder"}
		for _, p := range repriced {
			s.Lines = append(s.Lines, repricedLine(r, p))
		}
		sections = append(sections, s)
	}
	return render("refilled", r.BookerEmail, r.BookerName, "Afmeldingen er nu gratis ("+r.Ref+")", doc{
		Greeting: "Kære " + r.BookerName,
		Intro: []string{"En fra ventelisten har overtaget pladsen, som " + who + " var afmeldt fra efter tilmeldingsfristen. " +
			"Afmeldingen koster derfor ikke noget (tilmelding " + r.Ref + ")."},
		Sections: append(sections, totalsSection(c.Before, c.After)),
	})
}
