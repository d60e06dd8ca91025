package store

import (
	"context"
	"errors"
	"io"
	"net"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
)

// IsUnavailable tells an error of a database that could not be reached, or
// went away while a statement ran (a restart, a failover, a cut
// connection), so that nothing was saved, from other errors. A commit whose
// outcome is unknown is not one of them: it may have been saved (see
// IsCommitUnknown). It is the one place that decides which errors are an
// outage; the web answers those with the 503 page.
func IsUnavailable(err error) bool {
	if err == nil || IsCommitUnknown(err) {
		return false
	}
	var ce *pgconn.ConnectError
	if errors.As(err, &ce) {
		return true
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		return unavailableCode(pgErr.Code)
	}
	var ne net.Error
	return errors.As(err, &ne) || pgconn.SafeToRetry(err) ||
		errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, pgconn.ErrConnClosed) || errors.Is(err, context.DeadlineExceeded)
}

// IsCommitUnknown says whether err is a connection lost while COMMIT was
// under way.
func IsCommitUnknown(err error) bool {
	var unknown *CommitUnknownError
	return errors.As(err, &unknown)
}

// unavailableCode says whether a SQLSTATE means the server is going away,
// not ready, out of resources or a read-only standby in a failover, rather
// than that the statement was wrong:
//   - class 08, connection exception;
//   - class 53, insufficient resources (too many connections, disk full,
//     out of memory);
//   - 57P01 admin shutdown (a restart or pg_terminate_backend), 57P02 crash
//     shutdown, 57P03 cannot connect now (starting up or in recovery),
//     57P04 database dropped, 57P05 idle session timeout;
//   - 25006 read-only transaction (a standby promoted late in a failover);
//   - 57014 query cancelled: the request's time ran out while the
//     statement ran, and Postgres cancelled it (see cancelGrace).
func unavailableCode(code string) bool {
	switch {
	case strings.HasPrefix(code, "08"), strings.HasPrefix(code, "53"), strings.HasPrefix(code, "57P"):
		return true
	}
	return code == "25006" || code == "57014"
}
