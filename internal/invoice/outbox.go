package invoice

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
)

// Delivery is an OIOUBL document on its way to the customer's EAN.
type Delivery struct {
	FileName string // "faktura-2027-00042.xml"
	EAN      string
	XML      []byte
}

// AccessPoint hands OIOUBL documents to NemHandel (or, later, Peppol)
// through an access point. Deliver must be safe to call again for a
// document it has taken (the sending job retries until it returns nil).
type AccessPoint interface {
	Deliver(ctx context.Context, d Delivery) error
}

// Outbox is the access point's file gateway: each document is written to
// Dir, where the access point's client picks it up (most Danish access
// points take OIOUBL files from a folder, over SFTP or a shared disk). A
// file appears whole: it is written under a temporary name and renamed.
type Outbox struct {
	Dir string
}

// Deliver writes the document to the folder, replacing an earlier copy of
// the same document.
func (o Outbox) Deliver(ctx context.Context, d Delivery) error {
	if err := os.MkdirAll(o.Dir, 0o750); err != nil {
		return fmt.Errorf("outbox: %w", err)
	}
	tmp, err := os.CreateTemp(o.Dir, ".incoming-*")
	if err != nil {
		return fmt.Errorf("outbox: %w", err)
	}
	defer os.Remove(tmp.Name()) // gone after the rename; removes a half-written file
	if _, err := tmp.Write(d.XML); err != nil {
		tmp.Close()
		return fmt.Errorf("outbox: %w", err)
	}
	// Readable by the gateway's group (CreateTemp makes it the owner's only).
	if err := tmp.Chmod(0o640); err != nil {
		tmp.Close()
		return fmt.Errorf("outbox: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("outbox: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("outbox: %w", err)
	}
	if err := os.Rename(tmp.Name(), filepath.Join(o.Dir, d.FileName)); err != nil {
		return fmt.Errorf("outbox: %w", err)
	}
	return nil
}
