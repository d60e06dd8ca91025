// Package demo loads the demo catalogue: the programme of the seeds with its
// two modules, and a realistic catalogue of further courses whose dates show
// every phase. Loading is idempotent: what exists (by slug) is left alone.
package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/catalog"
	"kursuskatalog/internal/store"
)

// Report says what a load added.
type Report struct {
	CoursesAdded    int
	ProgrammesAdded int
	Generated       int
}

// Load adds the demo catalogue to the database in one transaction, with
// dates placed relative to now. scale adds that many generated courses (with
// four dates each over the next 18 months) for load tests.
func Load(ctx context.Context, st *store.Store, now time.Time, scale int) (Report, error) {
	var rep Report
	err := st.InTx(ctx, func(tx pgx.Tx) error {
		l := loader{tx: tx, now: now.In(catalog.Copenhagen), consultants: map[string]int64{}, topics: map[string]int64{}, venues: map[string]catalog.Venue{}}
		if err := l.references(ctx); err != nil {
			return err
		}
		if err := l.seeds(ctx, &rep); err != nil {
			return err
		}
		for i, c := range courses {
			id, created, err := l.course(ctx, c)
			if err != nil {
				return err
			}
			if !created {
				continue
			}
			rep.CoursesAdded++
			if err := l.patternDates(ctx, i, id, c); err != nil {
				return err
			}
			if i == 0 {
				if err := l.inquiries(ctx, id, l.consultants[c.Consultant]); err != nil {
					return err
				}
			}
		}
		if err := l.images(ctx); err != nil {
			return fmt.Errorf("demo pictures: %w", err)
		}
		if scale > 0 {
			n, err := store.GenerateCourses(ctx, tx, scale, l.now)
			if err != nil {
				return fmt.Errorf("generate %d courses: %w", scale, err)
			}
			rep.Generated = n
		}
		if err := store.InsertLoadedBookings(ctx, tx, l.loaded); err != nil {
			return fmt.Errorf("demo bookings: %w", err)
		}
		// Bookings loaded here, not booked, get their search text now.
		return store.IndexNewBookings(ctx, tx)
	})
	if err != nil || rep.Generated == 0 {
		return rep, err
	}
	// Fresh statistics after a generated load, so that the first plans are
	// made for the catalogue as it is, and a visibility map for index-only
	// scans (autovacuum would get to it only later; meanwhile a search at
	// 20,000 courses took seconds instead of ms).
	if _, err := st.Pool.Exec(ctx, `VACUUM ANALYZE`); err != nil {
		return rep, fmt.Errorf("analyze: %w", err)
	}
	return rep, nil
}

type loader struct {
	tx          pgx.Tx
	now         time.Time
	consultants map[string]int64
	topics      map[string]int64
	venues      map[string]catalog.Venue
	loaded      []store.LoadedBooking // the demo's bookings, inserted together at the end
}

func (l *loader) references(ctx context.Context) error {
	for _, c := range consultants {
		id, err := store.UpsertConsultant(ctx, l.tx, catalog.Consultant{Name: c.Name, JobTitle: c.JobTitle, Phone: c.Phone, Email: c.Email})
		if err != nil {
			return fmt.Errorf("consultant %s: %w", c.Email, err)
		}
		l.consultants[c.Email] = id
	}
	for _, t := range topics {
		id, err := store.UpsertTopic(ctx, l.tx, catalog.Topic{Slug: t.Slug, Name: t.Name})
		if err != nil {
			return fmt.Errorf("topic %s: %w", t.Slug, err)
		}
		l.topics[t.Slug] = id
	}
	for _, v := range venues {
		cv := catalog.Venue{Name: v.Name, Street: v.Street, Postcode: v.Postcode, City: v.City, Region: v.Region,
			ArrivalNote: arrivalNote(v.Key)}
		id, err := store.UpsertVenue(ctx, l.tx, cv)
		if err != nil {
			return fmt.Errorf("venue %s: %w", v.Key, err)
		}
		cv.ID = id
		l.venues[v.Key] = cv
	}
	return nil
}

// course inserts one course with its topics and agenda, unless its slug exists.
func (l *loader) course(ctx context.Context, c courseSpec) (int64, bool, error) {
	consultant, ok := l.consultants[c.Consultant]
	if !ok {
		return 0, false, fmt.Errorf("course %s: unknown consultant %q", c.Slug, c.Consultant)
	}
	vat := 2500
	if c.VATFree {
		vat = 0
	}
	id, created, err := store.InsertCourseIfNew(ctx, l.tx, catalog.Course{
		Slug: c.Slug, Title: c.Title, Teaser: c.Teaser, Audience: c.Audience, Description: c.Description,
		ContentIntro: c.ContentIntro, ContentBullets: c.Bullets, TeachingForm: c.TeachingForm,
		PriceOre: c.PriceKr * 100, VATRateBP: vat, PriceCovers: c.PriceCovers, InvoiceNote: invoiceNote,
		PartnerNote: c.PartnerNote, InhouseAvailable: !c.NotInhouse, ConsultantID: consultant,
		Status: catalog.StatusPublished,
	})
	if err != nil || !created {
		return id, created, err
	}
	if err := store.SetAftercare(ctx, l.tx, id, aftercare(c)); err != nil {
		return 0, false, err
	}
	var topicIDs []int64
	for _, t := range c.Topics {
		tid, ok := l.topics[t]
		if !ok {
			return 0, false, fmt.Errorf("course %s: unknown topic %q", c.Slug, t)
		}
		topicIDs = append(topicIDs, tid)
	}
	if err := store.SetCourseTopics(ctx, l.tx, id, topicIDs); err != nil {
		return 0, false, err
	}
	days := make([]catalog.AgendaDay, len(c.Agenda))
	for i, d := range c.Agenda {
		days[i].DayNo = i + 1
		days[i].Title = fmt.Sprintf("Dag %d", i+1)
		for _, it := range d.Items {
			days[i].Items = append(days[i].Items, catalog.AgendaItem{At: it.At, Title: it.Title, Speaker: it.Speaker, Points: it.Points})
		}
	}
	if err := store.SetAgenda(ctx, l.tx, id, days); err != nil {
		return 0, false, fmt.Errorf("course %s: %w", c.Slug, err)
	}
	return id, true, nil
}

// seeds loads the programme of the source pages: its two modules, their
// dates in the seeds' shape (two days, 08:45 to 15:00, deadline about five
// weeks before) and the bundle offer that runs until the deadline.
func (l *loader) seeds(ctx context.Context, rep *Report) error {
	// The seeds' date is 3 March with deadline 25 January; keep the day and
	// month in the next year where the deadline is still ahead.
	y := l.now.Year()
	if !l.now.Before(time.Date(y, 1, 1, 0, 0, 0, 0, catalog.Copenhagen)) {
		y++
	}
	forstID, created, err := l.course(ctx, politiskForstaaelse)
	if err != nil {
		return err
	}
	if created {
		rep.CoursesAdded++
		if err := l.twoDayDate(ctx, forstID, politiskForstaaelse, "odense", time.Date(y, 3, 3, 0, 0, 0, 0, catalog.Copenhagen), 37, 30, 18); err != nil {
			return err
		}
		if err := l.twoDayDate(ctx, forstID, politiskForstaaelse, "odense", time.Date(y, 9, 14, 0, 0, 0, 0, catalog.Copenhagen), 35, 30, 4); err != nil {
			return err
		}
	}
	formID, created2, err := l.course(ctx, politiskFormidling)
	if err != nil {
		return err
	}
	if created2 {
		rep.CoursesAdded++
		if err := l.twoDayDate(ctx, formID, politiskFormidling, "odense", time.Date(y, 4, 21, 0, 0, 0, 0, catalog.Copenhagen), 38, 30, 26); err != nil {
			return err
		}
		if err := l.twoDayDate(ctx, formID, politiskFormidling, "odense", time.Date(y, 10, 26, 0, 0, 0, 0, catalog.Copenhagen), 35, 30, 0); err != nil {
			return err
		}
	}
	progID, created3, err := store.InsertProgrammeIfNew(ctx, l.tx, catalog.Programme{
		Slug: programmeSlug, Title: programmeTitle, Teaser: programmeTeaser, Intro: programmeIntro,
		CompetencesIntro: competencesIntro, Competences: programmeCompetences, Background: programmeBackground,
		PartnerNote: politiskForstaaelse.PartnerNote, ContactNote: programmeContact,
		ConsultantID: l.consultants[seedConsultant], Status: catalog.StatusPublished,
	})
	if err != nil {
		return fmt.Errorf("programme: %w", err)
	}
	if !created3 {
		return nil
	}
	rep.ProgrammesAdded++
	if err := store.AddModule(ctx, l.tx, catalog.Module{ProgrammeID: progID, CourseID: forstID, Position: 1, Role: catalog.RoleBase, AudienceNote: baseModuleNote}); err != nil {
		return err
	}
	if err := store.AddModule(ctx, l.tx, catalog.Module{ProgrammeID: progID, CourseID: formID, Position: 2, Role: catalog.RoleSpecial, AudienceNote: specialModuleNote}); err != nil {
		return err
	}
	_, err = store.InsertBundleOffer(ctx, l.tx, catalog.BundleOffer{
		Title: bundleTitle, PriceOre: bundlePriceKr * 100,
		LastDay: time.Date(y, 1, 25, 0, 0, 0, 0, time.UTC),
		Courses: []catalog.BundleCourse{{CourseID: forstID, Pitch: bundlePitchForst}, {CourseID: formID, Pitch: bundlePitchFormidl}},
	})
	return err
}

// twoDayDate adds a date from 08:45 on day to 15:00 the day after, with the
// deadline deadlineDays before.
func (l *loader) twoDayDate(ctx context.Context, courseID int64, spec courseSpec, venue string, day time.Time, deadlineDays, capacity, taken int) error {
	v, ok := l.venues[venue]
	if !ok {
		return fmt.Errorf("unknown venue %q", venue)
	}
	y, m, d := day.Date()
	start := time.Date(y, m, d, 8, 45, 0, 0, catalog.Copenhagen)
	id, err := store.InsertDate(ctx, l.tx, catalog.CourseDate{
		CourseID: courseID, Venue: v, StartsAt: start,
		EndsAt:   time.Date(y, m, d+1, 15, 0, 0, 0, catalog.Copenhagen),
		Deadline: time.Date(y, m, d-deadlineDays, 0, 0, 0, 0, time.UTC),
		Capacity: capacity, SeatsTaken: taken,
	})
	if err != nil {
		return err
	}
	if err := store.SetDateMinimum(ctx, l.tx, id, capacity/3); err != nil {
		return err
	}
	return l.people(id, spec, start, seatSpec{Taken: taken, Cancelled: taken / 10})
}

// patternDates gives course i its dates, spread over the next twelve
// months on working days, and chosen so that together the courses show
// every phase a date can be in, and the soonest dates a mix of them. Every
// seat taken is a participant (people), full dates have waiting lists,
// and every date has a minimum of a third of its seats.
func (l *loader) patternDates(ctx context.Context, i int, courseID int64, c courseSpec) error {
	for j, key := range c.Venues {
		v, ok := l.venues[key]
		if !ok {
			return fmt.Errorf("course %s: unknown venue %q", c.Slug, key)
		}
		d := datePattern(i, j, c)
		y, m, day := l.now.Date()
		start := catalog.FirstWorkdays(time.Date(y, m, day+d.offset, 9, 0, 0, 0, catalog.Copenhagen), max(c.Days, 1))
		end := start.Add(6*time.Hour + 30*time.Minute)
		if c.Days >= 2 {
			start = start.Add(-15 * time.Minute)
			end = time.Date(start.Year(), start.Month(), start.Day()+c.Days-1, 15, 0, 0, 0, catalog.Copenhagen)
		}
		deadline := time.Date(start.Year(), start.Month(), start.Day()-deadlineDaysOf(c), 0, 0, 0, 0, time.UTC)
		if d.deadlineThisWeek { // two days ahead, or Sunday if sooner
			ahead := min(2, 6-(int(l.now.Weekday())+6)%7)
			deadline = time.Date(y, m, day+ahead, 0, 0, 0, 0, time.UTC)
		}
		id, err := store.InsertDate(ctx, l.tx, catalog.CourseDate{
			CourseID: courseID, Venue: v, StartsAt: start, EndsAt: end, Deadline: deadline,
			Capacity: d.capacity, SeatsTaken: d.seats.Taken, Status: d.status,
		})
		if err != nil {
			return fmt.Errorf("course %s date %d: %w", c.Slug, j+1, err)
		}
		if err := store.SetDateMinimum(ctx, l.tx, id, d.capacity/3); err != nil {
			return err
		}
		if err := l.people(id, c, start, d.seats); err != nil {
			return err
		}
	}
	return nil
}

// deadlineDays is how long before the start enrolment binds on the demo's
// residential (two-day) courses; a one-day course binds three weeks before.
const deadlineDays = 35

func deadlineDaysOf(c courseSpec) int {
	if c.Days >= 2 {
		return deadlineDays
	}
	return 21
}

// demoDate is what patternDates makes of date j of course i.
type demoDate struct {
	offset   int // days from today
	capacity int
	status   string
	seats    seatSpec
	// deadlineThisWeek: the deadline falls in the current week, whatever
	// the start (an early deadline, as some courses have).
	deadlineThisWeek bool
}

func datePattern(i, j int, c courseSpec) demoDate {
	d := demoDate{offset: 21 + (i*53+j*131)%340, capacity: c.Capacity, status: catalog.DatePlanned}
	if d.capacity <= 0 {
		d.capacity = 24
	}
	d.seats.Taken = (i*7 + j*5) % (d.capacity - booking.FewSeats)
	switch (i + j*3) % 10 {
	case 4: // few seats left; every other one soon, its deadline ahead
		d.seats.Taken = d.capacity - 2
		if i%2 == 0 {
			d.offset = deadlineDaysOf(c) + 1 + i%10
		}
	case 5: // full: a waiting list; every other one soon, after the deadline
		d.seats = seatSpec{Taken: d.capacity, Waiting: 1 + i%4}
		if i%2 == 0 {
			d.offset = 12 + i%15
		}
	case 6:
		d.status = catalog.DateCancelled
		d.seats.Taken = 0
	case 7: // deadline passed, seats left
		d.offset = 8 + i%20
		d.seats.Taken = d.capacity / 2
	case 8: // held already
		d.offset = -(30 + i*3)
		d.seats.Taken = d.capacity - 1
	}
	switch {
	case i == 5 && j == 0: // a seat freed by a cancellation, two waiting for it
		d.seats = seatSpec{Taken: d.capacity - 1, Waiting: 2, Cancelled: 1}
	case i == 1 && j == 0: // below its minimum, the deadline this week
		d.offset, d.seats.Taken, d.deadlineThisWeek = deadlineDaysOf(c)+10, 2, true
	case (i+j)%3 == 0 && d.seats.Taken > 0:
		d.seats.Cancelled = 1
	}
	return d
}
