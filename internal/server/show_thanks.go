package server

import (
	"net/http"

	"kursuskatalog/internal/server/forms"
	"kursuskatalog/web/views"
)

// showThanks follows a sent inquiry.
func (s *Server) showThanks(w http.ResponseWriter, r *http.Request) {
	who := forms.Clip(r.URL.Query().Get("til"), 100)
	if who == "" {
		who = "En konsulent"
	}
	p := s.page(r, "Tak for din henvendelse", "")
	p.NoIndex = true
	s.Render(w, r, http.StatusOK, views.Message(views.MessageProps{Page: p, Heading: "Tak for din henvendelse",
		Text: []string{
			who + " har fået din henvendelse og svarer dig normalt inden for to arbejdsdage.",
			"Vi har sendt en kvittering til din e-mail med det, du skrev.",
		}, LinkText: "Tilbage til kurserne", LinkURL: "/kurser"}))
}
