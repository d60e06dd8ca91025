package store_test

import (
	"context"
	"strings"
	"testing"

	"kursuskatalog/internal/store"
	"kursuskatalog/internal/testdb"
)

// A statement prepared while its table is small: on the web's pool its
// generic plan stays a sequential scan after the table has grown (until an
// ANALYZE). River's pool plans it anew and the workers' pool never plans a
// sequential scan, so both use the index. River's jobs and the outgoing
// mails grow like that in a rush of bookings.
func TestWorkerPoolsPlanForTheTableAsItGrows(t *testing.T) {
	web, url := testdb.Store(t)
	ctx := context.Background()
	work, err := web.OpenForJobs(ctx, url, 2)
	if err != nil {
		t.Fatal(err)
	}
	defer work.Close()
	qpool, err := store.OpenForQueue(ctx, url, 2)
	if err != nil {
		t.Fatal(err)
	}
	defer qpool.Close()
	queue := &store.Store{Pool: qpool}
	// plan prepares a query on a new three-row table, grows the table to
	// 50,000 rows and explains the query.
	plan := func(st *store.Store, name string) string {
		t.Helper()
		table := "growing_" + name
		if _, err := web.Pool.Exec(ctx, `CREATE TABLE `+table+` (id bigint PRIMARY KEY, v text);
			INSERT INTO `+table+` VALUES (1, 'a'), (2, 'b'), (3, 'c'); ANALYZE `+table); err != nil {
			t.Fatal(err)
		}
		c, err := st.Pool.Acquire(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Release()
		conn := c.Conn()
		if _, err := conn.Exec(ctx, `PREPARE `+name+` AS SELECT v FROM `+table+` WHERE id > $1 AND v = 'x'`); err != nil {
			t.Fatal(err)
		}
		if _, err := conn.Exec(ctx, `EXECUTE `+name+`(1)`); err != nil {
			t.Fatal(err)
		}
		if _, err := conn.Exec(ctx, `INSERT INTO `+table+` SELECT g, 'v' || g FROM generate_series(4, 50000) g`); err != nil {
			t.Fatal(err)
		}
		var lines []string
		rows, err := conn.Query(ctx, `EXPLAIN EXECUTE `+name+`(49990)`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			var l string
			if err := rows.Scan(&l); err != nil {
				t.Fatal(err)
			}
			lines = append(lines, l)
		}
		if _, err := conn.Exec(ctx, `DEALLOCATE `+name); err != nil {
			t.Fatal(err)
		}
		return strings.Join(lines, "\n")
	}
	if p := plan(web, "on_web"); !strings.Contains(p, "Seq Scan") {
		t.Errorf("web pool: expected the generic plan made on the empty table, a sequential scan; got\n%s", p)
	}
	if p := plan(work, "on_jobs"); !strings.Contains(p, "Index Scan") {
		t.Errorf("jobs pool: expected an index scan on the grown table; got\n%s", p)
	}
	if p := plan(queue, "on_queue"); !strings.Contains(p, "Index Scan") {
		t.Errorf("queue pool: expected an index scan on the grown table; got\n%s", p)
	}
}
