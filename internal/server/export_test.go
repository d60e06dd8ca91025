package server

import "github.com/go-chi/chi/v5"

// AdminRoutes exposes the staff router to the tests of package server_test,
// which walk its routes.
func AdminRoutes(s *Server) chi.Routes { return s.adminRoutes() }
