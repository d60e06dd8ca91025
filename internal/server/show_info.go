package server

import (
	"net/http"

	"kursuskatalog/web/views"
)

// showPrivacy states what the site stores about visitors and for how long.
func (s *Server) showPrivacy(w http.ResponseWriter, r *http.Request) {
	p := s.page(r, "Privatliv og cookies", "Hvad COK Kursuskatalog gemmer om dig, og hvor længe.")
	s.Render(w, r, http.StatusOK, views.Message(views.MessageProps{Page: p, Heading: "Privatliv og cookies", Text: []string{
		"Favoritter: Når du gemmer et kursus som favorit, sætter vi to cookies: “besoegende” med et tilfældigt nummer, så vi kan genkende din browser, og “favoritter” med numrene på de kurser og forløb, du har gemt, så siderne kan vise dem. Cookierne gælder i et år og bruges ikke til andet. Vi gemmer kun en kryptografisk hash af nummeret sammen med dine favoritter.",
		"Har vi ikke set din browser i 13 måneder, sletter vi dine favoritter automatisk.",
		"Tilmeldinger: Vi gemmer de oplysninger, du skriver i tilmeldingen (navne, e-mail, telefon, organisation og fakturaoplysninger), for at kunne afholde kurset og fakturere. Linket til din tilmelding gemmes kun som en hash.",
		"Henvendelser: Spørgsmål og ønsker, du sender os, gemmes, så en konsulent kan svare dig. Vi gemmer også den adresse, henvendelsen kom fra, for at kunne begrænse spam.",
		"Du kan altid bede om indsigt i eller sletning af dine oplysninger på kurser@cok.dk.",
	}, LinkText: "Tilbage til kurserne", LinkURL: "/kurser"}))
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
