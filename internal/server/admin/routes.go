// Package admin is the staff area under /admin: log in, follow and change
// enrolments, edit the catalogue. Its handlers parse, call the enrolment
// service or the store, and render.
package admin

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/alexedwards/scs/pgxstore"
	"github.com/alexedwards/scs/v2"
	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"

	"kursuskatalog/internal/auth"
	"kursuskatalog/internal/enrolment"
	"kursuskatalog/internal/server/forms"
	"kursuskatalog/internal/server/respond"
	"kursuskatalog/internal/store"
	"kursuskatalog/web/static"
	"kursuskatalog/web/views"
)

// Deps is what the staff area needs.
type Deps struct {
	Store     *store.Store
	Enrolment *enrolment.Service
	Logger    *slog.Logger
	Assets    *static.Assets
	BaseURL   *url.URL
	// Hasher checks passwords, a few at a time; nil: auth.DefaultHasher.
	Hasher *auth.Hasher
}

// adminArea is the staff area: its dependencies and the staff sessions.
type adminArea struct {
	*respond.Responder
	store    *store.Store
	enrol    *enrolment.Service
	baseURL  *url.URL
	now      func() time.Time
	sessions *scs.SessionManager
	hasher   *auth.Hasher

	dummyOnce sync.Once
	dummyHash string // checked when no account matches, so a miss takes as long as a wrong password

	keyMu  sync.Mutex
	devKey []byte // signs device cookies (device.go)
}

const sessionStaffID = "staff_id"

type staffKey struct{}

// New builds the /admin router. Only the login page is open; every other
// route passes requireStaff.
func New(d Deps) chi.Router {
	sm := scs.New()
	// Expired rows are deleted by the daily clean-up job, not by a sweeper
	// goroutine per server process.
	sm.Store = pgxstore.NewWithCleanupInterval(d.Store.Pool, 0)
	sm.IdleTimeout = 8 * time.Hour
	sm.Lifetime = 24 * time.Hour
	sm.Cookie.Name = "cok_admin"
	sm.Cookie.Path = "/admin"
	sm.Cookie.HttpOnly = true
	sm.Cookie.SameSite = http.SameSiteLaxMode
	sm.Cookie.Secure = d.BaseURL != nil && d.BaseURL.Scheme == "https"
	if d.Hasher == nil {
		d.Hasher = auth.DefaultHasher()
	}
	a := &adminArea{Responder: &respond.Responder{Log: d.Logger, Assets: d.Assets}, store: d.Store, enrol: d.Enrolment,
		baseURL: d.BaseURL, now: d.Enrolment.Now, sessions: sm, hasher: d.Hasher}
	sm.ErrorFunc = a.ServerError
	return a.routes()
}

func (a *adminArea) routes() chi.Router {
	r := chi.NewRouter()
	r.Use(middleware.GetHead, noStore, forms.LimitFormsAndUploads(forms.LargeBody), a.sessions.LoadAndSave)
	r.NotFound(a.notFound)
	small := forms.LimitBody(forms.SmallBody)
	r.Get("/login", a.showLogin)
	r.With(small).Post("/login", a.login)
	r.With(small).Post("/login/link", a.sendLoginLink)
	r.Get("/login/link/{token}", a.showLoginLink)
	r.With(small).Post("/login/link/{token}", a.useLoginLink)
	r.Group(func(r chi.Router) {
		r.Use(a.requireStaff)
		r.Post("/log-ud", a.logout)
		// Both roles: the overview, enrolments and the booking search,
		// inquiries and their answers, mails, invoicing and statistics.
		a.enrolmentRoutes(r)
		// A date's attendance, rooming list and evaluations: both roles.
		a.aftercareRoutes(r)
		// Administrators only: the catalogue (courses, their dates,
		// venues, consultants, topics, offers, programmes), staff users
		// and the audit log.
		r.Group(func(r chi.Router) {
			r.Use(a.requireRole(auth.RoleAdmin))
			a.catalogueRoutes(r)
			a.editorRoutes(r)
			r.Get("/brugere", a.listStaffUsers)
			r.Get("/brugere/ny", a.newStaffUser)
			r.Post("/brugere/ny", a.createStaffUser)
			r.Get("/brugere/{id}", a.editStaffUser)
			r.Post("/brugere/{id}", a.saveStaffUser)
			r.Get("/log", a.showAuditLog)
		})
	})
	return r
}

// enrolmentRoutes are the dates, participants, bookings, invoicing, inquiries
// and mails.
func (a *adminArea) enrolmentRoutes(r chi.Router) {
	r.Get("/", a.showDashboard)
	r.Get("/datoer/{id}", a.showAdminDate)
	r.Get("/datoer/{id}/deltagere.csv", a.exportParticipants)
	r.Get("/datoer/{id}/udskrift", a.printParticipants)
	r.Get("/datoer/{id}/tilmelding", a.showPhoneBooking)
	r.Post("/datoer/{id}/tilmelding", a.savePhoneBooking)
	r.Post("/deltagere/{id}/afmeld", a.cancelParticipant)
	r.Post("/deltagere/{id}/optag", a.promoteParticipant)
	r.Post("/deltagere/{id}/stedfortraeder", a.substituteParticipant)
	r.Post("/deltagere/{id}/flyt", a.moveParticipant)
	r.Get("/soeg", a.searchBookings)
	r.Get("/fakturering", a.showInvoicing)
	r.Post("/fakturering/tilmeldinger/{id}/udsted", a.issueInvoiceNow)
	r.Get("/fakturering/{id}", a.showInvoiceDocument)
	r.Post("/fakturering/{id}/krediter", a.creditInvoice)
	r.Get("/fakturering/{id}/{format}", a.downloadDocument)
	r.Get("/henvendelser", a.listInquiries)
	r.Get("/henvendelser/{id}", a.showInquiry)
	r.Post("/henvendelser/{id}", a.saveInquiry)
	r.Post("/henvendelser/{id}/svar", a.replyToInquiry)
	r.Get("/statistik", a.showStatistics)
	r.Get("/statistik/{figur}", a.exportStatistic)
	r.Get("/mails", a.listMails)
	r.Get("/mails/{id}", a.showMail)
	// A person's request for erasure: those who handle enrolments and
	// inquiries handle it.
	r.Get("/personer", a.showPerson)
	r.Post("/personer/slet", a.erasePerson)
}

// catalogueRoutes are the courses and their dates.
func (a *adminArea) catalogueRoutes(r chi.Router) {
	r.Get("/kurser", a.listAdminCourses)
	r.Get("/kurser/ny", a.newCourse)
	r.Post("/kurser/ny", a.createCourse)
	r.Get("/kurser/{id}", a.editCourse)
	r.Post("/kurser/{id}", a.saveCourse)
	r.Get("/kurser/{id}/forhaandsvisning", a.previewCourse)
	r.Get("/kurser/{id}/billede", a.showAdminCourseImage)
	r.Post("/kurser/{id}/billede", a.saveAdminCourseImage)
	r.Post("/kurser/{id}/billede/slet", a.deleteAdminCourseImage)
	r.Post("/kurser/{id}/status", a.publishCourse)
	r.Post("/kurser/{id}/slet", a.deleteCourse)
	r.Get("/kurser/{id}/datoer/ny", a.newCourseDate)
	r.Post("/kurser/{id}/datoer/ny", a.createCourseDate)
	r.Get("/datoer/{id}/rediger", a.editCourseDate)
	r.Post("/datoer/{id}/rediger", a.saveCourseDate)
	r.Post("/datoer/{id}/aflys", a.cancelCourseDate)
}

// editorRoutes are the editors of venues, consultants, topics, bundle
// offers and programmes: list, new, edit and delete each.
func (a *adminArea) editorRoutes(r chi.Router) {
	type editor struct {
		path                               string
		list, new, create, edit, save, del http.HandlerFunc
	}
	for _, e := range []editor{
		{"/steder", a.listVenues, a.newVenue, a.createVenue, a.editVenue, a.saveVenue, a.deleteVenue},
		{"/konsulenter", a.listConsultants, a.newConsultant, a.createConsultant, a.editConsultant, a.saveConsultant, a.deleteConsultant},
		{"/emner", a.listTopics, a.newTopic, a.createTopic, a.editTopic, a.saveTopic, a.deleteTopic},
		{"/pakker", a.listBundles, a.newBundle, a.createBundle, a.editBundle, a.saveBundle, a.deleteBundle},
		{"/forloeb", a.listProgrammes, a.newProgramme, a.createProgramme, a.editProgramme, a.saveProgramme, a.deleteProgramme},
	} {
		r.Get(e.path, e.list)
		r.Get(e.path+"/ny", e.new)
		r.Post(e.path+"/ny", e.create)
		r.Get(e.path+"/{id}", e.edit)
		r.Post(e.path+"/{id}", e.save)
		r.Post(e.path+"/{id}/slet", e.del)
	}
}

// noStore keeps staff pages (participants' names, invoice data) out of
// every cache, the browser's back-forward cache included.
func noStore(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		next.ServeHTTP(w, r)
	})
}

// requireStaff lets a request through only with the session of an active
// staff user, whom it puts in the context; others go to the login page.
func (a *adminArea) requireStaff(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := a.sessions.GetInt64(r.Context(), sessionStaffID)
		if id == 0 {
			a.toLogin(w, r)
			return
		}
		u, err := a.store.StaffUserByID(r.Context(), id)
		if errors.Is(err, store.ErrNotFound) || (err == nil && u.Disabled) {
			a.sessions.Remove(r.Context(), sessionStaffID)
			a.toLogin(w, r)
			return
		}
		if err != nil {
			a.ServerError(w, r, err)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), staffKey{}, u)))
	})
}

func (a *adminArea) toLogin(w http.ResponseWriter, r *http.Request) {
	target := "/admin/login"
	if r.Method == http.MethodGet && r.URL.Path != "/admin" && r.URL.Path != "/admin/" {
		target += "?tilbage=" + url.QueryEscape(r.URL.RequestURI())
	}
	http.Redirect(w, r, target, http.StatusSeeOther)
}

// requireRole refuses staff without role with a 403 page.
func (a *adminArea) requireRole(role string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if staffOf(r).Role != role {
				p := a.adminPage(r, "Ingen adgang")
				a.Render(w, r, http.StatusForbidden, views.AdminMessage(p, "Ingen adgang",
					"Siden kræver rollen administrator. Spørg en administrator, hvis du har brug for den."))
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

// staffOf is the logged-in staff user (zero outside requireStaff).
func staffOf(r *http.Request) store.StaffUser {
	u, _ := r.Context().Value(staffKey{}).(store.StaffUser)
	return u
}

// adminPage is the layout's props for a staff page.
func (a *adminArea) adminPage(r *http.Request, title string) views.AdminPage {
	u := staffOf(r)
	name := u.Name
	if name == "" {
		name = u.Email
	}
	return views.AdminPage{
		Title: title, Path: r.URL.Path,
		StaffName: name, IsAdmin: u.Role == auth.RoleAdmin,
		Flash: a.sessions.PopString(r.Context(), "besked"),
		CSS:   a.Assets.URL("css/site.css"), Icon: a.Assets.URL("favicon.svg"),
	}
}

// flash shows msg on the next staff page (after a redirect).
func (a *adminArea) flash(r *http.Request, msg string) { a.sessions.Put(r.Context(), "besked", msg) }

func (a *adminArea) notFound(w http.ResponseWriter, r *http.Request) {
	p := a.adminPage(r, "Siden findes ikke")
	a.Render(w, r, http.StatusNotFound, views.AdminMessage(p, "Siden findes ikke", "Siden eller rækken findes ikke (længere)."))
}

// safeReturn accepts only paths inside the staff area as a place to return to.
func adminReturn(p string) string {
	if strings.HasPrefix(p, "/admin/") && !strings.HasPrefix(p, "//") && !strings.Contains(p, "\\") && !strings.HasPrefix(p, "/admin/login") {
		return p
	}
	return "/admin"
}

// postedID is the {id} of a posted staff form, its form parsed; when
// either fails the answer is sent (404, 413 or 400) and ok is false.
func (a *adminArea) postedID(w http.ResponseWriter, r *http.Request) (int64, bool) {
	id, ok := idParam(r)
	if !ok {
		a.notFound(w, r)
		return 0, false
	}
	return id, respond.ParseForm(w, r)
}

// idParam is the {id} of a staff URL; ok is false when it is no id.
func idParam(r *http.Request) (int64, bool) {
	id, err := strconv.ParseInt(chi.URLParam(r, "id"), 10, 64)
	return id, err == nil && id > 0
}
