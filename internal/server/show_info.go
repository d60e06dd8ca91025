package server

import (
	"net/http"

	"kursuskatalog/internal/privacy"
	"kursuskatalog/web/views"
)

// showPrivacy is the privacy page, made from the retention table and the
// list of cookies in package privacy: what it says is what the site does.
func (s *Server) showPrivacy(w http.ResponseWriter, r *http.Request) {
	p := s.page(r, "Privatliv og cookies", "Hvilke personoplysninger COK Kursuskatalog gemmer, hvorfor, og hvornår de slettes.")
	s.Render(w, r, http.StatusOK, views.Privacy(views.PrivacyProps{Page: p, Rules: privacy.Rules, Cookies: privacy.Cookies}))
}

// showAccessibility is the accessibility statement.
func (s *Server) showAccessibility(w http.ResponseWriter, r *http.Request) {
	p := s.page(r, "Tilgængelighedserklæring", "COK Kursuskatalogs tilgængelighedserklæring.")
	s.Render(w, r, http.StatusOK, views.Message(views.MessageProps{Page: p, Heading: "Tilgængelighedserklæring", Text: []string{
		"COK Kursuskatalog skal kunne bruges af alle. Siderne er bygget efter WCAG 2.1 niveau AA, som er kravet i webtilgængelighedsloven.",
		"Alle sider virker uden JavaScript, med tastatur alene, på skærme ned til 320 pixel i bredden og ved 200 % forstørrelse. Formularer har labels, fejl vises i en oversigt med links til felterne, og alt tekst kan læses af skærmlæsere.",
		"Siderne testes automatisk med axe-core i en rigtig browser, hver gang koden ændres.",
		"Oplever du problemer med tilgængeligheden, så skriv til kurser@cok.dk eller ring på +45 33 70 12 00. Du kan også klage til Digitaliseringsstyrelsen.",
	}, LinkText: "Kontakt os", LinkURL: "/kontakt"}))
}
