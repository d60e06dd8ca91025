package overview

import (
	"sort"
	"strings"
	"unicode"
)

// The 98 municipalities and their regions (catalog's region slugs). A
// booking names its organisation as typed ("Odense Kommune, Borgerservice",
// "Københavns Kommune"); Municipality finds the municipality in it.
var municipalities = map[string][]string{
	"hovedstaden": {"Albertslund", "Allerød", "Ballerup", "Bornholm", "Brøndby", "Dragør", "Egedal", "Fredensborg",
		"Frederiksberg", "Frederikssund", "Furesø", "Gentofte", "Gladsaxe", "Glostrup", "Gribskov", "Halsnæs",
		"Helsingør", "Herlev", "Hillerød", "Hvidovre", "Høje-Taastrup", "Hørsholm", "Ishøj", "København",
		"Lyngby-Taarbæk", "Rødovre", "Rudersdal", "Tårnby", "Vallensbæk"},
	"sjaelland": {"Faxe", "Greve", "Guldborgsund", "Holbæk", "Kalundborg", "Køge", "Lejre", "Lolland", "Næstved",
		"Odsherred", "Ringsted", "Roskilde", "Slagelse", "Solrød", "Sorø", "Stevns", "Vordingborg"},
	"syddanmark": {"Assens", "Billund", "Esbjerg", "Fanø", "Fredericia", "Faaborg-Midtfyn", "Haderslev", "Kerteminde",
		"Kolding", "Langeland", "Middelfart", "Nordfyn", "Nyborg", "Odense", "Svendborg", "Sønderborg", "Tønder",
		"Varde", "Vejen", "Vejle", "Ærø", "Aabenraa"},
	"midtjylland": {"Favrskov", "Hedensted", "Herning", "Holstebro", "Horsens", "Ikast-Brande", "Lemvig", "Norddjurs",
		"Odder", "Randers", "Ringkøbing-Skjern", "Samsø", "Silkeborg", "Skanderborg", "Skive", "Struer", "Syddjurs",
		"Viborg", "Aarhus"},
	"nordjylland": {"Brønderslev", "Frederikshavn", "Hjørring", "Jammerbugt", "Læsø", "Mariagerfjord", "Morsø",
		"Rebild", "Thisted", "Vesthimmerland", "Aalborg"},
}

type municipality struct{ name, region string }

// byLength lists the municipalities longest name first, so that
// "Lyngby-Taarbæk" is matched before a shorter name inside it.
var byLength = func() []municipality {
	var out []municipality
	for region, names := range municipalities {
		for _, n := range names {
			out = append(out, municipality{n, region})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if len(out[i].name) != len(out[j].name) {
			return len(out[i].name) > len(out[j].name)
		}
		return out[i].name < out[j].name
	})
	return out
}()

// Municipality finds the municipality an organisation names, as a whole
// word ("Københavns Kommune" and "Kommunen i Odense" too), and its region;
// ok is false when it names none (a private company, a region, a state
// agency).
func Municipality(org string) (name, region string, ok bool) {
	words := strings.FieldsFunc(strings.ToLower(org), func(r rune) bool {
		return !unicode.IsLetter(r) && r != '-'
	})
	text := " " + strings.Join(words, " ") + " "
	for _, m := range byLength {
		n := strings.ToLower(m.name)
		// The genitive of the capital is the usual form: "Københavns Kommune".
		if strings.Contains(text, " "+n+" ") || strings.Contains(text, " "+n+"s kommune ") {
			return m.name, m.region, true
		}
	}
	return "", "", false
}
