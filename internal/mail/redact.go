package mail

import (
	"regexp"
	"strconv"
	"strings"
)

// tokenLink finds the token of every link that opens something by itself:
// the booker's manage link, a participant's page, a waiting-list offer and
// a staff login link. Tokens are 43 characters of base64url (256 bits).
var tokenLink = regexp.MustCompile(`(/(?:min-tilmelding|min-plads|tilbud|admin/login/link)/)([A-Za-z0-9_-]{43})`)

// placeholder stands for the n'th token (from 1) in a stored mail; '~' is
// not a base64url character, so no token looks like one.
func placeholder(n int) string { return "~skjult-" + strconv.Itoa(n) + "~" }

// Redact takes the working tokens out of a mail's texts, so that the
// stored mail opens nothing: each becomes a placeholder, and the tokens
// are returned in order (the same token, in the text and the HTML, once).
// Restore puts them back when the mail is sent.
func Redact(texts ...*string) (tokens []string) {
	index := map[string]int{}
	for _, t := range texts {
		*t = tokenLink.ReplaceAllStringFunc(*t, func(m string) string {
			sub := tokenLink.FindStringSubmatch(m)
			n, ok := index[sub[2]]
			if !ok {
				tokens = append(tokens, sub[2])
				n = len(tokens)
				index[sub[2]] = n
			}
			return sub[1] + placeholder(n)
		})
	}
	return tokens
}

// Restore puts tokens back in place of their placeholders. A placeholder
// whose token is gone (the mail was sent, or its link expired) stays.
func Restore(text string, tokens []string) string {
	if len(tokens) == 0 || !strings.Contains(text, "~skjult-") {
		return text
	}
	pairs := make([]string, 0, 2*len(tokens))
	for i := len(tokens); i >= 1; i-- { // ~skjult-10~ before ~skjult-1~ (they differ anyway by the closing ~)
		pairs = append(pairs, placeholder(i), tokens[i-1])
	}
	return strings.NewReplacer(pairs...).Replace(text)
}
