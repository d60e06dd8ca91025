// Package schematron validates OIOUBL documents with the official OIOUBL
// 2.1 schematron stylesheets (release 1.17.2, kept in
// internal/invoice/testdata/oioubl) run by Saxon-HE, for the tests. One
// Saxon run compiles its stylesheet for seconds, so each stylesheet runs
// once over a whole folder of documents.
package schematron

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
)

// SaxonJar is where Debian's libsaxonhe-java puts Saxon-HE.
const SaxonJar = "/usr/share/java/Saxon-HE.jar"

// Stylesheets is the folder of the official stylesheets.
func Stylesheets() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "testdata", "oioubl")
}

// Report is what the schematron said of one document.
type Report struct {
	Fired  int      // rules that applied: a document no rule applied to was not checked
	Failed []string // the failed assertions, "[F-INV133] PayableAmount is … @ location"
}

// Validate checks every .xml file in dir: invoices with the invoice
// stylesheet and credit notes with the credit-note one (told apart by
// their root element), each stylesheet in one Java process. It returns a
// report per file name.
func Validate(dir string) (map[string]Report, error) {
	work, err := os.MkdirTemp("", "schematron")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(work)
	kinds, err := sortByRoot(dir, work)
	if err != nil {
		return nil, err
	}
	out := map[string]Report{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	errs := make([]error, len(kinds))
	i := 0
	for kind := range kinds {
		wg.Add(1)
		go func(i int, kind string) {
			defer wg.Done()
			reps, err := run(filepath.Join(work, kind), filepath.Join(work, kind+"-svrl"), "OIOUBL_"+kind+"_Schematron.xslt")
			mu.Lock()
			defer mu.Unlock()
			errs[i] = err
			for k, v := range reps {
				out[k] = v
			}
		}(i, kind)
		i++
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// sortByRoot copies the documents of dir into work/Invoice and
// work/CreditNote.
func sortByRoot(dir, work string) (map[string]bool, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.xml"))
	if err != nil {
		return nil, err
	}
	kinds := map[string]bool{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		kind := "Invoice"
		if bytes.Contains(b, []byte("<CreditNote")) {
			kind = "CreditNote"
		}
		if err := os.MkdirAll(filepath.Join(work, kind), 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(filepath.Join(work, kind, filepath.Base(f)), b, 0o644); err != nil {
			return nil, err
		}
		kinds[kind] = true
	}
	if len(kinds) == 0 {
		return nil, fmt.Errorf("schematron: no .xml documents in %s", dir)
	}
	return kinds, nil
}

var failedRE = regexp.MustCompile(`(?s)<svrl:failed-assert[^>]*?location="([^"]*)"[^>]*>\s*<svrl:text>(.*?)</svrl:text>`)

// run applies one stylesheet to every document in in, writing the SVRL
// reports to out.
func run(in, out, stylesheet string) (map[string]Report, error) {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return nil, err
	}
	cmd := exec.Command("java", "-cp", SaxonJar, "net.sf.saxon.Transform",
		"-s:"+in, "-xsl:"+filepath.Join(Stylesheets(), stylesheet), "-o:"+out)
	if msg, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("saxon %s: %v: %s", stylesheet, err, msg)
	}
	files, err := filepath.Glob(filepath.Join(in, "*.xml"))
	if err != nil {
		return nil, err
	}
	reps := map[string]Report{}
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join(out, filepath.Base(f)))
		if err != nil {
			return nil, fmt.Errorf("saxon %s wrote no report for %s: %w", stylesheet, filepath.Base(f), err)
		}
		r := Report{Fired: strings.Count(string(b), "<svrl:fired-rule")}
		for _, m := range failedRE.FindAllStringSubmatch(string(b), -1) {
			r.Failed = append(r.Failed, strings.TrimSpace(m[2])+" @ "+m[1])
		}
		reps[filepath.Base(f)] = r
	}
	return reps, nil
}
