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

// ProgrammeEnrolmentOf loads the dates of the page's modules and the
// bundle offer whose courses are exactly its modules.
func (s *Store) ProgrammeEnrolmentOf(ctx context.Context, p catalog.ProgrammePage, now time.Time) (ProgrammeEnrolment, error) {
	var out ProgrammeEnrolment
	if len(p.Modules) == 0 {
		return out, nil
	}
	modules := map[int64]bool{}
	for _, m := range p.Modules {
		dates, err := s.courseDates(ctx, m.Course.ID, now)
		if err != nil {
			return out, err
		}
		out.Dates = append(out.Dates, dates)
		modules[m.Course.ID] = true
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
