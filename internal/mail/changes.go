package mail

import (
	"strconv"
	"strings"
	"time"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/catalog"
)

// The mails of changes to a booking once made. Each participant's mail
// carries their calendar's update and a way to reach the booker; the
// booker's says what the booking costs now. A booker who takes part gets
// one mail, with their own calendar updates in it.

// seatMails tell a participant that a seat is theirs now, with its
// invitation, and tell the booker, when someone else booked them.
func seatMails(r booking.Receipt, s booking.Seat, kind, subject, intro, bookerSubject, bookerIntro string, now time.Time) []Message {
	d := r.Date(s.DateID)
	body := doc{
		Greeting: "Kære " + s.Name,
		Intro:    []string{intro},
		Sections: []section{{Heading: "Kursus", Lines: []string{dateLine(d)}}, {Heading: "Godt at vide", Lines: []string{seatRule(d, now)}}},
		Outro:    []string{calendarNote, "Kan du alligevel ikke deltage, så giv besked hurtigst muligt, så pladsen kan gå videre til den næste på ventelisten."},
	}
	self := strings.EqualFold(s.Email, r.BookerEmail)
	if !self {
		body.More = []link{bookerLink(r)}
	}
	m := render(kind, s.Email, s.Name, subject, body)
	m.Invites = []Invite{request(d, s)}
	out := []Message{m}
	if !self {
		body.Greeting, body.Intro, body.More = "Kære "+r.BookerName, []string{bookerIntro}, nil
		body.Outro = []string{"Du kan se hele tilmeldingen med linket i kvitteringsmailen."}
		out = append(out, render(kind, r.BookerEmail, r.BookerName, bookerSubject, body))
	}
	return out
}

// PromotedMail tells a participant that staff gave them a seat from the
// waiting list, and their booker.
func PromotedMail(r booking.Receipt, s booking.Seat, now time.Time) []Message {
	d := r.Date(s.DateID)
	return seatMails(r, s, "promoted", "Du har fået en plads: "+d.CourseTitle,
		"COK har givet dig en plads fra ventelisten. Du er nu bekræftet deltager (tilmelding "+r.Ref+").",
		"Plads fra ventelisten: "+d.CourseTitle,
		s.Name+" har fået en plads fra ventelisten og er nu bekræftet deltager (tilmelding "+r.Ref+").", now)
}

// CancelledMails confirm a booker's cancellation: to the booker, what
// each seat costs and what the booking costs now; to each participant
// cancelled, that they are, with their calendar's cancel.
func CancelledMails(r booking.Receipt, p booking.CancelPlan) []Message {
	personal := r.BookerName + " har afmeldt dig fra kurset nedenfor (tilmelding " + r.Ref + ")."
	if people := cancelledPeople(p); len(people) == 1 && strings.EqualFold(people[0].Email, r.BookerEmail) {
		personal = "Du har afmeldt dig fra kurset nedenfor (tilmelding " + r.Ref + ")."
	}
	return cancelMails(r, p, "Vi har afmeldt følgende fra tilmelding "+r.Ref+".", personal, "")
}

// cancelMails are the mails of a plan carried out; r is the booking
// after it. The booker's mail opens with intro, a participant's with
// personal (as "du"); a booker who is the only one cancelled gets the
// latter.
func cancelMails(r booking.Receipt, p booking.CancelPlan, intro, personal, reason string) []Message {
	people := cancelledPeople(p)
	if len(people) == 1 && strings.EqualFold(people[0].Email, r.BookerEmail) {
		intro = personal
	}
	body := doc{Greeting: "Kære " + r.BookerName, Intro: []string{intro}, Sections: cancelSections(r, p, reason)}
	subject := "Afmelding bekræftet (" + r.Ref + ")"
	if !p.Seats[0].Frees() && len(p.Seats) == 1 {
		subject = "Du er taget af ventelisten (" + r.Ref + ")"
	}
	booker := render("cancelled", r.BookerEmail, r.BookerName, subject, body)
	out := []Message{booker}
	for _, who := range people {
		var invites []Invite
		var lines []string
		left := false
		for _, c := range p.Seats {
			if strings.EqualFold(c.Email, who.Email) {
				lines = append(lines, dateLine(r.Date(c.DateID))+" – "+seatCost(p, c))
				if c.Frees() {
					invites = append(invites, cancel(r.Date(c.DateID), c.Seat))
				} else {
					left = true
				}
			}
		}
		if strings.EqualFold(who.Email, r.BookerEmail) {
			out[0].Invites = invites
			continue
		}
		subj := "Du er afmeldt: " + titlesOf(r, p, who.Email)
		if left && len(invites) == 0 {
			subj = "Du er taget af ventelisten: " + titlesOf(r, p, who.Email)
		}
		sections := []section{{Heading: cancelHeading(p), Lines: lines}}
		if reason != "" {
			sections = append(sections, section{Heading: "Begrundelse", Lines: []string{reason}})
		}
		outro := []string{"Har du spørgsmål, så kontakt " + r.BookerName + ", der har tilmeldt dig."}
		if len(invites) > 0 {
			outro = append([]string{removedNote}, outro...)
		}
		m := render("cancelled", who.Email, who.Name, subj, doc{
			Greeting: "Kære " + who.Name, Intro: []string{personal}, Sections: sections,
			More: []link{bookerLink(r)}, Outro: outro,
		})
		m.Invites = invites
		out = append(out, m)
	}
	if len(out[0].Invites) > 0 {
		out[0].Text, out[0].HTML = withOutro(out[0], removedNote)
	}
	return out
}

// removedNote says what the cancels in a mail do.
const removedNote = "Kalenderfilen i denne mail fjerner kurset fra din kalender."

// cancelSections say what was cancelled and at what cost, which prices
// changed, and what the booking costs now.
func cancelSections(r booking.Receipt, p booking.CancelPlan, reason string) []section {
	var lines []string
	for _, c := range p.Seats {
		lines = append(lines, c.Name+" – "+dateLine(r.Date(c.DateID))+" – "+seatCost(p, c))
	}
	out := []section{{Heading: cancelHeading(p), Lines: lines}}
	if reason != "" {
		out = append(out, section{Heading: "Begrundelse", Lines: []string{reason}})
	}
	if len(p.Repriced) > 0 {
		s := section{Heading: "Ny pris, fordi pakkeprisen ikke længere gælder"}
		for _, c := range p.Repriced {
			s.Lines = append(s.Lines, repricedLine(r, c))
		}
		out = append(out, s)
	}
	if p.Before.InclOre == 0 && p.After.InclOre == 0 {
		return out // nothing was or is to be paid: no price to speak of
	}
	return append(out, totalsSection(p.Before, p.After))
}

// cancelHeading names what a plan did: cancelled seats, or only left a
// waiting list.
func cancelHeading(p booking.CancelPlan) string {
	for _, c := range p.Seats {
		if c.Frees() {
			return "Afmeldt"
		}
	}
	return "Taget af ventelisten"
}

// seatCost says what cancelling one seat of a plan costs.
func seatCost(p booking.CancelPlan, c booking.CancelSeat) string {
	switch {
	case !c.Frees():
		return "taget af ventelisten, gratis"
	case c.Charged:
		return "bindende: " + catalog.FormatKroner(p.ChargedPrice(c)) + " ekskl. moms skal betales. Overtager en fra ventelisten pladsen, er afmeldingen gratis, og du får besked"
	}
	return "gratis"
}

func repricedLine(r booking.Receipt, c booking.PriceChange) string {
	return c.Name + " – " + r.Date(c.DateID).CourseTitle + ": " + catalog.FormatKroner(c.PriceOre) +
		" ekskl. moms i stedet for pakkeprisen " + catalog.FormatKroner(c.Seat.PriceOre) +
		" (pakkeprisen gælder kun, når alle pakkens kurser er tilmeldt)"
}

// totalsSection is what the booking costs before and after a change.
func totalsSection(before, after booking.Totals) section {
	if before == after {
		return section{Heading: "Pris", Lines: []string{"Tilmeldingen koster fortsat " + catalog.FormatKroner(after.ExclOre) +
			" ekskl. moms (" + catalog.FormatKroner(after.InclOre) + " inkl. moms)"}}
	}
	return section{Heading: "Pris", Lines: []string{
		"Tilmeldingen koster nu " + catalog.FormatKroner(after.ExclOre) + " ekskl. moms (" + catalog.FormatKroner(after.InclOre) + " inkl. moms)",
		"Før ændringen: " + catalog.FormatKroner(before.ExclOre) + " ekskl. moms (" + catalog.FormatKroner(before.InclOre) + " inkl. moms)",
	}}
}

// cancelledPeople are the distinct people of a plan, in its order.
func cancelledPeople(p booking.CancelPlan) []booking.Seat {
	var out []booking.Seat
	for _, c := range p.Seats {
		if !slicesContainsEmail(out, c.Email) {
			out = append(out, c.Seat)
		}
	}
	return out
}

func slicesContainsEmail(seats []booking.Seat, email string) bool {
	for _, s := range seats {
		if strings.EqualFold(s.Email, email) {
			return true
		}
	}
	return false
}

func titlesOf(r booking.Receipt, p booking.CancelPlan, email string) string {
	var t []string
	for _, c := range p.Seats {
		title := r.Date(c.DateID).CourseTitle
		if strings.EqualFold(c.Email, email) && !contains(t, title) {
			t = append(t, title)
		}
	}
	return strings.Join(t, " og ")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// SubstituteMails tell the new participant (as "du": what they are booked
// on, in whose place, by whom), the one replaced and the booker. The
// calendar follows: the seat's event is the new person's now, and the old
// person's is cancelled.
func SubstituteMails(r booking.Receipt, old, updated booking.Seat, now time.Time) []Message {
	d := r.Date(updated.DateID)
	what := "Du er tilmeldt " + d.CourseTitle + " " + catalog.FormatSpan(d.StartsAt, d.EndsAt) + " på " + d.Venue.Address() +
		" i stedet for " + old.Name + ". " + r.BookerName + " fra " + r.OrgName + " har sat dig på (tilmelding " + r.Ref + ")."
	rules := []string{seatRule(d, now)}
	outro := []string{calendarNote}
	if updated.Status == booking.StatusWaitlisted {
		what = "Du står på ventelisten til " + d.CourseTitle + " " + catalog.FormatSpan(d.StartsAt, d.EndsAt) +
			" som nr. " + itoa(updated.WaitlistPos) + " i stedet for " + old.Name + ". " + r.BookerName + " fra " + r.OrgName +
			" har sat dig på (tilmelding " + r.Ref + ")."
		rules, outro = []string{d.CourseTitle + ": " + waitRule(d, now)}, []string{waitlistPromise}
	}
	newMail := render("substitute", updated.Email, updated.Name, "Du er tilmeldt som stedfortræder: "+d.CourseTitle, doc{
		Greeting: "Kære " + updated.Name, Intro: []string{what},
		Sections: []section{{Heading: "Kursus", Lines: []string{dateLine(d)}}, {Heading: "Godt at vide", Lines: rules}},
		More:     []link{bookerLink(r)},
		Outro:    append(outro, "Kan du ikke deltage, eller skal noget ændres, så kontakt "+r.BookerName+", der har tilmeldt dig."),
	})
	intro := updated.Name + " deltager i stedet for " + old.Name + " (tilmelding " + r.Ref + ")."
	oldMail := render("substitute", old.Email, old.Name, "Din plads er overtaget: "+d.CourseTitle, doc{
		Greeting: "Kære " + old.Name, Intro: []string{intro, "Du er derfor ikke længere tilmeldt kurset nedenfor."},
		Sections: []section{{Heading: "Kursus", Lines: []string{dateLine(d)}}},
		More:     []link{bookerLink(r)},
	})
	if updated.Status == booking.StatusConfirmed {
		newMail.Invites = []Invite{request(d, updated)}
		oldMail.Invites = []Invite{cancel(d, old)}
	}
	out := []Message{newMail, oldMail}
	if !strings.EqualFold(r.BookerEmail, old.Email) && !strings.EqualFold(r.BookerEmail, updated.Email) {
		out = append(out, render("substitute", r.BookerEmail, r.BookerName, "Stedfortræder navngivet ("+r.Ref+")", doc{
			Greeting: "Kære " + r.BookerName, Intro: []string{intro},
			Sections: []section{{Heading: "Kursus", Lines: []string{dateLine(d)}}},
		}))
	}
	return out
}

func itoa(n int) string { return strconv.Itoa(n) }
