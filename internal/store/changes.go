package store

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/booking"
)

// Who made a change to a booking, as booking_changes keeps it.
const (
	ByBooker      = "booker"
	ByParticipant = "participant"
	ByStaff       = "staff"
	BySystem      = "system"
)

// InsertChange records a change to what a booking costs, with its lines,
// in the transaction that makes it.
func InsertChange(ctx context.Context, tx pgx.Tx, bookingID int64, c booking.Change, by string, staffID int64, now time.Time) error {
	var id int64
	err := tx.QueryRow(ctx, `
		INSERT INTO booking_changes (booking_id, kind, made_by, staff_user_id, old_excl_ore, old_vat_ore, old_incl_ore,
			new_excl_ore, new_vat_ore, new_incl_ore, created_at)
		VALUES ($1, $2, $3, nullif($4, 0), $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
		bookingID, c.Kind, by, staffID, c.Before.ExclOre, c.Before.VATOre, c.Before.InclOre,
		c.After.ExclOre, c.After.VATOre, c.After.InclOre, now).Scan(&id)
	if err != nil || len(c.Lines) == 0 {
		return err
	}
	n := len(c.Lines)
	seats, whats := make([]int64, n), make([]string, n)
	oldP, oldV, newP, newV := make([]int64, n), make([]int64, n), make([]int64, n), make([]int64, n)
	for i, l := range c.Lines {
		seats[i], whats[i] = l.SeatID, l.What
		oldP[i], oldV[i], newP[i], newV[i] = l.OldPriceOre, l.OldVATOre, l.NewPriceOre, l.NewVATOre
	}
	_, err = tx.Exec(ctx, `
		INSERT INTO booking_change_lines (change_id, participant_id, what, old_price_ore, old_vat_ore, new_price_ore, new_vat_ore)
		SELECT $1, u.* FROM unnest($2::bigint[], $3::text[], $4::bigint[], $5::bigint[], $6::bigint[], $7::bigint[]) AS u`,
		id, seats, whats, oldP, oldV, newP, newV)
	return err
}

// StoredChange is a change as recorded.
type StoredChange struct {
	booking.Change
	ID      int64
	MadeBy  string
	StaffID int64
	At      time.Time
}

// BookingChanges lists a booking's changes, oldest first, with their lines.
func BookingChanges(ctx context.Context, db DB, bookingID int64) ([]StoredChange, error) {
	rows, err := db.Query(ctx, `
		SELECT c.id, c.kind, c.made_by, coalesce(c.staff_user_id, 0), c.created_at,
			c.old_excl_ore, c.old_vat_ore, c.old_incl_ore, c.new_excl_ore, c.new_vat_ore, c.new_incl_ore,
			l.participant_id, l.what, l.old_price_ore, l.old_vat_ore, l.new_price_ore, l.new_vat_ore
		FROM booking_changes c JOIN booking_change_lines l ON l.change_id = c.id
		WHERE c.booking_id = $1 ORDER BY c.id, l.participant_id`, bookingID)
	if err != nil {
		return nil, err
	}
	var out []StoredChange
	var c StoredChange
	var l booking.ChangeLine
	_, err = pgx.ForEachRow(rows, []any{&c.ID, &c.Kind, &c.MadeBy, &c.StaffID, &c.At,
		&c.Before.ExclOre, &c.Before.VATOre, &c.Before.InclOre, &c.After.ExclOre, &c.After.VATOre, &c.After.InclOre,
		&l.SeatID, &l.What, &l.OldPriceOre, &l.OldVATOre, &l.NewPriceOre, &l.NewVATOre}, func() error {
		if n := len(out); n == 0 || out[n-1].ID != c.ID {
			c.Lines = nil
			out = append(out, c)
		}
		last := &out[len(out)-1]
		last.Lines = append(last.Lines, l)
		return nil
	})
	return out, err
}

// ApplyCancel cancels the seats of a plan at now with a reason, each
// charged or not as the plan says, and prices anew the seats whose bundle
// no longer holds. The seats held are not given back: the service offers
// them to the waiting list or releases them.
func ApplyCancel(ctx context.Context, tx pgx.Tx, p booking.CancelPlan, reason string, now time.Time) error {
	ids, charged := make([]int64, len(p.Seats)), make([]bool, len(p.Seats))
	for i, c := range p.Seats {
		ids[i], charged[i] = c.ID, c.Charged
	}
	if _, err := tx.Exec(ctx, `
		UPDATE participants p SET status = 'cancelled', waitlist_seq = NULL, cancelled_at = $3, cancel_reason = $4,
			charged = u.charged
		FROM unnest($1::bigint[], $2::bool[]) AS u(id, charged) WHERE p.id = u.id`, ids, charged, now, reason); err != nil {
		return err
	}
	return Reprice(ctx, tx, p.Repriced)
}

// Reprice stores new prices of seats that no longer have a bundle price.
func Reprice(ctx context.Context, tx pgx.Tx, changes []booking.PriceChange) error {
	if len(changes) == 0 {
		return nil
	}
	ids, prices, vats := make([]int64, len(changes)), make([]int64, len(changes)), make([]int64, len(changes))
	for i, c := range changes {
		ids[i], prices[i], vats[i] = c.ID, c.PriceOre, c.VATOre
	}
	_, err := tx.Exec(ctx, `
		UPDATE participants p SET price_ore = u.price, vat_ore = u.vat, offer_id = NULL
		FROM unnest($1::bigint[], $2::bigint[], $3::bigint[]) AS u(id, price, vat) WHERE p.id = u.id`, ids, prices, vats)
	return err
}

// Uncharge makes a cancelled seat cost nothing: someone from the waiting
// list took it.
func Uncharge(ctx context.Context, tx pgx.Tx, seatID int64) error {
	_, err := tx.Exec(ctx, `UPDATE participants SET charged = false WHERE id = $1`, seatID)
	return err
}

// CalendarEvent names one participant's event for one date.
type CalendarEvent struct {
	DateID int64
	Email  string
}

// NextSequences raises the SEQUENCE of each event (0 the first time) and
// returns them, in one statement.
func NextSequences(ctx context.Context, tx pgx.Tx, events []CalendarEvent) (map[CalendarEvent]int, error) {
	out := map[CalendarEvent]int{}
	var dates []int64
	var keys [][]byte
	byKey := map[string]CalendarEvent{}
	for _, e := range events {
		e.Email = strings.ToLower(e.Email)
		if _, seen := out[e]; seen {
			continue // an upsert may not touch a row twice
		}
		out[e] = 0
		k := booking.PersonKey(e.Email)
		dates, keys = append(dates, e.DateID), append(keys, k)
		byKey[string(k)+"/"+strconv.FormatInt(e.DateID, 10)] = e
	}
	if len(dates) == 0 {
		return out, nil
	}
	rows, err := tx.Query(ctx, `
		INSERT INTO calendar_sequences (date_id, person_key, sequence)
		SELECT u.date_id, u.person_key, 0 FROM unnest($1::bigint[], $2::bytea[]) AS u(date_id, person_key)
		ON CONFLICT (date_id, person_key) DO UPDATE SET sequence = calendar_sequences.sequence + 1
		RETURNING date_id, person_key, sequence`, dates, keys)
	if err != nil {
		return nil, err
	}
	var date int64
	var key []byte
	var seq int
	_, err = pgx.ForEachRow(rows, []any{&date, &key, &seq}, func() error {
		out[byKey[string(key)+"/"+strconv.FormatInt(date, 10)]] = seq
		return nil
	})
	return out, err
}
