package catalog

import "strings"

// slugLetters spells Danish and a few other letters the way Danish URLs
// do: æ→ae, ø→oe, å→aa.
var slugLetters = strings.NewReplacer(
	"æ", "ae", "ø", "oe", "å", "aa", "ä", "ae", "ö", "oe", "ü", "ue",
	"é", "e", "è", "e", "ê", "e", "á", "a", "à", "a", "í", "i", "ó", "o", "ú", "u", "ß", "ss",
)

// Slugify makes a URL slug of a title: lower case a-z, digits and single
// hyphens, "Politisk forståelse" → "politisk-forstaaelse".
func Slugify(title string) string {
	s := slugLetters.Replace(strings.ToLower(title))
	var b strings.Builder
	dash := false
	for _, r := range s {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	return b.String()
}

// ValidSlug says whether s can be a course's slug.
func ValidSlug(s string) bool {
	return s != "" && len(s) <= 120 && Slugify(s) == s
}
