package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"runtime/debug"
	"time"

	"kursuskatalog/internal/config"
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
		mg, err := store.NewMigrator(cfg.DatabaseURL)
		if err != nil {
			return err
		}
		err = mg.Up()
		mg.Close()
		if err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
	}
	st, err := store.Open(ctx, cfg.DatabaseURL, 20)
	if err != nil {
		return err
	}
	defer st.Close() // after the server has drained: in-flight requests still use the pool
	assets, err := static.Load()
	if err != nil {
		return err
	}
	// Mails are sent by River workers in this process; without SMTP_URL
	// they are only recorded in outgoing_mails.
	var sender jobs.Sender
	if cfg.SMTPURL != nil {
		smtp, err := mail.NewSender(cfg.SMTPURL, cfg.MailFrom)
		if err != nil {
			return fmt.Errorf("SMTP_URL: %w", err)
		}
		sender = smtp
	}
	// River and the workers' statements have pools of their own, planned
	// for tables that grow (see store.OpenForQueue and Store.OpenForJobs);
	// the ten send workers mostly wait on SMTP.
	qpool, err := store.OpenForQueue(ctx, cfg.DatabaseURL, 6)
	if err != nil {
		return err
	}
	defer qpool.Close() // after the workers have stopped
	wst, err := st.OpenForJobs(ctx, cfg.DatabaseURL, 8)
	if err != nil {
		return err
	}
	defer wst.Close()
	jb, err := jobs.New(qpool, wst, jobs.Options{Work: true, Sender: sender, Logger: logger, BaseURL: cfg.BaseURL.String()})
	if err != nil {
		return err
	}
	// River will not start without the database, but the site must: it
	// answers 503 while the database is away (see store.Open). The workers
	// start as soon as the database can be reached.
	jobsStarted := make(chan struct{})
	retry, stopRetrying := context.WithCancel(ctx)
	go func() {
		defer close(jobsStarted)
		startJobs(ctx, retry, jb, logger)
	}()
	defer func() {
		stopRetrying() // also when serve ends early, with an error
		<-jobsStarted
		sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		jb.Client.Stop(sctx) // a no-op when it never started
	}()
	srv := server.New(server.Deps{Store: st, Jobs: jb, Logger: logger, Assets: assets, BaseURL: cfg.BaseURL,
		PageCacheTTL: 10 * time.Second})
	watchCatalogue(ctx, st, srv, logger)

	httpSrv := &http.Server{
		Addr:              cfg.Addr,
		Handler:           srv,
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
	// Stop accepting, let in-flight requests finish for up to the timeout.
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

// watchCatalogue drops the cached pages on every change any process makes,
// rebuilds the search's rows of the courses it changed, and announces the
// seats this process takes and frees, until ctx ends.
func watchCatalogue(ctx context.Context, st *store.Store, srv *server.Server, logger *slog.Logger) {
	changed := make(chan struct{}, 1)
	go st.ListenChanges(ctx, logger, func() {
		srv.CatalogueChanged()
		select {
		case changed <- struct{}{}:
		default:
		}
	})
	go st.KeepSearchFolded(ctx, logger, time.Now, changed, 30*time.Second)
	go st.PublishSeatChanges(ctx, logger, 100*time.Millisecond)
}

// startJobs starts River's workers for ctx, trying again (after 1 s, then
// up to every 30 s) while the database cannot be reached, until retry ends.
func startJobs(ctx, retry context.Context, jb *jobs.Jobs, logger *slog.Logger) {
	wait := time.Second
	for {
		err := jb.Client.Start(ctx)
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
