package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"time"

	"kursuskatalog/internal/catalog"
	"kursuskatalog/internal/config"
	"kursuskatalog/internal/enrolment"
	"kursuskatalog/internal/privacy"
	"kursuskatalog/internal/store"
)

// runRetention applies the retention rules now (or as of -asof) and
// prints, per rule, how many rows it deleted or anonymised; -dry-run
// only counts them. The daily River job does the same.
func runRetention(ctx context.Context, cfg config.Config, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("retention", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asOf := fs.String("asof", "", "apply the rules as of this time (RFC 3339, e.g. 2028-01-01T00:00:00+01:00, or a date 2028-01-01); now when empty")
	dry := fs.Bool("dry-run", false, "count what the rules would touch; change nothing")
	if err := fs.Parse(args); err != nil {
		return err
	}
	at := time.Now()
	if *asOf != "" {
		var err error
		if at, err = parseAsOf(*asOf); err != nil {
			return err
		}
	}
	st, err := store.Open(ctx, cfg.DatabaseURL, 2)
	if err != nil {
		return err
	}
	defer st.Close()
	svc := enrolment.New(enrolment.Deps{Store: st, BaseURL: cfg.BaseURL.String()})
	res, err := svc.ApplyRetention(ctx, at, *dry)
	if err != nil {
		return fmt.Errorf("retention: %w", err)
	}
	verb := "applied"
	if *dry {
		verb = "dry run, nothing changed"
	}
	fmt.Fprintf(stdout, "retention as of %s (%s):\n", at.Format(time.RFC3339), verb)
	for _, r := range res {
		what := privacy.RuleOf(r.Key).Action
		if what == "" {
			what = "link tokens of mails not sent (no SMTP) deleted"
		}
		fmt.Fprintf(stdout, "  %-13s %7d rows  %s\n", r.Key, r.Rows, what)
	}
	return nil
}

func parseAsOf(s string) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	if t, err := time.ParseInLocation("2006-01-02", s, catalog.Copenhagen); err == nil {
		return t, nil
	}
	return time.Time{}, fmt.Errorf("retention: -asof %q is neither RFC 3339 nor a date (2028-01-01)", s)
}
