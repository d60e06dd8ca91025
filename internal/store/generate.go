package store

import (
	"context"
	"errors"
	"time"

	"kursuskatalog/internal/catalog"
)

// GenerateCourses adds n generated, published courses ("demo-kursus-00001"
// …) with four dates each over the next 18 months, for load tests, and gives
// their dates a booking history: bookings of up to three participants in the
// 0–24 of 24 seats taken. A benchmark on a site in use must meet tables of the
// size they have there, not empty ones whose first plans are sequential
// scans. It is set based, so 20,000 courses take seconds, and idempotent by
// slug.
func GenerateCourses(ctx context.Context, db DB, n int, now time.Time) (int, error) {
	tag, err := db.Exec(ctx, `
		WITH subjects(s) AS (VALUES (ARRAY['Forvaltningsret','Mødeledelse','Projektledelse','Økonomistyring','Klarsprog',
			'Borgerinddragelse','Informationssikkerhed','Konflikthåndtering','Budgetopfølgning','Sagsbehandling',
			'Rekruttering','Arbejdsmiljø','Digital forvaltning','Facilitering','Forandringsledelse','Udbud og indkøb'])),
		audiences(a) AS (VALUES (ARRAY['for nye ledere','for sagsbehandlere','for specialister','i praksis',
			'for teamledere','for sekretariater','for HR-medarbejdere','for økonomer','– grundkursus','– videregående'])),
		gen AS (
			SELECT g, s[1 + g % array_length(s, 1)] AS subject, a[1 + (g / array_length(s, 1)) % array_length(a, 1)] AS aud
			FROM generate_series(1, $1::int) g, subjects, audiences
		)
		INSERT INTO courses (slug, title, teaser, audience, description, content_intro, content_bullets,
			teaching_form, price_ore, vat_rate_bp, price_covers, invoice_note, consultant_id, status)
		SELECT format('demo-kursus-%s', lpad(g::text, 5, '0')),
		       format('%s %s (%s)', subject, aud, g),
		       format('Et praksisnært kursus i %s %s.', lower(subject), aud),
		       'Kurset er for kommunale medarbejdere og ledere.',
		       format('Kurset giver dig viden og værktøjer inden for %s, som du kan bruge med det samme i din kommune.', lower(subject)),
		       'På kurset arbejder vi med:',
		       ARRAY['Teori og praksis', 'Cases fra kommunerne', 'Værktøjer til hverdagen'],
		       'Oplæg, øvelser og erfaringsudveksling.',
		       (2900 + (g * 37) % 90 * 100) * 100, 2500,
		       'undervisning, materialer og forplejning', 'Faktura sendes ud 3-4 uger før kursusstart.',
		       (SELECT id FROM consultants ORDER BY id LIMIT 1), 'published'
		FROM gen
		ON CONFLICT (slug) DO NOTHING`, n)
	if err != nil {
		return 0, err
	}
	added := int(tag.RowsAffected())
	// Topics and dates for the generated courses that have none yet.
	if _, err := db.Exec(ctx, `
		INSERT INTO course_topics (course_id, topic_id)
		SELECT c.id, t.ids[1 + c.id % array_length(t.ids, 1)]
		FROM courses c, (SELECT array_agg(id ORDER BY id) AS ids FROM topics) t
		WHERE c.slug LIKE 'demo-kursus-%' AND NOT EXISTS (SELECT 1 FROM course_topics x WHERE x.course_id = c.id)`); err != nil {
		return 0, err
	}
	// Dates on the first working day on or after the day drawn.
	_, err = db.Exec(ctx, `
		INSERT INTO course_dates (course_id, venue_id, starts_at, ends_at, deadline, capacity, seats_taken)
		SELECT c.id, v.ids[1 + (c.id + k) % array_length(v.ids, 1)], s.starts, s.starts + interval '6 hours 30 minutes',
		       (s.starts AT TIME ZONE 'Europe/Copenhagen')::date - 35, 24, (c.id * 7 + k) % 25
		FROM courses c
		CROSS JOIN generate_series(0, 3) k
		CROSS JOIN (SELECT array_agg(id ORDER BY id) AS ids FROM venues) v
		CROSS JOIN LATERAL (SELECT date_trunc('day', $1::timestamptz AT TIME ZONE 'Europe/Copenhagen')
		        + make_interval(days => 7 + ((c.id * 37 + k * 131) % 540)::int) AS drawn) r
		CROSS JOIN LATERAL (SELECT (min(x) + interval '9 hours') AT TIME ZONE 'Europe/Copenhagen' AS starts
		        FROM generate_series(r.drawn, r.drawn + interval '10 days', interval '1 day') x
		        WHERE extract(isodow FROM x) < 6 AND x::date <> ALL($2::date[])) s
		WHERE c.slug LIKE 'demo-kursus-%' AND NOT EXISTS (SELECT 1 FROM course_dates x WHERE x.course_id = c.id)`,
		now, closedDays(now))
	if err != nil {
		return 0, err
	}
	return added, errors.Join(generateBookings(ctx, db, now), IndexNewBookings(ctx, db))
}

// generateBookings fills the seats taken on each generated date that has no
// participants yet with bookings of up to three colleagues. The dates are
// not updated: a second version of every row would leave the catalogue's
// table half dead tuples until autovacuum came by.
func generateBookings(ctx context.Context, db DB, now time.Time) error {
	_, err := db.Exec(ctx, `
		WITH seats AS (
			SELECT d.id AS date_id, s AS seat, (s - 1) / 3 AS grp, c.price_ore, c.vat_rate_bp,
			       sha256(convert_to(format('demo-booking-%s-%s', d.id, (s - 1) / 3), 'UTF8')) AS token
			FROM course_dates d JOIN courses c ON c.id = d.course_id
			CROSS JOIN LATERAL generate_series(1, d.seats_taken) s
			WHERE c.slug LIKE 'demo-kursus-%'
			  AND NOT EXISTS (SELECT 1 FROM participants p WHERE p.date_id = d.id)
		), groups AS (
			SELECT date_id, grp, token, sum(price_ore) AS excl, sum((price_ore * vat_rate_bp + 5000) / 10000) AS vat
			FROM seats GROUP BY date_id, grp, token
		), b AS (
			INSERT INTO bookings (ref, form_token_hash, manage_token_hash, booker_name, booker_email, booker_phone,
				org_name, ean, list_ore, excl_ore, vat_ore, incl_ore, created_at)
			SELECT format('COK-DEMO-%s-%s', date_id, grp), token, sha256(token),
			       format('Indkøber %s', grp + 1), format('indkoeb-%s-%s@demo-kommune.dk', date_id, grp), '70 00 00 00',
			       'Demo Kommune', '5798000000000', excl, excl, vat, excl + vat, $1::timestamptz - make_interval(days => grp + 1)
			FROM groups
			RETURNING id, form_token_hash, created_at
		)
		INSERT INTO participants (booking_id, date_id, name, email, status, list_ore, price_ore, vat_rate_bp, vat_ore,
			created_at, confirmed_at)
		SELECT b.id, s.date_id, format('Deltager %s', s.seat), format('deltager-%s-%s@demo-kommune.dk', s.date_id, s.seat),
		       'confirmed', s.price_ore, s.price_ore, s.vat_rate_bp, (s.price_ore * s.vat_rate_bp + 5000) / 10000, b.created_at, b.created_at
		FROM seats s JOIN b ON b.form_token_hash = s.token`, now)
	return err
}

// closedDays lists the holidays (catalog.ClosedDays) of now's year and the
// next two, as dates.
func closedDays(now time.Time) []string {
	var out []string
	for y := now.Year(); y <= now.Year()+2; y++ {
		for day := range catalog.ClosedDays(y) {
			out = append(out, day)
		}
	}
	return out
}
