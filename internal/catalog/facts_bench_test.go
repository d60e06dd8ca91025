package catalog

import (
	"fmt"
	"testing"
	"time"
)

// BenchmarkFind20000 finds in 20,000 courses with four dates each, as
// katalog demo -scale 20000 makes them.
func BenchmarkFind20000(b *testing.B) {
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, Copenhagen)
	fs := &Facts{Topics: []Topic{{Slug: "a", Name: "A"}, {Slug: "b", Name: "B"}}}
	var matches []Match
	for i := range 20000 {
		c := CourseFacts{ID: int64(i + 1), Title: fmt.Sprintf("Kursus om ledelse %05d", (i*7919)%20000), PriceOre: int64(i%50) * 100000, Topics: []int{i % 2}}
		c.LowerTitle = c.Title
		for j := range 4 {
			start := now.AddDate(0, (i+j*3)%14, 1)
			c.Dates = append(c.Dates, DateFacts{Start: start.UnixNano(), Month: MonthNumber(start), Region: int8((i + j) % 5), Free: (i+j)%7 != 0})
		}
		fs.Courses = append(fs.Courses, c)
		matches = append(matches, Match{Course: int32(i), Rank: float32(i%13) / 10})
	}
	for _, f := range []Filter{{Sort: SortDate}, {Sort: SortTitle}, {Q: "ledelse", Sort: SortRelevance}, {Region: "midtjylland", FreeOnly: true, Sort: SortDate}} {
		b.Run(fmt.Sprintf("%+v", f), func(b *testing.B) {
			var m []Match
			if f.Q != "" {
				m = matches
			}
			for b.Loop() {
				fs.Find(f, now, m, 0)
			}
		})
	}
}
