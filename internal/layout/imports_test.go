package layout

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

const module = "kursuskatalog/"

// rules says, for each package (and the packages under it, for a path
// ending in "/..."), which imports it must not have: a path, or a prefix
// ending in "/...".
var rules = []struct {
	pkg    string
	forbid []string
	why    string
}{
	{"internal/catalog", []string{"kursuskatalog/..."}, "catalogue rules are pure"},
	{"internal/booking", []string{"kursuskatalog/...", "!kursuskatalog/internal/catalog"}, "enrolment rules are pure"},
	{"internal/privacy", []string{"kursuskatalog/..."}, "retention rules are pure"},
	{"internal/overview", []string{"kursuskatalog/...", "!kursuskatalog/internal/catalog", "!kursuskatalog/internal/booking"},
		"the staff overview's rules and figures are pure"},
	{"internal/audit", []string{"kursuskatalog/..."}, "what the audit log records is plain values"},
	{"internal/chart", []string{"kursuskatalog/..."}, "charts draw the values they are given"},
	{"internal/sheet", []string{"kursuskatalog/..."}, "a sheet writes the cells it is given"},
	{"internal/store", []string{"kursuskatalog/internal/mail",
		"kursuskatalog/internal/jobs", "kursuskatalog/internal/enrolment", "kursuskatalog/internal/server/..."},
		"the store reads and writes rows; it composes no mail and decides nothing"},
	{"internal/store", []string{"kursuskatalog/internal/fulltext/..."},
		"Postgres is the search engine: no search re-implemented in Go beside it"},
	{"internal/server/...", []string{"github.com/jackc/pgx/...", "kursuskatalog/internal/mail", "kursuskatalog/internal/jobs"},
		"handlers parse, call and render: transactions, mails and jobs are the enrolment service's"},
	{"internal/enrolment", []string{"kursuskatalog/internal/server/..."}, "use cases know nothing of HTTP"},
	{"internal/jobs", []string{"kursuskatalog/internal/enrolment", "kursuskatalog/internal/server/..."},
		"jobs call use cases through interfaces"},
	{"internal/mail", []string{"kursuskatalog/internal/store", "kursuskatalog/internal/jobs",
		"kursuskatalog/internal/enrolment", "kursuskatalog/internal/server/..."}, "mails are composed from plain values"},
	{"internal/invoice", []string{"kursuskatalog/internal/store", "kursuskatalog/internal/jobs", "kursuskatalog/internal/mail",
		"kursuskatalog/internal/enrolment", "kursuskatalog/internal/server/..."},
		"documents are made from plain values; the enrolment service stores and sends them"},
	{"web/views", []string{"kursuskatalog/internal/store", "kursuskatalog/internal/enrolment",
		"kursuskatalog/internal/jobs", "kursuskatalog/internal/mail", "kursuskatalog/internal/server/..."},
		"components render the values they are given"},
}

// imports lists the imports of the non-test Go files of each package
// directory under root, by directory relative to root.
func imports(t *testing.T, root string) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && strings.HasPrefix(d.Name(), ".") && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		dir, _ := filepath.Rel(root, filepath.Dir(path))
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if !slices.Contains(out[dir], p) {
				out[dir] = append(out[dir], p)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// matches says whether path is pattern or, for a pattern ending in "/...",
// under it.
func matches(pattern, path string) bool {
	if prefix, ok := strings.CutSuffix(pattern, "/..."); ok {
		return path == prefix || strings.HasPrefix(path, prefix+"/")
	}
	return path == pattern
}

func TestImportsPointOneWay(t *testing.T) {
	all := imports(t, filepath.Join("..", ".."))
	checked := 0
	for _, rule := range rules {
		for dir, imps := range all {
			if !matches(rule.pkg, filepath.ToSlash(dir)) {
				continue
			}
			checked++
			for _, imp := range imps {
				// Rules apply in order: "!path" allows what an earlier
				// prefix forbade.
				forbidden := false
				for _, f := range rule.forbid {
					if allowed, ok := strings.CutPrefix(f, "!"); ok {
						forbidden = forbidden && imp != allowed
					} else if matches(f, imp) {
						forbidden = true
					}
				}
				if forbidden {
					t.Errorf("%s imports %s: %s", dir, imp, rule.why)
				}
			}
		}
	}
	if checked < len(rules) {
		t.Fatalf("only %d packages matched the %d rules: a package was moved or renamed", checked, len(rules))
	}
}

// The test must be able to fail: a package importing what it must not is
// caught.
func TestImportRulesCatchAWrongArrow(t *testing.T) {
	for _, c := range []struct {
		pattern, path string
		want          bool
	}{
		{"github.com/jackc/pgx/...", "github.com/jackc/pgx/v5", true},
		{"github.com/jackc/pgx/...", "github.com/jackc/pgx/v5/pgconn", true},
		{"kursuskatalog/internal/server/...", "kursuskatalog/internal/server/admin", true},
		{"kursuskatalog/internal/mail", "kursuskatalog/internal/mailx", false},
		{"kursuskatalog/...", "net/http", false},
	} {
		if got := matches(c.pattern, c.path); got != c.want {
			t.Errorf("matches(%q, %q) = %v, want %v", c.pattern, c.path, got, c.want)
		}
	}
}
