package store

import (
	"context"
	"log/slog"
	"time"
)

// The search reads one course_search row per published course (migration
// 000121). Triggers note the courses an edit, a new or moved date or a
// date filling up changed; FoldSearch rebuilds their rows. A search
// computes a noted course's row from the tables itself until then, so
// folding only makes searches cheaper, never more right.

// foldMargin is how long before now a fold's rows start: a row leaves out
// the dates that started before its cutoff, and a search for a moment
// before the latest cutoff computes every row from the tables. The margin
// keeps a search that began just before a fold, or on an instance whose
// clock is a little behind, on the rows.
const foldMargin = time.Minute

// FoldSearch rebuilds the search rows of the courses noted as changed and
// of those whose first date has started, as of now, and returns how many
// it rebuilt. Folds run one at a time, in one transaction each.
func (s *Store) FoldSearch(ctx context.Context, now time.Time) (int, error) {
	var n int
	err := s.Pool.QueryRow(ctx, `SELECT course_search_fold($1)`, now.Add(-foldMargin)).Scan(&n)
	return n, err
}

// KeepSearchFolded folds after every signal on changed (the catalogue's
// change notifications) and at least every interval, for dates that
// start, until ctx ends.
func (s *Store) KeepSearchFolded(ctx context.Context, log *slog.Logger, now func() time.Time, changed <-chan struct{}, every time.Duration) {
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-changed:
		case <-tick.C:
		}
		if _, err := s.FoldSearch(ctx, now()); err != nil && ctx.Err() == nil && log != nil {
			log.Warn("could not fold the search rows; searches compute them meanwhile", slog.Any("err", err))
		}
	}
}
