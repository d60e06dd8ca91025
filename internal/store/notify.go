package store

import (
	"context"
	"log/slog"
	"time"
)

// ChangeChannel is notified by triggers whenever anything a public page
// shows changes (see migration 000014).
const ChangeChannel = "catalog_changed"

// ListenChanges calls onChange for every notification on ChangeChannel
// until ctx ends. It holds one connection of the pool for the LISTEN and
// reconnects after losing it; because notifications sent while it was away
// are lost, it also calls onChange after every (re)connect.
func (s *Store) ListenChanges(ctx context.Context, log *slog.Logger, onChange func()) {
	wait := 100 * time.Millisecond
	for ctx.Err() == nil {
		err := s.listenOnce(ctx, onChange)
		if ctx.Err() != nil {
			return
		}
		if log != nil {
			log.Warn("catalogue change listener lost its connection; retrying", slog.Any("err", err), slog.Duration("in", wait))
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(wait):
		}
		if wait < 5*time.Second {
			wait *= 2
		}
	}
}

func (s *Store) listenOnce(ctx context.Context, onChange func()) error {
	pc, err := s.Pool.Acquire(ctx)
	if err != nil {
		return err
	}
	// The connection carries a LISTEN: take it out of the pool for good.
	conn := pc.Hijack()
	defer conn.Close(context.Background())
	if _, err := conn.Exec(ctx, "LISTEN "+ChangeChannel); err != nil {
		return err
	}
	onChange()
	for {
		if _, err := conn.WaitForNotification(ctx); err != nil {
			return err
		}
		onChange()
	}
}
