package store

import (
	"context"
	"time"

	"kursuskatalog/internal/catalog"
)

// aftercareOf reads what a course says about the time after the booking.
func aftercareOf(ctx context.Context, db DB, courseID int64) (catalog.Aftercare, error) {
	var a catalog.Aftercare
	err := db.QueryRow(ctx, `SELECT residential, reminder_days, bring_note, diploma_minutes FROM courses WHERE id = $1`,
		courseID).Scan(&a.Residential, &a.ReminderDays, &a.BringNote, &a.DiplomaMinutes)
	return a, notFound(err)
}

// SetAftercare writes what a course says about the time after the booking.
func SetAftercare(ctx context.Context, db DB, courseID int64, a catalog.Aftercare) error {
	_, err := db.Exec(ctx, `UPDATE courses SET residential = $2, reminder_days = $3, bring_note = $4, diploma_minutes = $5
		WHERE id = $1`, courseID, a.Residential, a.ReminderDays, a.BringNote, a.DiplomaMinutes)
	return err
}

func setAftercareIfGiven(ctx context.Context, db DB, courseID int64, a *catalog.Aftercare) error {
	if a == nil {
		return nil
	}
	return SetAftercare(ctx, db, courseID, *a)
}

// changedAftercare names the columns whose values differ, for the audit
// log; nothing when b leaves them as they are.
func changedAftercare(old, b *catalog.Aftercare) []string {
	if b == nil {
		return nil
	}
	a := catalog.Aftercare{ReminderDays: catalog.DefaultReminderDays} // a new course's defaults
	if old != nil {
		a = *old
	}
	var f []string
	for _, c := range []struct {
		name    string
		differs bool
	}{
		{"residential", a.Residential != b.Residential},
		{"reminder_days", a.ReminderDays != b.ReminderDays},
		{"bring_note", a.BringNote != b.BringNote},
		{"diploma_minutes", a.DiplomaMinutes != b.DiplomaMinutes},
	} {
		if c.differs {
			f = append(f, c.name)
		}
	}
	return f
}

// auditCourseSave ends a course's save: what it says about the time
// after the booking, and the audit entry.
func auditCourseSave(ctx context.Context, tx DB, c CourseEdit, staffID int64, changed []string, now time.Time) error {
	if err := setAftercareIfGiven(ctx, tx, c.ID, c.Aftercare); err != nil {
		return err
	}
	return Audit(ctx, tx, staffID, "course", c.ID, "update", changed, now)
}
