package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	netmail "net/mail"
	"runtime/debug"
	"time"

	"kursuskatalog/internal/config"
	"kursuskatalog/internal/enrolment"
	"kursuskatalog/internal/ical"
	"kursuskatalog/internal/jobs"
	"kursuskatalog/internal/mail"
	"kursuskatalog/internal/server"
	"kursuskatalog/internal/store"
	"kursuskatalog/web/static"
)

func runServe(ctx context.Context, cfg config.Config, logger *slog.Logger, args []string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	migrate := fs.Bool("migrate", true, "apply pending migrations before serving")
	if err := fs.Parse(args); err != nil {
		return err
	}
	// See config: fewer collections under load, within a soft limit.
	if cfg.GCPercent > 0 {
		debug.SetGCPercent(cfg.GCPercent)
	}
	if cfg.MemoryLimit > 0 {
		debug.SetMemoryLimit(cfg.MemoryLimit)
	}
	if *migrate {
		if err := migrateUp(cfg.DatabaseURL); err != nil {
			return err
		}
	}
	st, err := store.Open(ctx, cfg.DatabaseURL, 20)
	if err != nil {
		return err
	}
	defer st.Close() // after the server has drained: in-flight requests still use the pool
	svc, stopWorkers, err := startBackground(ctx, cfg, st, logger)
	if err != nil {
		return err
	}
	defer stopWorkers()
	assets, err := static.Load()
	if err != nil {
		return err
	}
	srv := server.New(server.Deps{Store: st, Enrolment: svc, Logger: logger, Assets: assets, BaseURL: cfg.BaseURL,
		WASURL: cfg.WASURL.String(), PageCacheTTL: 10 * time.Second, TrustedProxies: cfg.TrustedProxies, MetricsToken: cfg.MetricsToken})
	if cfg.MetricsAddr != "" {
		if err := serveMetrics(ctx, cfg.MetricsAddr, srv.MetricsHandler(), logger); err != nil {
			return fmt.Errorf("METRICS_ADDR: %w", err)
		}
	}
	// Cached pages are dropped on every change any process makes.
	go st.ListenChanges(ctx, logger, srv.CatalogueChanged)
	go st.PublishSeatChanges(ctx, logger, 100*time.Millisecond)
	return serveHTTP(ctx, cfg, srv, logger)
}

func migrateUp(url string) error {
	mg, err := store.NewMigrator(url)
	if err != nil {
		return err
	}
	defer mg.Close()
	if err := mg.Up(); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	return nil
}

// startBackground makes the enrolment service and starts River's workers,
// which mail through SMTP_URL (without it mails are only recorded in
// outgoing_mails). River and the workers' statements have pools of their
// own, planned for tables that grow (see store.OpenForQueue and
// Store.OpenForJobs); the ten send workers mostly wait on SMTP. stop stops
// the workers and closes their pools.
func startBackground(ctx context.Context, cfg config.Config, st *store.Store, logger *slog.Logger) (svc *enrolment.Service, stop func(), err error) {
	var sender jobs.Sender
	if cfg.SMTPURL != nil {
		smtp, err := mail.NewSender(cfg.SMTPURL, cfg.MailFrom)
		if err != nil {
			return nil, nil, fmt.Errorf("SMTP_URL: %w", err)
		}
		sender = smtp
	}
	qpool, err := store.OpenForQueue(ctx, cfg.DatabaseURL, 6)
	if err != nil {
		return nil, nil, err
	}
	wst, err := st.OpenForJobs(ctx, cfg.DatabaseURL, 8)
	if err != nil {
		qpool.Close()
		return nil, nil, err
	}
	queue, err := jobs.NewQueue(qpool)
	if err != nil {
		return nil, nil, err
	}
	// One service for the web's requests and one for the workers, each on
	// its pool, with the one clock.
	deps := enrolment.Deps{Store: st, Queue: queue, Logger: logger, BaseURL: cfg.BaseURL.String(), Now: time.Now,
		OfferWindows: cfg.OfferWindows, Organizer: organizer(cfg.MailFrom)}
	svc = enrolment.New(deps)
	deps.Store = wst
	worker := enrolment.New(deps)
	workers, err := jobs.NewWorkers(qpool, wst, jobs.Options{Sender: sender, Composer: worker, Offers: worker, Courses: worker, Logger: logger})
	if err != nil {
		return nil, nil, err
	}
	// River will not start without the database, but the site must: it
	// answers 503 while the database is away (see store.Open). The workers
	// start as soon as the database can be reached.
	started := make(chan struct{})
	retry, stopRetrying := context.WithCancel(ctx)
	go func() {
		defer close(started)
		startJobs(ctx, retry, workers, logger)
	}()
	return svc, func() {
		stopRetrying()
		<-started
		sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		workers.Client.Stop(sctx) // a no-op when it never started
		wst.Close()
		qpool.Close()
	}, nil
}

// serveHTTP serves until ctx ends, then stops accepting and lets in-flight
// requests finish for up to the shutdown timeout.
func serveHTTP(ctx context.Context, cfg config.Config, h http.Handler, logger *slog.Logger) error {
	httpSrv := &http.Server{
		Addr:              cfg.Addr,
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       90 * time.Second,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return err
	}
	logger.Info("serving", slog.String("addr", ln.Addr().String()), slog.String("base_url", cfg.BaseURL.String()))
	errc := make(chan error, 1)
	go func() { errc <- httpSrv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	logger.Info("shutting down", slog.Duration("timeout", cfg.ShutdownTimeout))
	sctx, cancel := context.WithTimeout(context.Background(), cfg.ShutdownTimeout)
	defer cancel()
	if err := httpSrv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	logger.Info("stopped")
	return nil
}

// startJobs starts River's workers for ctx, trying again (after 1 s, then
// up to every 30 s) while the database cannot be reached, until retry ends.
func startJobs(ctx, retry context.Context, w *jobs.Workers, logger *slog.Logger) {
	wait := time.Second
	for {
		err := w.Client.Start(ctx)
		if err == nil {
			return
		}
		logger.Warn("background jobs not started; trying again", slog.String("err", err.Error()), slog.Duration("in", wait))
		select {
		case <-retry.Done():
			return
		case <-time.After(wait):
		}
		wait = min(2*wait, 30*time.Second)
	}
}

// organizer is who sends the calendar invitations: the sender of every
// mail.
func organizer(from string) ical.Person {
	if from == "" {
		from = mail.DefaultFrom
	}
	a, err := netmail.ParseAddress(from)
	if err != nil {
		return ical.Person{}
	}
	return ical.Person{Name: a.Name, Email: a.Address}
}
