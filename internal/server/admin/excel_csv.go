package admin

import (
	"bytes"
	"encoding/csv"
	"net/http"
	"strconv"
	"strings"
)

// writeExcelCSV sends rows as a CSV file made for Danish Excel: UTF-8 with
// a byte-order mark (else Excel reads it as Windows-1252), semicolons (the
// list separator where the decimal mark is a comma) and CRLF. Cells are
// sent as given: make them with spreadsheetSafe, excelText or decimal.
func (a *adminArea) writeExcelCSV(w http.ResponseWriter, r *http.Request, filename string, header []string, rows [][]string) {
	var buf bytes.Buffer
	buf.WriteString("\uFEFF")
	cw := csv.NewWriter(&buf)
	cw.Comma = ';'
	cw.UseCRLF = true
	cw.Write(header)
	cw.WriteAll(rows)
	if err := cw.Error(); err != nil {
		a.ServerError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+filename+`"`)
	w.Write(buf.Bytes())
}

// spreadsheetSafe keeps a typed value from being run as a formula when the
// file is opened (CSV injection): such cells start with a quote.
func spreadsheetSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// excelText keeps a number-like value (EAN, CVR, phone) as the text it is:
// as a plain cell Excel turns 5798000000000 into 5,798E+12 and drops the
// leading zero and + of a phone number. ="…" is a formula whose value is
// that text.
func excelText(s string) string {
	if s == "" {
		return ""
	}
	return `="` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// decimal writes øre as kroner with a decimal comma and no thousands
// separator ("6750,00"), which Danish Excel reads as a number.
func decimal(ore int64) string {
	sign := ""
	if ore < 0 {
		sign, ore = "-", -ore
	}
	return sign + strconv.FormatInt(ore/100, 10) + "," + twoDigits(ore%100)
}

func twoDigits(n int64) string {
	if n < 10 {
		return "0" + strconv.FormatInt(n, 10)
	}
	return strconv.FormatInt(n, 10)
}
