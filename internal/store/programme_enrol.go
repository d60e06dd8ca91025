package store

import (
	"context"
	"time"

	"kursuskatalog/internal/catalog"
)

// ProgrammeEnrolment is what the programme page needs to enrol in all its
// modules at once: each module's dates, in module order, and the bundle
// offer that covers every module, if there is one.
type ProgrammeEnrolment struct {
	Dates  [][]catalog.CourseDate
	Bundle *catalog.OfferView
}

// ProgrammeEnrolmentOf loads the coming dates of the page's modules and
// the bundle offer whose courses are exactly its modules, in two queries
// however many modules there are.
func (s *Store) ProgrammeEnrolmentOf(ctx context.Context, p catalog.ProgrammePage, now time.Time) (ProgrammeEnrolment, error) {
	var out ProgrammeEnrolment
	if len(p.Modules) == 0 {
		return out, nil
	}
	modules := map[int64]bool{}
	ids := make([]int64, len(p.Modules))
	for i, m := range p.Modules {
		ids[i] = m.Course.ID
		modules[m.Course.ID] = true
	}
	rows, err := s.Pool.Query(ctx, `
		SELECT `+dateColumns+` FROM course_dates d JOIN venues v ON v.id = d.venue_id
		WHERE d.course_id = ANY($1) AND d.starts_at > $2
		ORDER BY d.starts_at, d.id`, ids, now)
	if err != nil {
		return out, err
	}
	byCourse := map[int64][]catalog.CourseDate{}
	for rows.Next() {
		var d catalog.CourseDate
		if err := rows.Scan(dateScanArgs(&d)...); err != nil {
			rows.Close()
			return out, err
		}
		byCourse[d.CourseID] = append(byCourse[d.CourseID], d)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return out, err
	}
	for _, id := range ids {
		out.Dates = append(out.Dates, byCourse[id])
	}
	offers, err := s.offersFor(ctx, p.Modules[0].Course.ID, now)
	if err != nil {
		return out, err
	}
	for i, o := range offers {
		if len(o.Offer.Courses) != len(modules) {
			continue
		}
		all := true
		for _, c := range o.Offer.Courses {
			all = all && modules[c.CourseID]
		}
		if all {
			out.Bundle = &offers[i]
			break
		}
	}
	return out, nil
}
