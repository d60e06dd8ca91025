package catalog

import "time"

// Courses are held on working days: Monday to Friday, not on a Danish
// public holiday, nor on the days most workplaces close (Constitution Day,
// Christmas Eve and New Year's Eve). Store Bededag has been a working day
// since 2024.

// easter is Easter Sunday of year (the Gregorian computus, Meeus/Jones/Butcher).
func easter(year int) time.Time {
	a := year % 19
	b, c := year/100, year%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
}

// ClosedDays are the public holidays and closing days of year, by date
// ("2027-03-25") with their Danish names.
func ClosedDays(year int) map[string]string {
	e := easter(year)
	out := map[string]string{}
	add := func(t time.Time, name string) { out[t.Format("2006-01-02")] = name }
	fixed := func(m time.Month, d int) time.Time { return time.Date(year, m, d, 0, 0, 0, 0, time.UTC) }
	add(fixed(time.January, 1), "Nytårsdag")
	add(e.AddDate(0, 0, -3), "Skærtorsdag")
	add(e.AddDate(0, 0, -2), "Langfredag")
	add(e, "Påskedag")
	add(e.AddDate(0, 0, 1), "2. påskedag")
	add(e.AddDate(0, 0, 39), "Kristi himmelfartsdag")
	add(e.AddDate(0, 0, 49), "Pinsedag")
	add(e.AddDate(0, 0, 50), "2. pinsedag")
	add(fixed(time.June, 5), "Grundlovsdag")
	add(fixed(time.December, 24), "Juleaftensdag")
	add(fixed(time.December, 25), "Juledag")
	add(fixed(time.December, 26), "2. juledag")
	add(fixed(time.December, 31), "Nytårsaftensdag")
	return out
}

// IsWorkday says whether the calendar day of t (its year, month and day as
// they stand) is a working day.
func IsWorkday(t time.Time) bool {
	if wd := t.Weekday(); wd == time.Saturday || wd == time.Sunday {
		return false
	}
	_, closed := ClosedDays(t.Year())[t.Format("2006-01-02")]
	return !closed
}

// FirstWorkdays is the first calendar day on or after day that starts days
// working days in a row (a two-day course needs two), at day's clock time.
func FirstWorkdays(day time.Time, days int) time.Time {
	for ; ; day = day.AddDate(0, 0, 1) {
		ok := true
		for i := 0; i < max(days, 1) && ok; i++ {
			ok = IsWorkday(day.AddDate(0, 0, i))
		}
		if ok {
			return day
		}
	}
}
