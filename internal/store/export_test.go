package store

// Exported for the plan tests in favourites_test.go and admin_test.go.
const (
	FavouriteProgrammesSQL = favouriteProgrammesSQL
	SearchBookingsSQL      = searchBookingsSQL
)
