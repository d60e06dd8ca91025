package booking

import (
	"time"

	"kursuskatalog/internal/catalog"
)

// DatesTogether pairs the dates of a programme's modules into runs one can
// enrol in at once: each date of the first module with a free seat, with,
// for every later module, its first date with a free seat starting after
// the previous module's date has ended. (A full date's waiting list is no
// run to offer: one would hold a seat on one module and wait for the other.) A date of the first module with no
// later date for some module makes no run.
func DatesTogether(modules [][]catalog.CourseDate, now time.Time) [][]catalog.CourseDate {
	if len(modules) == 0 {
		return nil
	}
	var runs [][]catalog.CourseDate
	for _, first := range modules[0] {
		if !hasSeat(first, now) {
			continue
		}
		run := []catalog.CourseDate{first}
		for _, later := range modules[1:] {
			prev := run[len(run)-1]
			found := false
			for _, d := range later {
				if hasSeat(d, now) && !d.StartsAt.Before(prev.EndsAt) {
					run = append(run, d)
					found = true
					break
				}
			}
			if !found {
				run = nil
				break
			}
		}
		if run != nil {
			runs = append(runs, run)
		}
	}
	return runs
}

func hasSeat(d catalog.CourseDate, now time.Time) bool {
	ph := PhaseOf(d, now)
	return ph.CanEnrol() && ph != PhaseWaitlist
}
