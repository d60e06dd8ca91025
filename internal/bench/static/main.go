// Command static is the baseline of `make bench`: it serves one file's bytes
// from memory for every GET, as fast as net/http can, so that the site's
// pages can be compared with the cost of just sending the same bytes.
package main

import (
	"flag"
	"fmt"
	"log"
	"net/http"
	"os"
	"strconv"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:0", "listen address")
	file := flag.String("file", "", "the body to serve (e.g. a saved course page)")
	ctype := flag.String("type", "text/html; charset=utf-8", "Content-Type of the body")
	flag.Parse()
	if *file == "" {
		fmt.Fprintln(os.Stderr, "usage: static -file page.html [-addr 127.0.0.1:port]")
		os.Exit(2)
	}
	body, err := os.ReadFile(*file)
	if err != nil {
		log.Fatal(err)
	}
	length := strconv.Itoa(len(body))
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Type", *ctype)
		h.Set("Content-Length", length)
		w.Write(body)
	})
	log.Fatal(http.ListenAndServe(*addr, nil))
}
