package auth

import (
	"strings"
	"unicode/utf8"

	"github.com/trustelem/zxcvbn"
)

// minScore is zxcvbn's score a staff password must reach: 3 means about
// 10^8 guesses or more, out of reach of guessing online against a throttled
// login and costly offline against argon2id.
const minScore = 3

// strengthRunes bounds what zxcvbn estimates: its time grows faster than
// the length (a third of a second for 200 characters), and the first 64
// characters of a password that passes are strong already.
const strengthRunes = 64

// danishWords are words Danish staff reach for that zxcvbn's English
// dictionaries do not know; a password built on them is guessed early.
var danishWords = []string{
	"adgangskode", "kodeord", "password", "hemmelig", "velkommen", "sommer", "vinter", "forår", "efterår",
	"sommerferie", "jul", "julemand", "danmark", "dannebrog", "københavn", "aarhus", "odense", "aalborg",
	"kommune", "kommunen", "region", "cok", "kursus", "kurser", "kursuskatalog", "administrator", "redaktør",
	"medarbejder", "mandag", "fredag", "januar", "december", "kærlighed", "elsker", "fodbold", "hund", "kat",
}

// WeakPassword says, in Danish, why pw is not good enough for a staff
// user, or "" when it is. about are the user's own words (e-mail, name),
// which a password must not be built on.
func WeakPassword(pw string, about ...string) string {
	n := utf8.RuneCountInString(strings.TrimSpace(pw))
	switch {
	case n < MinPasswordLength:
		return "Adgangskoden skal have mindst 12 tegn"
	case n > MaxPasswordLength:
		return "Adgangskoden må højst have 200 tegn"
	}
	inputs := append([]string{}, danishWords...)
	for _, a := range about {
		for _, f := range strings.FieldsFunc(strings.ToLower(a), func(r rune) bool { return r == ' ' || r == '@' || r == '.' }) {
			if utf8.RuneCountInString(f) >= 3 {
				inputs = append(inputs, f)
			}
		}
		a = strings.ToLower(a)
		local, _, _ := strings.Cut(a, "@")
		inputs = append(inputs, a, strings.NewReplacer(" ", "", ".", "", "-", "").Replace(local))
	}
	if zxcvbn.PasswordStrength(firstRunes(pw, strengthRunes), inputs).Score < minScore {
		return "Adgangskoden er for let at gætte: den ligner en almindelig adgangskode, et ord med tal efter, " +
			"et mønster eller dit navn. Brug fx fire tilfældige ord eller en længere sætning"
	}
	return ""
}

func firstRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}
