package admin

import "github.com/go-chi/chi/v5"

// aftercareRoutes are a date's attendance, its rooming and diet list, and
// the evaluation's results per date and per course.
func (a *adminArea) aftercareRoutes(r chi.Router) {
	r.Get("/datoer/{id}/fremmoede", a.showAttendance)
	r.Post("/datoer/{id}/fremmoede", a.markAttendance)
	r.Get("/datoer/{id}/ophold", a.showRooming)
	r.Get("/datoer/{id}/ophold.csv", a.exportRooming)
	r.Get("/datoer/{id}/evaluering", a.showDateEvaluation)
	r.Get("/datoer/{id}/evaluering.csv", a.exportDateEvaluation)
	r.Get("/kurser/{id}/evaluering", a.showCourseEvaluation)
	r.Get("/kurser/{id}/evaluering.csv", a.exportCourseEvaluation)
}
