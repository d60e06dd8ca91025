// Package migrations holds the database schema as golang-migrate SQL files,
// embedded so that the binary can migrate the database it serves.
package migrations

import "embed"

// FS holds every *.sql migration in this folder.
//
//go:embed *.sql
var FS embed.FS
