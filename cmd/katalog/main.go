// Command katalog is the whole Kursuskatalog: the web server, migrations,
// the demo catalogue and staff users, as subcommands.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strconv"
	"syscall"
	"time"

	"kursuskatalog/internal/auth"
	"kursuskatalog/internal/config"
	"kursuskatalog/internal/demo"
	"kursuskatalog/internal/store"
)

const usage = `usage: katalog <command> [flags]

commands:
  serve [-migrate=false]     run the web server (applies pending migrations first)
  migrate up|down [N]|version
  demo [-scale N]            load the demo catalogue (idempotent); -scale adds N generated courses
  user add -email E -role admin|redaktør [-name N] [-if-missing]
                             create a staff user; the password is read from stdin, or asked for on a terminal
  retention [-asof TIME] [-dry-run]
                             apply the retention rules of personal data now (or as of TIME) and print what each did
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "katalog:", err)
		os.Exit(1)
	}
}

// run is main without the process: tests call it with their own arguments,
// environment and streams.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return errors.New("no command given")
	}
	cfg, err := config.FromEnv(getenv)
	if err != nil {
		return err
	}
	logger := slog.New(slog.NewJSONHandler(stderr, &slog.HandlerOptions{Level: cfg.LogLevel}))

	switch cmd, rest := args[0], args[1:]; cmd {
	case "serve":
		return runServe(ctx, cfg, logger, rest)
	case "migrate":
		return runMigrate(cfg, rest, stdout)
	case "demo":
		return runDemo(ctx, cfg, rest, stdout)
	case "user":
		return runUser(ctx, cfg, rest, stdin, stdout, stderr, auth.Params())
	case "retention":
		return runRetention(ctx, cfg, rest, stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	default:
		fmt.Fprint(stderr, usage)
		return fmt.Errorf("unknown command %q", cmd)
	}
}

func runMigrate(cfg config.Config, args []string, stdout io.Writer) error {
	if len(args) == 0 {
		return errors.New("migrate: say up, down [N] or version")
	}
	mg, err := store.NewMigrator(cfg.DatabaseURL)
	if err != nil {
		return err
	}
	defer mg.Close()
	switch args[0] {
	case "up":
		if err := mg.Up(); err != nil {
			return fmt.Errorf("migrate up: %w", err)
		}
	case "down":
		n := 1
		if len(args) > 1 {
			if args[1] == "all" {
				n = 0
			} else if n, err = strconv.Atoi(args[1]); err != nil || n < 1 {
				return fmt.Errorf("migrate down: N must be a positive number or all, got %q", args[1])
			}
		}
		if err := mg.Down(n); err != nil {
			return fmt.Errorf("migrate down: %w", err)
		}
	case "version":
	default:
		return fmt.Errorf("migrate: unknown step %q (up, down [N], version)", args[0])
	}
	v, dirty, err := mg.Version()
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "schema version %d", v)
	if dirty {
		fmt.Fprint(stdout, " (dirty: a migration failed half-way; fix it and force the version)")
	}
	fmt.Fprintln(stdout)
	return nil
}

func runDemo(ctx context.Context, cfg config.Config, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	scale := fs.Int("scale", 0, "add this many generated courses for load tests")
	if err := fs.Parse(args); err != nil {
		return err
	}
	st, err := store.Open(ctx, cfg.DatabaseURL, 4)
	if err != nil {
		return err
	}
	defer st.Close()
	start := time.Now()
	rep, err := demo.Load(ctx, st, time.Now(), *scale)
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	// The search's rows of the new courses, now rather than at the first
	// search of a server.
	if _, err := st.FoldSearch(ctx, time.Now()); err != nil {
		return fmt.Errorf("demo: search rows: %w", err)
	}
	fmt.Fprintf(stdout, "demo catalogue: %d courses and %d programmes added, %d generated (%s)\n",
		rep.CoursesAdded, rep.ProgrammesAdded, rep.Generated, time.Since(start).Round(time.Millisecond))
	return nil
}
