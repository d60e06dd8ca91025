package store

// FavouriteProgrammesSQL is exported for the plan test in favourites_test.go.
const FavouriteProgrammesSQL = favouriteProgrammesSQL
