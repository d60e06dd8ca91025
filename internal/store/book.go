package store

import (
	"context"
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/catalog"
)

// Errors of InsertBookings: a transaction that committed first holds the
// same form, or the same person on one of the dates.
var (
	ErrFormTaken   = errors.New("store: form booked by another transaction")
	ErrPersonTaken = errors.New("store: participant put on the date by another transaction")
)

// BookingReads is what booking needs to read in its transaction: the
// bookings already made by the forms posted, the dates (locked), the
// people already on them and the bundle offers of their courses.
type BookingReads struct {
	Refs    map[string]string // form token hash → ref of its booking
	Dates   []booking.BookedDate
	Holders []booking.Holder
	Offers  []catalog.BundleOffer
}

// ReadForBooking locks the dates in id order (so two bookings of the same
// dates never deadlock) and reads the rest, in one pipelined batch. The
// forms booked and the people on the dates are read after the lock, so
// they include every booking committed before this transaction's.
func ReadForBooking(ctx context.Context, tx pgx.Tx, formHashes [][]byte, dateIDs []int64, emails []string) (BookingReads, error) {
	dateIDs = slices.Compact(slices.Sorted(slices.Values(dateIDs)))
	lower := make([]string, len(emails))
	for i, e := range emails {
		lower[i] = strings.ToLower(e)
	}
	out := BookingReads{Refs: map[string]string{}}
	var refsErr, datesErr, holdersErr, offersErr error
	b := &pgx.Batch{}
	b.Queue(bookedDatesSQL(true), dateIDs).
		Query(func(rows pgx.Rows) error { out.Dates, datesErr = scanBookedDates(rows); return nil })
	// After the lock: a post of the same form that another transaction
	// committed while this one waited for the dates is seen here, and
	// this post ends on its receipt rather than on its participants.
	b.Queue(`SELECT form_token_hash, ref FROM bookings WHERE form_token_hash = ANY($1)`, formHashes).
		Query(func(rows pgx.Rows) error {
			var hash []byte
			var ref string
			_, refsErr = pgx.ForEachRow(rows, []any{&hash, &ref}, func() error { out.Refs[string(hash)] = ref; return nil })
			return nil
		})
	b.Queue(`
		SELECT date_id, email FROM participants
		WHERE date_id = ANY($1) AND lower(email) = ANY($2) AND status <> 'cancelled'`, dateIDs, lower).
		Query(func(rows pgx.Rows) error {
			var h booking.Holder
			_, holdersErr = pgx.ForEachRow(rows, []any{&h.DateID, &h.Email}, func() error {
				out.Holders = append(out.Holders, h)
				return nil
			})
			return nil
		})
	b.Queue(offersForDatesSQL, dateIDs).
		Query(func(rows pgx.Rows) error { out.Offers, offersErr = scanOffers(rows); return nil })
	if err := tx.SendBatch(ctx, b).Close(); err != nil {
		return out, err
	}
	return out, errors.Join(refsErr, datesErr, holdersErr, offersErr)
}

// NewBooking is a booking to insert: its tokens, booker and people, and
// the plan that places and prices them.
type NewBooking struct {
	FormTokenHash   []byte
	ManageTokenHash []byte
	Booker          booking.Booker
	People          []booking.Person
	Plan            booking.Plan
}

// Inserted is a booking as inserted.
type Inserted struct {
	ID        int64
	Ref       string
	CreatedAt time.Time
}

// InsertBookings writes bookings, their participants and the seats they
// take in one statement, and returns their ids and refs in order. A unique
// violation is ErrFormTaken or ErrPersonTaken.
func InsertBookings(ctx context.Context, tx pgx.Tx, nbs []NewBooking, now time.Time) ([]Inserted, error) {
	var g bookingRows
	for _, nb := range nbs {
		g.add(nb, now)
	}
	rows, err := tx.Query(ctx, insertBookingsSQL, g.args(now)...)
	if err != nil {
		return nil, insertError(err)
	}
	at := make(map[string]int, len(nbs)) // form token → index
	for i, nb := range nbs {
		at[string(nb.FormTokenHash)] = i
	}
	out := make([]Inserted, len(nbs))
	var (
		in    Inserted
		token []byte
	)
	_, err = pgx.ForEachRow(rows, []any{&in.ID, &in.Ref, &in.CreatedAt, &token}, func() error {
		out[at[string(token)]] = in
		return nil
	})
	return out, insertError(err)
}

func insertError(err error) error {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && pgErr.Code == "23505" {
		switch pgErr.ConstraintName {
		case "bookings_form_token_hash_key":
			return ErrFormTaken
		case "participants_one_per_date":
			return ErrPersonTaken
		}
	}
	return err
}

// bookingRows gathers the rows of the bookings of one statement, as
// arrays for unnest.
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
	pRate, pPerson                              []int32
	// residential details, on dates of residential courses only
	pOvernight         []*bool
	pEarly             []bool
	pAllergens, pNeeds []string
	// seats taken, by date
	seats map[int64]int32
}

func (g *bookingRows) add(nb NewBooking, now time.Time) {
	b := nb.Booker
	g.tokens, g.manages = append(g.tokens, nb.FormTokenHash), append(g.manages, nb.ManageTokenHash)
	g.names, g.mails, g.phones = append(g.names, b.Name), append(g.mails, b.Email), append(g.phones, b.Phone)
	g.orgs, g.depts, g.eans, g.cvrs = append(g.orgs, b.OrgName), append(g.depts, b.Department), append(g.eans, b.EAN), append(g.cvrs, b.CVR)
	g.addrs, g.refs, g.comments = append(g.addrs, b.InvoiceAddress), append(g.refs, b.InvoiceReference), append(g.comments, b.Comment)
	t := nb.Plan.Totals
	g.list, g.excl, g.vat, g.incl = append(g.list, t.ListOre), append(g.excl, t.ExclOre), append(g.vat, t.VATOre), append(g.incl, t.InclOre)
	if g.seats == nil {
		g.seats = map[int64]int32{}
	}
	for _, pl := range nb.Plan.Places {
		p := nb.People[pl.Person]
		status := booking.StatusWaitlisted
		if pl.Seat {
			status = booking.StatusConfirmed
			g.seats[pl.DateID]++
		}
		g.pToken, g.pDate = append(g.pToken, nb.FormTokenHash), append(g.pDate, pl.DateID)
		g.pName, g.pMail, g.pJob = append(g.pName, p.Name), append(g.pMail, p.Email), append(g.pJob, p.JobTitle)
		g.pDiet, g.pAccess, g.pStatus = append(g.pDiet, p.Diet), append(g.pAccess, p.Accessibility), append(g.pStatus, status)
		g.pWaiting, g.pBinding = append(g.pWaiting, !pl.Seat), append(g.pBinding, pl.Binding)
		g.pList, g.pPrice, g.pVAT = append(g.pList, pl.ListOre), append(g.pPrice, pl.PriceOre), append(g.pVAT, pl.VATOre)
		g.pOffer, g.pRate = append(g.pOffer, pl.OfferID), append(g.pRate, int32(pl.VATRateBP))
		g.pPerson = append(g.pPerson, int32(pl.Person+1))
		g.addStay(p.Stay, pl.Residential)
	}
}

// addStay adds a participant's residential details: kept only where the
// course has an overnight stay (allergens go as one comma-separated text,
// as unnest takes no ragged arrays).
func (g *bookingRows) addStay(st booking.Stay, residential bool) {
	if !residential {
		st = booking.Stay{}
	}
	var overnight *bool
	if residential {
		overnight = &st.Overnight
	}
	g.pOvernight, g.pEarly = append(g.pOvernight, overnight), append(g.pEarly, st.EarlyArrival)
	g.pAllergens = append(g.pAllergens, strings.Join(booking.KnownAllergens(st.Allergens), ","))
	g.pNeeds = append(g.pNeeds, st.Needs)
}

func (g *bookingRows) args(now time.Time) []any {
	seatIDs := make([]int64, 0, len(g.seats))
	seatAdds := make([]int32, 0, len(g.seats))
	for id, k := range g.seats {
		seatIDs = append(seatIDs, id)
		seatAdds = append(seatAdds, k)
	}
	return []any{now.In(catalog.Copenhagen).Year(), now,
		g.tokens, g.manages, g.names, g.mails, g.phones, g.orgs, g.depts, g.eans, g.cvrs, g.addrs, g.refs, g.comments,
		g.list, g.excl, g.vat, g.incl,
		g.pToken, g.pDate, g.pName, g.pMail, g.pJob, g.pDiet, g.pAccess, g.pStatus, g.pWaiting, g.pBinding,
		g.pList, g.pPrice, g.pRate, g.pVAT, g.pOffer,
		seatIDs, seatAdds, g.pPerson,
		g.pOvernight, g.pEarly, g.pAllergens, g.pNeeds}
}

// insertBookingsSQL inserts the bookings with refs numbered per year, their
// participants (a waiting participant gets the next place in the common
// waiting-list sequence) and the seats taken, and returns each booking.
const insertBookingsSQL = `
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
			waitlist_seq, binding, list_ore, price_ore, vat_rate_bp, vat_ore, offer_id, created_at, confirmed_at, person_no,
			stay_overnight, stay_early_arrival, diet_allergens, stay_needs)
		SELECT b.id, u.date_id, u.name, u.email, u.job, u.diet, u.access, u.status,
			CASE WHEN u.waiting THEN nextval('waitlist_seq') END, u.binding, u.list_ore, u.price_ore,
			u.vat_rate, u.vat_ore, nullif(u.offer_id, 0), $2, CASE WHEN u.waiting THEN NULL ELSE $2::timestamptz END,
			u.person_no, u.overnight, u.early, string_to_array(u.allergens, ','), u.needs
		FROM unnest($19::bytea[], $20::bigint[], $21::text[], $22::text[], $23::text[], $24::text[], $25::text[],
			$26::text[], $27::bool[], $28::bool[], $29::bigint[], $30::bigint[], $31::int[], $32::bigint[], $33::bigint[],
			$36::int[], $37::bool[], $38::bool[], $39::text[], $40::text[])
			WITH ORDINALITY AS u(token, date_id, name, email, job, diet, access, status, waiting, binding,
				list_ore, price_ore, vat_rate, vat_ore, offer_id, person_no, overnight, early, allergens, needs, ord)
		JOIN b ON b.form_token_hash = u.token
		ORDER BY u.ord
		RETURNING 1
	), s AS (
		UPDATE course_dates d SET seats_taken = d.seats_taken + u.k
		FROM unnest($34::bigint[], $35::int[]) AS u(id, k) WHERE d.id = u.id
		RETURNING 1
	)
	SELECT id, ref, created_at, form_token_hash FROM b`
