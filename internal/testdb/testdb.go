// Package testdb gives each test its own freshly migrated Postgres database,
// created on the server that DATABASE_URL or the PG* variables point at (the
// temporary cluster `make test` starts). It is for tests only.
package testdb

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/store"
	"kursuskatalog/migrations"
)

// AdminURL is a postgres:// URL for the server's maintenance database.
func AdminURL(t testing.TB) string {
	t.Helper()
	cfg, err := pgx.ParseConfig(os.Getenv("DATABASE_URL"))
	if err != nil {
		t.Fatalf("testdb: %v", err)
	}
	return connURL(cfg, "postgres")
}

func connURL(cfg *pgx.ConnConfig, db string) string {
	u := url.URL{Scheme: "postgres", Host: fmt.Sprintf("%s:%d", cfg.Host, cfg.Port), Path: "/" + db}
	q := url.Values{"sslmode": {"disable"}}
	if len(cfg.Host) > 0 && cfg.Host[0] == '/' {
		u.Host = fmt.Sprintf(":%d", cfg.Port)
		q.Set("host", cfg.Host)
	}
	if cfg.Password != "" {
		u.User = url.UserPassword(cfg.User, cfg.Password)
	} else {
		u.User = url.User(cfg.User)
	}
	u.RawQuery = q.Encode()
	return u.String()
}

// Empty creates an empty database, dropped when the test ends, and returns
// its URL.
func Empty(t testing.TB) string {
	t.Helper()
	return create(t, "")
}

// New creates a database with every migration applied (copied from a
// template made once per migration set) and returns its URL.
func New(t testing.TB) string {
	t.Helper()
	return create(t, template(t))
}

// Store opens a migrated database's pool, closed when the test ends.
func Store(t testing.TB) (*store.Store, string) {
	t.Helper()
	u := New(t)
	st, err := store.Open(context.Background(), u, 10)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(st.Close)
	return st, u
}

func create(t testing.TB, tmpl string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	admin := AdminURL(t)
	conn, err := pgx.Connect(ctx, admin)
	if err != nil {
		t.Fatalf("testdb: connect to %s: %v (is the test cluster running? use `make test`)", admin, err)
	}
	defer conn.Close(ctx)
	name := "test_" + randomHex(8)
	sql := "CREATE DATABASE " + name
	if tmpl != "" {
		sql += " TEMPLATE " + tmpl
	}
	if _, err := conn.Exec(ctx, sql); err != nil {
		t.Fatalf("testdb: %s: %v", sql, err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		c, err := pgx.Connect(ctx, admin)
		if err != nil {
			return
		}
		defer c.Close(ctx)
		c.Exec(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
	})
	cfg, _ := pgx.ParseConfig(admin)
	return connURL(cfg, name)
}

// template makes (once for this set of migrations, across test processes)
// a migrated database to copy.
func template(t testing.TB) string {
	t.Helper()
	name := "tmpl_" + migrationsHash()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	admin := AdminURL(t)
	conn, err := pgx.Connect(ctx, admin)
	if err != nil {
		t.Fatalf("testdb: connect: %v", err)
	}
	defer conn.Close(ctx)
	// Test packages run in parallel processes: one makes the template.
	if _, err := conn.Exec(ctx, "SELECT pg_advisory_lock(727274)"); err != nil {
		t.Fatal(err)
	}
	defer conn.Exec(context.Background(), "SELECT pg_advisory_unlock(727274)")
	var exists bool
	if err := conn.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)", name).Scan(&exists); err != nil {
		t.Fatal(err)
	}
	if exists {
		return name
	}
	build := name + "_build"
	conn.Exec(ctx, "DROP DATABASE IF EXISTS "+build+" WITH (FORCE)")
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+build); err != nil {
		t.Fatal(err)
	}
	cfg, _ := pgx.ParseConfig(admin)
	mg, err := store.NewMigrator(connURL(cfg, build))
	if err != nil {
		t.Fatal(err)
	}
	if err := mg.Up(); err != nil {
		t.Fatalf("testdb: migrate template: %v", err)
	}
	if err := mg.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(ctx, "ALTER DATABASE "+build+" RENAME TO "+name); err != nil {
		t.Fatal(err)
	}
	return name
}

func migrationsHash() string {
	h := sha256.New()
	fs.WalkDir(migrations.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, _ := fs.ReadFile(migrations.FS, p)
		h.Write([]byte(p))
		h.Write(b)
		return nil
	})
	return hex.EncodeToString(h.Sum(nil))[:16]
}

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}
