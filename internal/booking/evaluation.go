package booking

import (
	"slices"
	"strconv"
	"strings"
)

// Answer is one anonymous evaluation: three ratings from 1 to 5 and what
// to improve.
type Answer struct {
	Overall, Relevance, Teaching int
	Improve                      string
}

// Question is a rating question of the evaluation, with the words for
// its ends.
type Question struct {
	Key, Label, Low, High string
}

// Questions are the evaluation's ratings, in the order of the form.
var Questions = []Question{
	{"overall", "Hvor tilfreds er du samlet set med kurset?", "Meget utilfreds", "Meget tilfreds"},
	{"relevance", "Hvor relevant er kurset for dit arbejde?", "Slet ikke relevant", "Meget relevant"},
	{"teaching", "Hvordan vurderer du undervisningen?", "Meget dårlig", "Meget god"},
}

// CheckRating says whether a rating is one of 1 to 5.
func CheckRating(n int) bool { return n >= 1 && n <= 5 }

// EvaluationMinAnswers is the fewest answers whose results staff see:
// with one or two, an answer could be told from who answered.
const EvaluationMinAnswers = 3

// Score is how one question was answered: how many gave each rating.
type Score struct {
	Counts [5]int // Counts[0] gave 1, … Counts[4] gave 5
}

// N is the number of ratings.
func (s Score) N() int {
	n := 0
	for _, c := range s.Counts {
		n += c
	}
	return n
}

// Mean is the average rating, "4,3" with one decimal as Danes write it;
// "–" when nobody rated.
func (s Score) Mean() string {
	n, sum := 0, 0
	for i, c := range s.Counts {
		n += c
		sum += c * (i + 1)
	}
	if n == 0 {
		return "–"
	}
	tenths := (sum*10 + n/2) / n // rounded half up
	return strconv.Itoa(tenths/10) + "," + strconv.Itoa(tenths%10)
}

// Summary is the result of a date's (or a course's) evaluation.
type Summary struct {
	N       int
	Scores  []Score  // one per Questions, in order
	Improve []string // the texts, sorted so their order tells nothing
}

// Shown says whether staff may see the results: EvaluationMinAnswers or
// more answers.
func (s Summary) Shown() bool { return s.N >= EvaluationMinAnswers }

// Summarize counts the answers.
func Summarize(answers []Answer) Summary {
	s := Summary{N: len(answers), Scores: make([]Score, len(Questions))}
	for _, a := range answers {
		for q, v := range []int{a.Overall, a.Relevance, a.Teaching} {
			if CheckRating(v) {
				s.Scores[q].Counts[v-1]++
			}
		}
		if t := strings.TrimSpace(a.Improve); t != "" {
			s.Improve = append(s.Improve, t)
		}
	}
	slices.SortFunc(s.Improve, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) })
	return s
}

// StayRow is one confirmed participant on a venue's rooming and diet
// list. Stay is nil when they have not said (a course made residential
// after they booked).
type StayRow struct {
	Name, OrgName       string
	Stay                *Stay
	Diet, Accessibility string
}

// AllergenCount is how many on a list have one allergen.
type AllergenCount struct {
	Allergen
	N int
}

// StayTotals sum up a rooming list for the venue.
type StayTotals struct {
	People, Overnight, EarlyArrival, NotSaid int
	Allergens                                []AllergenCount // those someone has, in the regulation's order
	SpecialDiet                              int             // with an allergen or a diet text
}

// TotalStays counts rooms and diets.
func TotalStays(rows []StayRow) StayTotals {
	t := StayTotals{People: len(rows)}
	counts := map[string]int{}
	for _, r := range rows {
		if r.Stay == nil {
			t.NotSaid++
		} else {
			if r.Stay.Overnight {
				t.Overnight++
			}
			if r.Stay.EarlyArrival {
				t.EarlyArrival++
			}
			for _, a := range r.Stay.Allergens {
				counts[a]++
			}
		}
		if strings.TrimSpace(r.Diet) != "" || (r.Stay != nil && len(r.Stay.Allergens) > 0) {
			t.SpecialDiet++
		}
	}
	for _, a := range Allergens {
		if counts[a.Code] > 0 {
			t.Allergens = append(t.Allergens, AllergenCount{a, counts[a.Code]})
		}
	}
	return t
}
