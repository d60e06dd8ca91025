package booking

import (
	"net/mail"
	"strings"
	"unicode"
)

// The checks below return "" when the value is fine and otherwise a Danish
// message for the field. They are used by the enrolment form and by staff.

// CheckEAN checks a Danish public-sector EAN (GLN): 13 digits whose last is
// the GS1 check digit of the first twelve.
func CheckEAN(s string) string {
	s = stripSpaces(s)
	if len(s) != 13 || !allDigits(s) {
		return "EAN-nummeret skal have 13 cifre"
	}
	sum := 0
	for i := 0; i < 12; i++ {
		d := int(s[i] - '0')
		if i%2 == 1 {
			d *= 3
		}
		sum += d
	}
	if (10-sum%10)%10 != int(s[12]-'0') {
		return "Kontrolcifferet i EAN-nummeret passer ikke. Tjek nummeret på jeres faktureringsoplysninger"
	}
	return ""
}

// CheckCVR checks a Danish CVR number: 8 digits, not starting with 0, whose
// weighted sum (2,7,6,5,4,3,2,1) is divisible by 11.
func CheckCVR(s string) string {
	s = stripSpaces(s)
	if len(s) != 8 || !allDigits(s) {
		return "CVR-nummeret skal have 8 cifre"
	}
	if s[0] == '0' {
		return "Et CVR-nummer begynder ikke med 0"
	}
	weights := [8]int{2, 7, 6, 5, 4, 3, 2, 1}
	sum := 0
	for i := range 8 {
		sum += int(s[i]-'0') * weights[i]
	}
	if sum%11 != 0 {
		return "CVR-nummeret er ikke gyldigt. Tjek at cifrene er skrevet rigtigt"
	}
	return ""
}

// CheckEmail accepts a plain address with a dot in the domain.
func CheckEmail(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return "Skriv en e-mailadresse"
	}
	if len(s) > 254 {
		return "E-mailadressen er for lang"
	}
	a, err := mail.ParseAddress(s)
	at := strings.LastIndexByte(s, '@')
	if err != nil || a.Address != s || at < 1 || !strings.Contains(s[at+1:], ".") || strings.HasSuffix(s, ".") || strings.ContainsAny(s, " <>") {
		return "Skriv e-mailadressen som navn@eksempel.dk"
	}
	return ""
}

// CheckPhone accepts a Danish number of 8 digits, optionally with +45 or
// 0045, or a foreign number starting with + and 7 to 15 digits; spaces and
// dashes are allowed between digits.
func CheckPhone(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return "Skriv et telefonnummer"
	}
	for i, r := range s {
		switch {
		case unicode.IsDigit(r) && r < 128:
		case r == ' ' || r == '-':
		case r == '+' && i == 0:
		default:
			return "Telefonnummeret må kun indeholde cifre, mellemrum og +"
		}
	}
	n := NormalizePhone(s)
	switch {
	case strings.HasPrefix(n, "+45") && len(n) == 11:
		return ""
	case strings.HasPrefix(n, "+") && !strings.HasPrefix(n, "+45") && len(n) >= 8 && len(n) <= 16 && n[1] != '0':
		return ""
	}
	return "Telefonnummeret skal have 8 cifre (evt. med +45 foran)"
}

// NormalizePhone writes a number as +45XXXXXXXX (or +CC… for foreign ones).
func NormalizePhone(s string) string {
	var b strings.Builder
	for i, r := range strings.TrimSpace(s) {
		if (r >= '0' && r <= '9') || (r == '+' && i == 0) {
			b.WriteRune(r)
		}
	}
	n := b.String()
	switch {
	case strings.HasPrefix(n, "00"):
		n = "+" + n[2:]
	case !strings.HasPrefix(n, "+") && len(n) == 8:
		n = "+45" + n
	}
	return n
}

// stripSpaces takes out what people paste around and inside an EAN or CVR
// number: a "DK" in front ("DK16442623", "DK 79301663"), dots ("4052.7532"),
// dashes and any kind of space (no-break and thin spaces from web pages
// and PDFs included).
func stripSpaces(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 2 && strings.EqualFold(s[:2], "DK") {
		s = s[2:]
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.Is(unicode.Zs, r) || r == '.' || r == '-' || r == '\u2010' || r == '\u2011' || r == '\u2013' || r == '\u200b' {
			return -1
		}
		return r
	}, s)
}

// Digits returns an EAN or CVR number as it is stored: the digits alone.
func Digits(s string) string { return stripSpaces(s) }

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
