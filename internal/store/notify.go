package store

import (
	"context"
	"log/slog"
	"time"
)

// ChangeChannel is notified whenever anything a public page shows changes:
// by triggers on staff edits (migrations 000014 and 000018), and by the
// server processes for seats taken and freed (PublishSeatChanges).
const ChangeChannel = "catalog_changed"

// SeatsChanged records that a transaction of this process took or freed
// seats (or may have: its commit's outcome is unknown), for
// PublishSeatChanges to announce. It never blocks: a signal already
// pending covers this change too.
func (s *Store) SeatsChanged() {
	select {
	case s.seats <- struct{}{}:
	default:
	}
}

// PublishSeatChanges notifies ChangeChannel after this process has taken or
// freed seats, at most once per gap, until ctx ends. The bookings do not
// notify in their own transactions: a NOTIFY holds a lock on the whole
// database from its commit until the commit is on disk, so bookings could
// commit no faster than one disk flush each, whatever the hardware. A
// change made during a gap goes out at its end; one lost with a crashed
// process is corrected by the pages' expiry.
func (s *Store) PublishSeatChanges(ctx context.Context, log *slog.Logger, gap time.Duration) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-s.seats:
		}
		if _, err := s.Pool.Exec(ctx, `SELECT pg_notify($1, 'seats')`, ChangeChannel); err != nil && ctx.Err() == nil {
			if log != nil {
				log.Warn("could not announce changed seats; retrying", slog.Any("err", err))
			}
			s.SeatsChanged()
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(gap):
		}
	}
}

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
