package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/catalog"
)

// Booked is what became of one booking asked of BookMany: its receipt, or
// why it was not made.
type Booked struct {
	Receipt booking.Receipt
	Err     error
}

// Made is a booking BookMany made: its place among those asked for, and
// its receipt.
type Made struct {
	Index   int
	Receipt booking.Receipt
}

// Book makes one booking (see BookMany) and calls after with it in its
// transaction.
func (s *Store) Book(ctx context.Context, nb NewBooking, now time.Time, after func(ctx context.Context, tx pgx.Tx, r booking.Receipt) error) (booking.Receipt, error) {
	var hook func(ctx context.Context, tx pgx.Tx, made []Made) error
	if after != nil {
		hook = func(ctx context.Context, tx pgx.Tx, made []Made) error { return after(ctx, tx, made[0].Receipt) }
	}
	res := s.BookMany(ctx, []NewBooking{nb}, now, hook)
	return res[0].Receipt, res[0].Err
}

// BookMany makes bookings in one transaction, as if they were made one
// after another in their order. It locks their dates, checks each booking's
// dates and participants against the database and the bookings before it,
// prices it, and gives each participant a seat while there are seats and
// otherwise a place on the waiting list. It inserts the bookings it accepts
// in one statement and calls after with them in the same transaction (to
// queue their mails). Seats go in commit order because the date rows stay
// locked until commit. A receipt has the booking's id, ref, head and prices
// only: ReceiptByID has its dates and seats.
//
// One transaction for the bookings that arrive together is what lets two
// cores take more than a thousand a second: a booking's cost in Postgres is
// mostly per statement and per round trip, not per row. When the insert
// meets a unique constraint (a booking beside this one posted the same form
// or the same participant), each booking is tried again alone, so that only
// the one concerned fails. When the transaction fails, every booking gets
// its error.
func (s *Store) BookMany(ctx context.Context, nbs []NewBooking, now time.Time, after func(ctx context.Context, tx pgx.Tx, made []Made) error) []Booked {
	out := make([]Booked, len(nbs))
	err := s.seatTx(ctx, func(tx pgx.Tx) error {
		made, err := bookIn(ctx, tx, nbs, now, out)
		switch {
		case err != nil:
			return err
		case len(made) == 0:
			return errNoneMade
		case after == nil:
			return nil
		}
		return after(ctx, tx, made)
	})
	var conflict *conflictError
	switch {
	case errors.Is(err, errNoneMade):
		// Each booking has its reason in out.
	case errors.As(err, &conflict):
		for i := range nbs {
			var alone func(ctx context.Context, tx pgx.Tx, made []Made) error
			if after != nil {
				alone = func(ctx context.Context, tx pgx.Tx, made []Made) error {
					made[0].Index = i
					return after(ctx, tx, made)
				}
			}
			out[i] = s.BookMany(ctx, nbs[i:i+1], now, alone)[0]
		}
	case err != nil:
		for i := range out {
			out[i] = Booked{Err: err}
		}
	}
	return out
}

// errNoneMade rolls back a BookMany that made no booking: seatTx announces
// every transaction that commits, and an announcement drops the page caches
// of every process.
var errNoneMade = errors.New("store: no booking made")

// conflictError means that bookings made together met a unique constraint.
type conflictError struct{ err error }

func (e *conflictError) Error() string { return "store: bookings made together: " + e.err.Error() }

// seatKey is a participant's e-mail, lower case, on a date.
type seatKey struct {
	date  int64
	email string
}

// bookIn books nbs in tx (see BookMany), sets out for each, and returns
// those it made.
func bookIn(ctx context.Context, tx pgx.Tx, nbs []NewBooking, now time.Time, out []Booked) ([]Made, error) {
	tokens := make([][]byte, len(nbs))
	var dateIDs []int64
	var emails []string
	for i, nb := range nbs {
		tokens[i] = nb.FormTokenHash
		dateIDs = append(dateIDs, nb.DateIDs...)
		for _, p := range nb.Participants {
			emails = append(emails, strings.ToLower(p.Email))
		}
	}
	slices.Sort(dateIDs)
	dateIDs = slices.Compact(dateIDs)

	// The reads go to Postgres as one pipelined batch, run in this order:
	// a booking is a few round trips, not a dozen. The participants already
	// on the dates are read after the dates are locked, so they include
	// every booking committed before this one.
	var (
		refs                = map[string]string{}
		taken               = map[seatKey]string{}
		dates               []booking.BookedDate
		offers              []catalog.BundleOffer
		tokenErr, takenErr  error
		datesErr, offersErr error
	)
	b := &pgx.Batch{}
	b.Queue(`SELECT form_token_hash, ref FROM bookings WHERE form_token_hash = ANY($1)`, tokens).
		Query(func(rows pgx.Rows) error {
			var hash []byte
			var ref string
			_, tokenErr = pgx.ForEachRow(rows, []any{&hash, &ref}, func() error { refs[string(hash)] = ref; return nil })
			return nil
		})
	b.Queue(bookedDatesSQL(true), dateIDs).
		Query(func(rows pgx.Rows) error { dates, datesErr = scanBookedDates(rows); return nil })
	b.Queue(`
		SELECT email, date_id FROM participants
		WHERE date_id = ANY($1) AND lower(email) = ANY($2) AND status <> 'cancelled'`, dateIDs, emails).
		Query(func(rows pgx.Rows) error {
			var email string
			var date int64
			_, takenErr = pgx.ForEachRow(rows, []any{&email, &date}, func() error {
				taken[seatKey{date, strings.ToLower(email)}] = email
				return nil
			})
			return nil
		})
	b.Queue(offersForDatesSQL, dateIDs).
		Query(func(rows pgx.Rows) error { offers, offersErr = scanOffers(rows); return nil })
	if err := tx.SendBatch(ctx, b).Close(); err != nil {
		return nil, err
	}
	if err := errors.Join(tokenErr, datesErr, takenErr, offersErr); err != nil {
		return nil, err
	}

	var (
		ins   bookingRows
		made  []Made
		first = map[string]int{} // form token → the booking of this call that has it
		again = map[int]int{}    // a form posted twice in this call → its first
	)
	for i, nb := range nbs {
		token := string(nb.FormTokenHash)
		if ref, ok := refs[token]; ok {
			out[i].Err = &DuplicateFormError{Ref: ref}
			continue
		}
		if j, ok := first[token]; ok {
			again[i] = j
			continue
		}
		first[token] = i
		r, err := ins.add(nb, dates, taken, offers, now)
		if err != nil {
			out[i].Err = err
			continue
		}
		made = append(made, Made{Index: i, Receipt: r})
	}
	if len(made) > 0 {
		if err := ins.insert(ctx, tx, now, made); err != nil {
			var pgErr *pgconn.PgError
			if !errors.As(err, &pgErr) || pgErr.Code != "23505" {
				return nil, err
			}
			if len(nbs) > 1 {
				return nil, &conflictError{err: err}
			}
			switch pgErr.ConstraintName {
			case "bookings_form_token_hash_key":
				// The same form, posted twice at once: the other post won.
				return nil, &DuplicateFormError{}
			case "participants_one_per_date":
				return nil, &AlreadyBookedError{Email: "", Date: dates[0]}
			}
			return nil, err
		}
	}
	for _, m := range made {
		out[m.Index].Receipt = m.Receipt
	}
	for i, j := range again {
		out[i] = out[j]
		if out[j].Err == nil {
			out[i] = Booked{Err: &DuplicateFormError{Ref: out[j].Receipt.Ref}}
		}
	}
	return made, nil
}

// bookingRows gathers the rows of the bookings of one transaction, as
// arrays for one insert.
type bookingRows struct {
	// bookings
	tokens, manages                               [][]byte
	names, mails, phones, orgs, depts, eans, cvrs []string
	addrs, refs, comments                         []string
	list, excl, vat, incl                         []int64
	// participants
	pToken                                      [][]byte
	pDate, pList, pPrice, pVAT, pOffer          []int64
	pName, pMail, pJob, pDiet, pAccess, pStatus []string
	pWaiting, pBinding                          []bool
	pRate                                       []int32
	// seats taken, by date
	seats map[int64]int32
}

// add checks booking nb against dates (locked, with the seats the bookings
// before it took), the participants already on them (taken) and the clock,
// and when it may be made prices it and adds its rows. dates and taken then
// count its seats and participants.
func (g *bookingRows) add(nb NewBooking, dates []booking.BookedDate, taken map[seatKey]string, offers []catalog.BundleOffer, now time.Time) (booking.Receipt, error) {
	var mine []*booking.BookedDate // in start order
	for k := range dates {
		if slices.Contains(nb.DateIDs, dates[k].ID) {
			mine = append(mine, &dates[k])
		}
	}
	if len(mine) != len(nb.DateIDs) {
		return booking.Receipt{}, fmt.Errorf("book: %w", ErrNotFound)
	}
	want := len(nb.Participants)
	for _, d := range mine {
		p := booking.PhaseOf(d.CourseDate, now)
		if !p.CanEnrol() {
			return booking.Receipt{}, &DateClosedError{Date: *d, Phase: p}
		}
		if p == booking.PhaseAfterDeadline && d.SeatsLeft() < want {
			// No waiting list after the deadline: all get a seat or none books.
			return booking.Receipt{}, &DateClosedError{Date: *d, Phase: booking.PhaseFull, SeatsLeft: d.SeatsLeft()}
		}
	}
	for _, d := range mine {
		for _, p := range nb.Participants {
			if email, ok := taken[seatKey{d.ID, strings.ToLower(p.Email)}]; ok {
				return booking.Receipt{}, &AlreadyBookedError{Email: email, Date: *d}
			}
		}
	}
	ds := make([]booking.BookedDate, len(mine))
	for k, d := range mine {
		ds[k] = *d
	}
	q := booking.Price(lineInputs(ds, want), offers, now)
	r := booking.Receipt{
		BookerName: nb.BookerName, BookerEmail: nb.BookerEmail, BookerPhone: nb.BookerPhone,
		OrgName: nb.OrgName, Department: nb.Department, EAN: nb.EAN, CVR: nb.CVR,
		InvoiceAddress: nb.InvoiceAddress, InvoiceReference: nb.InvoiceReference, Comment: nb.Comment,
		Totals: q.Totals,
	}
	g.tokens, g.manages = append(g.tokens, nb.FormTokenHash), append(g.manages, nb.ManageTokenHash)
	g.names, g.mails, g.phones = append(g.names, nb.BookerName), append(g.mails, nb.BookerEmail), append(g.phones, nb.BookerPhone)
	g.orgs, g.depts, g.eans, g.cvrs = append(g.orgs, nb.OrgName), append(g.depts, nb.Department), append(g.eans, nb.EAN), append(g.cvrs, nb.CVR)
	g.addrs, g.refs, g.comments = append(g.addrs, nb.InvoiceAddress), append(g.refs, nb.InvoiceReference), append(g.comments, nb.Comment)
	g.list, g.excl, g.vat, g.incl = append(g.list, q.ListOre), append(g.excl, q.ExclOre), append(g.vat, q.VATOre), append(g.incl, q.InclOre)

	// Seats, date by date, participants in the order they were typed.
	if g.seats == nil {
		g.seats = map[int64]int32{}
	}
	for i, l := range q.Lines {
		d := mine[i%len(mine)]
		p := nb.Participants[l.Participant]
		status, waiting := booking.StatusWaitlisted, true
		if d.SeatsTaken < d.Capacity {
			status, waiting = booking.StatusConfirmed, false
			d.SeatsTaken++
			g.seats[d.ID]++
		}
		taken[seatKey{d.ID, strings.ToLower(p.Email)}] = p.Email
		g.pToken, g.pDate = append(g.pToken, nb.FormTokenHash), append(g.pDate, d.ID)
		g.pName, g.pMail, g.pJob = append(g.pName, p.Name), append(g.pMail, p.Email), append(g.pJob, p.JobTitle)
		g.pDiet, g.pAccess, g.pStatus = append(g.pDiet, p.Diet), append(g.pAccess, p.Accessibility), append(g.pStatus, status)
		g.pWaiting, g.pBinding = append(g.pWaiting, waiting), append(g.pBinding, !now.Before(booking.DeadlineEnd(d.Deadline)))
		g.pList, g.pPrice, g.pVAT = append(g.pList, l.ListOre), append(g.pPrice, l.PriceOre), append(g.pVAT, l.VATOre)
		g.pOffer, g.pRate = append(g.pOffer, l.OfferID), append(g.pRate, int32(l.VATRateBP))
	}
	return r, nil
}

// insert writes the bookings, their participants and the seats they took
// in one statement, and sets the id, ref and time of each made receipt.
// The seats are not read back: the mails are composed by a job, and the
// receipt page loads the booking.
func (g *bookingRows) insert(ctx context.Context, tx pgx.Tx, now time.Time, made []Made) error {
	seatIDs := make([]int64, 0, len(g.seats))
	seatAdds := make([]int32, 0, len(g.seats))
	for id, k := range g.seats {
		seatIDs = append(seatIDs, id)
		seatAdds = append(seatAdds, k)
	}
	rows, err := tx.Query(ctx, `
		WITH b AS (
			INSERT INTO bookings (ref, form_token_hash, manage_token_hash, booker_name, booker_email, booker_phone,
				org_name, department, ean, cvr, invoice_address, invoice_reference, comment,
				list_ore, excl_ore, vat_ore, incl_ore, created_at)
			SELECT 'COK-' || $1::int || '-' || lpad(u.n::text, greatest(5, length(u.n::text)), '0'),
				u.token, u.manage, u.name, u.email, u.phone, u.org, u.dept, u.ean, u.cvr, u.addr, u.ref, u.comment,
				u.list, u.excl, u.vat, u.incl, $2
			FROM (SELECT u.*, nextval('booking_ref_seq') AS n
				FROM unnest($3::bytea[], $4::bytea[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
					$10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::bigint[], $16::bigint[],
					$17::bigint[], $18::bigint[])
					WITH ORDINALITY AS u(token, manage, name, email, phone, org, dept, ean, cvr, addr, ref, comment,
						list, excl, vat, incl, ord)
				ORDER BY u.ord) u
			RETURNING id, ref, created_at, form_token_hash
		), p AS (
			INSERT INTO participants (booking_id, date_id, name, email, job_title, diet, accessibility, status,
				waitlist_seq, binding, list_ore, price_ore, vat_rate_bp, vat_ore, offer_id, created_at, confirmed_at)
			SELECT b.id, u.date_id, u.name, u.email, u.job, u.diet, u.access, u.status,
				CASE WHEN u.waiting THEN nextval('waitlist_seq') END, u.binding, u.list_ore, u.price_ore,
				u.vat_rate, u.vat_ore, nullif(u.offer_id, 0), $2, CASE WHEN u.waiting THEN NULL ELSE $2::timestamptz END
			FROM unnest($19::bytea[], $20::bigint[], $21::text[], $22::text[], $23::text[], $24::text[], $25::text[],
				$26::text[], $27::bool[], $28::bool[], $29::bigint[], $30::bigint[], $31::int[], $32::bigint[], $33::bigint[])
				WITH ORDINALITY AS u(token, date_id, name, email, job, diet, access, status, waiting, binding,
					list_ore, price_ore, vat_rate, vat_ore, offer_id, ord)
			JOIN b ON b.form_token_hash = u.token
			ORDER BY u.ord
			RETURNING 1
		), s AS (
			UPDATE course_dates d SET seats_taken = d.seats_taken + u.k
			FROM unnest($34::bigint[], $35::int[]) AS u(id, k) WHERE d.id = u.id
			RETURNING 1
		)
		SELECT id, ref, created_at, form_token_hash FROM b`,
		now.In(catalog.Copenhagen).Year(), now,
		g.tokens, g.manages, g.names, g.mails, g.phones, g.orgs, g.depts, g.eans, g.cvrs, g.addrs, g.refs, g.comments,
		g.list, g.excl, g.vat, g.incl,
		g.pToken, g.pDate, g.pName, g.pMail, g.pJob, g.pDiet, g.pAccess, g.pStatus, g.pWaiting, g.pBinding,
		g.pList, g.pPrice, g.pRate, g.pVAT, g.pOffer,
		seatIDs, seatAdds)
	if err != nil {
		return err
	}
	at := make(map[string]int, len(made)) // form token → made, added in the same order
	for k := range made {
		at[string(g.tokens[k])] = k
	}
	var (
		id      int64
		ref     string
		created time.Time
		token   []byte
	)
	_, err = pgx.ForEachRow(rows, []any{&id, &ref, &created, &token}, func() error {
		r := &made[at[string(token)]].Receipt
		r.ID, r.Ref, r.CreatedAt = id, ref, created
		return nil
	})
	return err
}
