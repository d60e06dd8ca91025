package store

import (
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/golang-migrate/migrate/v4"
	_ "github.com/golang-migrate/migrate/v4/database/pgx/v5" // the pgx5:// driver
	"github.com/golang-migrate/migrate/v4/source/iofs"

	"kursuskatalog/migrations"
)

// Migrator wraps golang-migrate over the embedded migrations.
type Migrator struct {
	m *migrate.Migrate
}

// NewMigrator opens a migrator for the database at dbURL (postgres://…; an
// empty or key=value string is turned into a URL from the PG* variables).
func NewMigrator(dbURL string) (*Migrator, error) {
	src, err := iofs.New(migrations.FS, ".")
	if err != nil {
		return nil, fmt.Errorf("migrations: %w", err)
	}
	u, err := migrateURL(dbURL)
	if err != nil {
		return nil, err
	}
	m, err := migrate.NewWithSourceInstance("iofs", src, u)
	if err != nil {
		return nil, fmt.Errorf("migrations: connect: %w", err)
	}
	return &Migrator{m: m}, nil
}

// Up applies every pending migration.
func (mg *Migrator) Up() error { return ignoreNoChange(mg.m.Up()) }

// Down reverts n migrations; n <= 0 reverts all.
func (mg *Migrator) Down(n int) error {
	if n <= 0 {
		return ignoreNoChange(mg.m.Down())
	}
	return ignoreNoChange(mg.m.Steps(-n))
}

// Version is the applied version; dirty means a migration failed half-way.
func (mg *Migrator) Version() (version uint, dirty bool, err error) {
	v, d, err := mg.m.Version()
	if errors.Is(err, migrate.ErrNilVersion) {
		return 0, false, nil
	}
	return v, d, err
}

// Close releases the migrator's connection.
func (mg *Migrator) Close() error {
	serr, derr := mg.m.Close()
	return errors.Join(serr, derr)
}

func ignoreNoChange(err error) error {
	if errors.Is(err, migrate.ErrNoChange) {
		return nil
	}
	return err
}

// migrateURL turns any connection string pgx accepts into the pgx5:// URL
// that golang-migrate's driver wants.
func migrateURL(dbURL string) (string, error) {
	if strings.HasPrefix(dbURL, "postgres://") || strings.HasPrefix(dbURL, "postgresql://") {
		return "pgx5://" + dbURL[strings.Index(dbURL, "://")+3:], nil
	}
	cfg, err := parseConnConfig(dbURL)
	if err != nil {
		return "", err
	}
	u := url.URL{Scheme: "pgx5", Host: fmt.Sprintf("%s:%d", cfg.Host, cfg.Port), Path: "/" + cfg.Database}
	if cfg.Password != "" {
		u.User = url.UserPassword(cfg.User, cfg.Password)
	} else {
		u.User = url.User(cfg.User)
	}
	q := url.Values{}
	if strings.HasPrefix(cfg.Host, "/") { // a Unix socket directory
		u.Host = fmt.Sprintf(":%d", cfg.Port)
		q.Set("host", cfg.Host)
	}
	if cfg.TLSConfig == nil {
		q.Set("sslmode", "disable")
	}
	u.RawQuery = q.Encode()
	return u.String(), nil
}
