package booking

import (
	"time"

	"kursuskatalog/internal/catalog"
)

// OfferOpen says whether a bundle offer can still be had at now: until the
// end of its last day, Copenhagen time.
func OfferOpen(o catalog.BundleOffer, now time.Time) bool {
	return now.Before(DeadlineEnd(o.LastDay))
}
