package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode"

	"github.com/alexedwards/argon2id"
	"golang.org/x/term"

	"kursuskatalog/internal/auth"
	"kursuskatalog/internal/config"
	"kursuskatalog/internal/store"
)

// runUser handles "user add": it creates a staff user. The password comes
// from standard input when that is not a terminal (scripts, make run),
// otherwise it is asked for twice without echo.
func runUser(ctx context.Context, cfg config.Config, args []string, stdin io.Reader, stdout, stderr io.Writer, params *argon2id.Params) error {
	if len(args) == 0 || args[0] != "add" {
		return errors.New("user: say add -email E -role admin|redaktør [-name N] [-if-missing]")
	}
	fs := flag.NewFlagSet("user add", flag.ContinueOnError)
	fs.SetOutput(stderr)
	email := fs.String("email", "", "the staff member's e-mail (the login)")
	role := fs.String("role", "", "admin or redaktør")
	name := fs.String("name", "", "the staff member's name")
	ifMissing := fs.Bool("if-missing", false, "do nothing when the user exists (for scripts)")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	*email = strings.TrimSpace(*email)
	if strings.ContainsFunc(*email+*name, unicode.IsControl) {
		return errors.New("user add: -email og -name må ikke indeholde linjeskift eller andre kontroltegn")
	}
	if !strings.Contains(*email, "@") {
		return errors.New("user add: -email must be an e-mail address")
	}
	if !auth.ValidRole(*role) {
		return fmt.Errorf("user add: -role must be %s or %s, got %q", auth.RoleAdmin, auth.RoleEditor, *role)
	}
	st, err := store.Open(ctx, cfg.DatabaseURL, 2)
	if err != nil {
		return err
	}
	defer st.Close()
	if *ifMissing {
		if _, err := st.StaffUserByEmail(ctx, *email); err == nil {
			fmt.Fprintf(stdout, "staff user %s exists; left unchanged\n", *email)
			return nil
		} else if !errors.Is(err, store.ErrNotFound) {
			return err
		}
	}
	pw, err := readPassword(stdin, stderr)
	if err != nil {
		return err
	}
	if msg := auth.WeakPassword(pw, *email, *name); msg != "" {
		return fmt.Errorf("user add: %s", msg)
	}
	hash, err := auth.HashPassword(pw, params)
	if err != nil {
		return fmt.Errorf("user add: %w", err)
	}
	u, err := st.CreateStaffUser(ctx, store.StaffUser{Email: *email, Name: strings.TrimSpace(*name), Role: *role, PasswordHash: hash})
	if errors.Is(err, store.ErrStaffExists) {
		return fmt.Errorf("user add: a staff user with e-mail %s exists", *email)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "staff user %s (%s) created with id %d\n", u.Email, u.Role, u.ID)
	return nil
}

func readPassword(stdin io.Reader, stderr io.Writer) (string, error) {
	if f, ok := stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		fmt.Fprint(stderr, "Adgangskode: ")
		a, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(stderr)
		if err != nil {
			return "", err
		}
		fmt.Fprint(stderr, "Gentag adgangskode: ")
		b, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(stderr)
		if err != nil {
			return "", err
		}
		if string(a) != string(b) {
			return "", errors.New("user add: the two passwords differ")
		}
		return string(a), nil
	}
	if stdin == nil {
		return "", errors.New("user add: no password on standard input")
	}
	// The first line; a password may contain spaces but not a line break.
	line, err := bufio.NewReader(stdin).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", err
	}
	return strings.TrimRight(line, "\r\n"), nil
}
