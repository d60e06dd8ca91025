package mail

import (
	"time"

	"kursuskatalog/internal/catalog"
)

// LoginLinkMail is the one-time link that lets a staff member's browser
// past the throttle of an account that others are trying to guess. The
// password is still needed: the link alone opens nothing.
func LoginLinkMail(to, name, url string, expires time.Time) Message {
	greeting := "Hej"
	if name != "" {
		greeting = "Kære " + name
	}
	body := doc{
		Greeting: greeting,
		Intro: []string{
			"Der har været mange forkerte forsøg på at logge ind på din konto i COK's kursusadministration, " +
				"og du (eller en anden) har bedt om et link, så din browser kan logge ind alligevel.",
			"Åbn linket i den browser, du vil logge ind fra. Derefter logger du ind med din adgangskode som altid. " +
				"Linket virker én gang og kun indtil " + catalog.FormatDateTime(expires) + ".",
		},
		Link: &link{Text: "Genkend min browser", URL: url},
		Outro: []string{"Har du ikke selv bedt om linket, kan du se bort fra denne mail: uden din adgangskode " +
			"kommer ingen ind. Fortæl gerne en administrator om forsøgene."},
	}
	return render("login_link", to, name, "Link til at logge ind på COK's kursusadministration", body)
}
