package store

import (
	"context"
	"time"

	"kursuskatalog/internal/catalog"
)

// Exported for the plan tests in favourites_test.go and admin_test.go.
const (
	FavouriteProgrammesSQL = favouriteProgrammesSQL
	SearchBookingsSQL      = searchBookingsSQL
)

// MatchBothWays matches the words q against the published catalogue as it
// is now, in memory as a search does and in Postgres.
func MatchBothWays(ctx context.Context, s *Store, q string, now time.Time) (inMemory, inPostgres []catalog.Match, err error) {
	facts, err := s.catalogFacts(ctx, now)
	if err != nil {
		return nil, nil, err
	}
	if inMemory, err = s.matchInMemory(ctx, facts, q); err != nil {
		return nil, nil, err
	}
	inPostgres, err = s.matchWords(ctx, facts, q, true)
	return inMemory, inPostgres, err
}
