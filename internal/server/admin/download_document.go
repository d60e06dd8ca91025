package admin

import (
	"errors"
	"net/http"

	"github.com/go-chi/chi/v5"

	"kursuskatalog/internal/store"
)

// downloadDocument sends a document's PDF, or the OIOUBL XML of one
// issued to an EAN, exactly as issued.
func (a *adminArea) downloadDocument(w http.ResponseWriter, r *http.Request) {
	id, ok := idParam(r)
	format := chi.URLParam(r, "format")
	if !ok || (format != "pdf" && format != "xml") {
		a.notFound(w, r)
		return
	}
	f, err := a.store.DocumentFile(r.Context(), id, format == "xml", nil)
	if errors.Is(err, store.ErrNotFound) {
		a.notFound(w, r)
		return
	} else if err != nil {
		a.ServerError(w, r, err)
		return
	}
	sendDocument(w, f, format)
}

// sendDocument writes a document's file as a download.
func sendDocument(w http.ResponseWriter, f store.DocumentFile, format string) {
	name := "faktura-" + f.Number + "." + format
	if f.Kind == "credit_note" {
		name = "kreditnota-" + f.Number + "." + format
	}
	w.Header().Set("Content-Type", map[string]string{"pdf": "application/pdf", "xml": "application/xml"}[format])
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	w.Write(f.Data)
}
