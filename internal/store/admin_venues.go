package store

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/audit"

	"kursuskatalog/internal/catalog"
)

// VenueRow is a venue in the staff editor: the venue, its version and how
// many dates are held there (a venue with dates cannot be deleted).
type VenueRow struct {
	catalog.Venue
	Version int
	Dates   int
}

const venueRowColumns = `v.id, v.name, v.street, v.postcode, v.city, v.region, v.arrival_note, v.version,
	(SELECT count(*) FROM course_dates d WHERE d.venue_id = v.id)`

func scanVenueRow(row pgx.Row) (VenueRow, error) {
	var v VenueRow
	err := row.Scan(&v.ID, &v.Name, &v.Street, &v.Postcode, &v.City, &v.Region, &v.ArrivalNote, &v.Version, &v.Dates)
	return v, notFound(err)
}

// VenueRows lists every venue by name.
func (s *Store) VenueRows(ctx context.Context) ([]VenueRow, error) {
	rows, err := s.Pool.Query(ctx, `SELECT `+venueRowColumns+` FROM venues v ORDER BY lower(v.name), v.postcode`)
	return scanAll(rows, err, func(r pgx.Rows) (VenueRow, error) { return scanVenueRow(r) })
}

// VenueRowByID loads one venue for its form.
func (s *Store) VenueRowByID(ctx context.Context, id int64) (VenueRow, error) {
	return scanVenueRow(s.Pool.QueryRow(ctx, `SELECT `+venueRowColumns+` FROM venues v WHERE v.id = $1`, id))
}

// CreateVenue adds a venue and audits it.
func (s *Store) CreateVenue(ctx context.Context, staffID int64, v catalog.Venue, now time.Time) (int64, error) {
	var id int64
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		err := tx.QueryRow(ctx, `
			INSERT INTO venues (name, street, postcode, city, region, arrival_note) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
			v.Name, v.Street, v.Postcode, v.City, v.Region, v.ArrivalNote).Scan(&id)
		if err != nil {
			return duplicate(err)
		}
		return Audit(ctx, tx, staffID, "venue", id, "create", []string{"name", "street", "postcode", "city", "region"}, now)
	})
	return id, err
}

// UpdateVenue saves v if its row still has version; otherwise ErrConflict.
func (s *Store) UpdateVenue(ctx context.Context, staffID int64, v catalog.Venue, version int, now time.Time) error {
	return s.inTx(ctx, func(tx pgx.Tx) error {
		old, err := scanVenueRow(tx.QueryRow(ctx, `SELECT `+venueRowColumns+` FROM venues v WHERE v.id = $1 FOR UPDATE`, v.ID))
		if err != nil {
			return err
		}
		if err := checkVersion(old.Version, version); err != nil {
			return err
		}
		var c changes
		c.Add("name", old.Name, v.Name)
		c.Add("street", old.Street, v.Street)
		c.Add("postcode", old.Postcode, v.Postcode)
		c.Add("city", old.City, v.City)
		c.Add("region", old.Region, v.Region)
		c.Add("arrival_note", old.ArrivalNote, v.ArrivalNote)
		if _, err := tx.Exec(ctx, `
			UPDATE venues SET name = $2, street = $3, postcode = $4, city = $5, region = $6, arrival_note = $7,
				version = version + 1
			WHERE id = $1`, v.ID, v.Name, v.Street, v.Postcode, v.City, v.Region, v.ArrivalNote); err != nil {
			return duplicate(err)
		}
		return Record(ctx, tx, audit.Entry{StaffID: staffID, Entity: "venue", EntityID: v.ID, Action: "update", Changes: c}, now)
	})
}

// DeleteVenue deletes a venue no date uses; otherwise ErrInUse.
func (s *Store) DeleteVenue(ctx context.Context, staffID, id int64, now time.Time) error {
	return s.inTx(ctx, func(tx pgx.Tx) error {
		old, err := scanVenueRow(tx.QueryRow(ctx, `SELECT `+venueRowColumns+` FROM venues v WHERE v.id = $1 FOR UPDATE`, id))
		if err != nil {
			return err
		}
		if old.Dates > 0 {
			return ErrInUse
		}
		if _, err := tx.Exec(ctx, `DELETE FROM venues WHERE id = $1`, id); err != nil {
			return duplicate(err)
		}
		return Record(ctx, tx, audit.Entry{StaffID: staffID, Entity: "venue", EntityID: id, Action: "delete", Label: old.Name + ", " + old.City}, now)
	})
}
