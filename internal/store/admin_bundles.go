package store

import (
	"context"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/audit"

	"kursuskatalog/internal/catalog"
)

// BundleRow is a bundle offer in the staff editor: the offer with its
// courses, the sum of their list prices (the saving is SumOre − PriceOre),
// its version and how many booked participants used it.
type BundleRow struct {
	catalog.BundleOffer
	CourseTitles []string
	SumOre       int64
	Version      int
	Uses         int
}

// SavingOre is what booking the courses together saves.
func (b BundleRow) SavingOre() int64 { return b.SumOre - b.PriceOre }

const bundleRowColumns = `o.id, o.title, o.description, o.price_ore, o.last_day, o.version,
	coalesce((SELECT array_agg(c.id ORDER BY c.title) FROM bundle_offer_courses oc JOIN courses c ON c.id = oc.course_id WHERE oc.offer_id = o.id), '{}'),
	coalesce((SELECT array_agg(c.title ORDER BY c.title) FROM bundle_offer_courses oc JOIN courses c ON c.id = oc.course_id WHERE oc.offer_id = o.id), '{}'),
	coalesce((SELECT sum(c.price_ore) FROM bundle_offer_courses oc JOIN courses c ON c.id = oc.course_id WHERE oc.offer_id = o.id), 0),
	(SELECT count(*) FROM participants p WHERE p.offer_id = o.id)`

func scanBundleRow(row pgx.Row) (BundleRow, error) {
	var b BundleRow
	var ids []int64
	err := row.Scan(&b.ID, &b.Title, &b.Description, &b.PriceOre, &b.LastDay, &b.Version, &ids, &b.CourseTitles, &b.SumOre, &b.Uses)
	for _, id := range ids {
		b.Courses = append(b.Courses, catalog.BundleCourse{CourseID: id})
	}
	return b, notFound(err)
}

// BundleRows lists the offers, the latest last day first.
func (s *Store) BundleRows(ctx context.Context) ([]BundleRow, error) {
	rows, err := s.Pool.Query(ctx, `SELECT `+bundleRowColumns+` FROM bundle_offers o ORDER BY o.last_day DESC, o.id`)
	return scanAll(rows, err, func(r pgx.Rows) (BundleRow, error) { return scanBundleRow(r) })
}

// BundleRowByID loads one offer for its form.
func (s *Store) BundleRowByID(ctx context.Context, id int64) (BundleRow, error) {
	return scanBundleRow(s.Pool.QueryRow(ctx, `SELECT `+bundleRowColumns+` FROM bundle_offers o WHERE o.id = $1`, id))
}

// CourseChoice is a course to choose in a staff form, with its list price.
type CourseChoice struct {
	ID       int64
	Title    string
	PriceOre int64
	Status   string
}

// CourseChoices lists every course, drafts too, by title.
func (s *Store) CourseChoices(ctx context.Context) ([]CourseChoice, error) {
	rows, err := s.Pool.Query(ctx, `SELECT id, title, price_ore, status FROM courses ORDER BY lower(title), id`)
	return scanAll(rows, err, func(r pgx.Rows) (CourseChoice, error) {
		var c CourseChoice
		return c, r.Scan(&c.ID, &c.Title, &c.PriceOre, &c.Status)
	})
}

func bundleCourseIDs(o catalog.BundleOffer) []int64 {
	ids := make([]int64, len(o.Courses))
	for i, c := range o.Courses {
		ids[i] = c.CourseID
	}
	slices.Sort(ids)
	return ids
}

// setBundleCourses makes the offer's courses ids, keeping the pitch of
// those that stay.
func setBundleCourses(ctx context.Context, tx pgx.Tx, offerID int64, ids []int64) error {
	if _, err := tx.Exec(ctx, `DELETE FROM bundle_offer_courses WHERE offer_id = $1 AND NOT course_id = ANY($2)`, offerID, ids); err != nil {
		return err
	}
	_, err := tx.Exec(ctx, `
		INSERT INTO bundle_offer_courses (offer_id, course_id) SELECT $1, unnest($2::bigint[])
		ON CONFLICT (offer_id, course_id) DO NOTHING`, offerID, ids)
	return duplicate(err)
}

// CreateBundle adds an offer over its courses and audits it.
func (s *Store) CreateBundle(ctx context.Context, staffID int64, o catalog.BundleOffer, now time.Time) (int64, error) {
	var id int64
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		if err := tx.QueryRow(ctx, `
			INSERT INTO bundle_offers (title, description, price_ore, last_day) VALUES ($1, $2, $3, $4) RETURNING id`,
			o.Title, o.Description, o.PriceOre, pgDate(o.LastDay)).Scan(&id); err != nil {
			return err
		}
		if err := setBundleCourses(ctx, tx, id, bundleCourseIDs(o)); err != nil {
			return err
		}
		return Audit(ctx, tx, staffID, "bundle_offer", id, "create", []string{"title", "description", "courses", "price", "last_day"}, now)
	})
	return id, err
}

// UpdateBundle saves o if its row still has version; otherwise ErrConflict.
// Bookings already made keep the prices they were made with.
func (s *Store) UpdateBundle(ctx context.Context, staffID int64, o catalog.BundleOffer, version int, now time.Time) error {
	return s.inTx(ctx, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT 1 FROM bundle_offers WHERE id = $1 FOR UPDATE`, o.ID); err != nil {
			return err
		}
		old, err := scanBundleRow(tx.QueryRow(ctx, `SELECT `+bundleRowColumns+` FROM bundle_offers o WHERE o.id = $1`, o.ID))
		if err != nil {
			return err
		}
		if err := checkVersion(old.Version, version); err != nil {
			return err
		}
		ids := bundleCourseIDs(o)
		var ch changes
		ch.Add("title", old.Title, o.Title)
		ch.Add("description", old.Description, o.Description)
		changed(&ch, "courses", !slices.Equal(bundleCourseIDs(old.BundleOffer), ids))
		ch.Add("price", catalog.FormatKroner(old.PriceOre), catalog.FormatKroner(o.PriceOre))
		ch.Add("last_day", old.LastDay.Format("02.01.2006"), o.LastDay.Format("02.01.2006"))
		if _, err := tx.Exec(ctx, `
			UPDATE bundle_offers SET title = $2, description = $3, price_ore = $4, last_day = $5, version = version + 1
			WHERE id = $1`, o.ID, o.Title, o.Description, o.PriceOre, pgDate(o.LastDay)); err != nil {
			return err
		}
		if err := setBundleCourses(ctx, tx, o.ID, ids); err != nil {
			return err
		}
		return Record(ctx, tx, audit.Entry{StaffID: staffID, Entity: "bundle_offer", EntityID: o.ID, Action: "update", Changes: ch}, now)
	})
}

// DeleteBundle deletes an offer no booking has used; otherwise ErrInUse
// (the bookings name the offer their price came from).
func (s *Store) DeleteBundle(ctx context.Context, staffID, id int64, now time.Time) error {
	return s.inTx(ctx, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT 1 FROM bundle_offers WHERE id = $1 FOR UPDATE`, id); err != nil {
			return err
		}
		old, err := scanBundleRow(tx.QueryRow(ctx, `SELECT `+bundleRowColumns+` FROM bundle_offers o WHERE o.id = $1`, id))
		if err != nil {
			return err
		}
		if old.Uses > 0 {
			return ErrInUse
		}
		if _, err := tx.Exec(ctx, `DELETE FROM bundle_offers WHERE id = $1`, id); err != nil {
			return duplicate(err)
		}
		return Record(ctx, tx, audit.Entry{StaffID: staffID, Entity: "bundle_offer", EntityID: id, Action: "delete", Label: old.Title}, now)
	})
}
