package store_test

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5"
)

// planReads is what EXPLAIN ANALYZE shows a query did: the rows it read
// from each table (those a filter removed included) and the indexes it used.
type planReads struct {
	rows    map[string]float64
	indexes map[string]bool
}

// explain runs sql under EXPLAIN (ANALYZE) on conn.
func explain(t *testing.T, conn *pgx.Conn, sql string) planReads {
	t.Helper()
	var plan []map[string]any
	if err := conn.QueryRow(context.Background(), `EXPLAIN (ANALYZE, FORMAT JSON) `+sql).Scan(&plan); err != nil {
		t.Fatal(err)
	}
	r := planReads{rows: map[string]float64{}, indexes: map[string]bool{}}
	var walk func(n map[string]any)
	walk = func(n map[string]any) {
		loops, _ := n["Actual Loops"].(float64)
		if rel, ok := n["Relation Name"].(string); ok {
			rows, _ := n["Actual Rows"].(float64)
			removed, _ := n["Rows Removed by Filter"].(float64)
			r.rows[rel] += (rows + removed) * loops
		}
		if ix, ok := n["Index Name"].(string); ok {
			r.indexes[ix] = true
		}
		if kids, ok := n["Plans"].([]any); ok {
			for _, k := range kids {
				walk(k.(map[string]any))
			}
		}
	}
	walk(plan[0]["Plan"].(map[string]any))
	return r
}
