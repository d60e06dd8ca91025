package store

import (
	"fmt"

	"github.com/jackc/pgx/v5"
)

func parseConnConfig(dbURL string) (*pgx.ConnConfig, error) {
	cfg, err := pgx.ParseConfig(dbURL)
	if err != nil {
		return nil, fmt.Errorf("parse database url: %w", err)
	}
	return cfg, nil
}
