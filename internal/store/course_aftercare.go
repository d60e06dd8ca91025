package store

import (
	"context"
	"strconv"
	"time"

	"kursuskatalog/internal/audit"
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

// aftercareChanges are the fields b changes of old with their values, for
// the audit log; nothing when b leaves them as they are.
func aftercareChanges(old, b *catalog.Aftercare) audit.Changes {
	if b == nil {
		return nil
	}
	a := catalog.Aftercare{ReminderDays: catalog.DefaultReminderDays} // a new course's defaults
	if old != nil {
		a = *old
	}
	var c audit.Changes
	c.Add("residential", yesNo(a.Residential), yesNo(b.Residential))
	c.Add("reminder_days", strconv.Itoa(a.ReminderDays), strconv.Itoa(b.ReminderDays))
	c.Add("bring_note", a.BringNote, b.BringNote)
	c.Add("diploma_minutes", strconv.Itoa(a.DiplomaMinutes), strconv.Itoa(b.DiplomaMinutes))
	return c
}

// auditCourseSave ends a course's save: what it says about the time
// after the booking, and the audit entry.
func auditCourseSave(ctx context.Context, tx DB, c CourseEdit, staffID int64, changed audit.Changes, now time.Time) error {
	if err := setAftercareIfGiven(ctx, tx, c.ID, c.Aftercare); err != nil {
		return err
	}
	return Record(ctx, tx, audit.Entry{StaffID: staffID, Entity: "course", EntityID: c.ID, Action: "update", Changes: changed}, now)
}
