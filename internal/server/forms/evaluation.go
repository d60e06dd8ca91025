package forms

import (
	"net/url"
	"strconv"

	"kursuskatalog/internal/booking"
	"kursuskatalog/web/views"
)

// DecodeEvaluation reads the evaluation form: the answers as typed (to
// show again), the answer they make, and the messages.
func DecodeEvaluation(v url.Values) (map[string]string, booking.Answer, views.FormErrors) {
	typed := map[string]string{"improve": Clip(v.Get("improve"), 2500)}
	var e views.FormErrors
	ratings := make([]int, len(booking.Questions))
	for i, q := range booking.Questions {
		typed[q.Key] = v.Get(q.Key)
		n, err := strconv.Atoi(typed[q.Key])
		if err != nil || !booking.CheckRating(n) {
			e.Add(q.Key, "Vælg et tal fra 1 til 5: "+q.Label)
		}
		ratings[i] = n
	}
	TooLong(&e, "improve", "Forslaget", typed["improve"], 2000)
	return typed, booking.Answer{Overall: ratings[0], Relevance: ratings[1], Teaching: ratings[2], Improve: typed["improve"]}, e
}
