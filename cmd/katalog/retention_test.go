package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"kursuskatalog/internal/testdb"
)

// `katalog retention` prints every rule with its rows; a dry run says so
// and changes nothing; a bad -asof is named.
func TestRetentionCommand(t *testing.T) {
	s, url := testdb.Store(t)
	st := s.Pool
	env := envOf(map[string]string{"DATABASE_URL": url})
	ctx := context.Background()
	if _, err := st.Exec(ctx, `INSERT INTO inquiries (kind, name, email, message, client_addr, created_at)
		VALUES ('contact', 'Bo', 'bo@odense.dk', 'Hej', '10.9.8.7', '2027-01-01')`); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := run(ctx, []string{"retention", "-asof", "2027-01-10", "-dry-run"}, env, nil, &out, &out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"dry run, nothing changed", "ip-adresser", "1 rows", "behov", "personer", "bogfoering", "handlingslog"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("dry run output lacks %q:\n%s", want, out.String())
		}
	}
	addr := func() (a string) {
		st.QueryRow(ctx, `SELECT client_addr FROM inquiries`).Scan(&a)
		return
	}
	if addr() != "10.9.8.7" {
		t.Fatal("a dry run deleted the address")
	}
	out.Reset()
	if err := run(ctx, []string{"retention", "-asof", "2027-01-10T00:00:00+01:00"}, env, nil, &out, &out); err != nil || addr() != "" {
		t.Fatalf("applied: %v, address %q\n%s", err, addr(), out.String())
	}
	if err := run(ctx, []string{"retention", "-asof", "i morgen"}, env, nil, &out, &out); err == nil || !strings.Contains(err.Error(), "-asof") {
		t.Errorf("a bad -asof: %v", err)
	}
}
