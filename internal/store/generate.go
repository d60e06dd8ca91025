package store

import (
	"context"
	"time"
)

// GenerateCourses adds n generated, published courses ("demo-kursus-00001"
// …) with four dates each over the next 18 months, for load tests. It is set
// based, so 20,000 courses take seconds, and idempotent by slug.
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
	_, err = db.Exec(ctx, `
		INSERT INTO course_dates (course_id, venue_id, starts_at, ends_at, deadline, capacity, seats_taken)
		SELECT c.id, v.ids[1 + (c.id + k) % array_length(v.ids, 1)], s.starts, s.starts + interval '6 hours 30 minutes',
		       (s.starts AT TIME ZONE 'Europe/Copenhagen')::date - 35, 24, (c.id * 7 + k) % 25
		FROM courses c
		CROSS JOIN generate_series(0, 3) k
		CROSS JOIN (SELECT array_agg(id ORDER BY id) AS ids FROM venues) v
		CROSS JOIN LATERAL (SELECT (date_trunc('day', $1::timestamptz AT TIME ZONE 'Europe/Copenhagen')
		        + make_interval(days => 7 + ((c.id * 37 + k * 131) % 540)::int) + interval '9 hours')
		        AT TIME ZONE 'Europe/Copenhagen' AS starts) s
		WHERE c.slug LIKE 'demo-kursus-%' AND NOT EXISTS (SELECT 1 FROM course_dates x WHERE x.course_id = c.id)`, now)
	return added, err
}
