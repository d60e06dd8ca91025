# Kursuskatalog. `make run` serves the site with the demo catalogue;
# `make test` runs the whole suite against a temporary Postgres;
# `make bench` measures the site under load (README, "Benchmark").
GO ?= go
BIN := .data/bin/katalog

.PHONY: run test lighthouse generate build vet check-generated deps-test deps-bench bench bench-scale bench-login

# The development administrator that `make run` creates when missing.
DEV_ADMIN_EMAIL := admin@cok.dk
DEV_ADMIN_PASSWORD := udvikler-kodeord-123

## run: local Postgres under .data/, migrations, demo catalogue, dev admin, server on :8080
run: build
	@set -e; \
	url="$${DATABASE_URL:-$$(.tools/pg-local.sh)}"; \
	export DATABASE_URL="$$url"; \
	$(BIN) migrate up; \
	$(BIN) demo; \
	printf '%s\n' '$(DEV_ADMIN_PASSWORD)' | $(BIN) user add -email $(DEV_ADMIN_EMAIL) -role admin -name Udvikler -if-missing; \
	echo "Kursuskatalog: http://localhost:8080"; \
	echo "Administration: http://localhost:8080/admin (e-mail $(DEV_ADMIN_EMAIL), adgangskode $(DEV_ADMIN_PASSWORD))"; \
	exec $(BIN) serve

build:
	@mkdir -p .data/bin
	$(GO) build -o $(BIN) ./cmd/katalog

generate:
	$(GO) tool templ generate

check-generated:
	.tools/check-templ.sh

vet:
	$(GO) vet ./...

deps-test:
	.tools/ensure-postgres.sh
	.tools/ensure-deb.sh chromium chromium fonts-dejavu-core
	.tools/ensure-deb.sh pdftotext poppler-utils
	.tools/ensure-npm.sh

# Lighthouse times the pages on this machine's CPU, so its package runs
# alone after the others (see internal/lighthouse).
LIGHTHOUSE_PKG := ./internal/lighthouse
TEST_CMD := $(GO) test -count=1 -timeout 20m $$($(GO) list ./... | grep -v /internal/lighthouse$$) && $(GO) test -count=1 -timeout 10m -v $(LIGHTHOUSE_PKG)

## test: generated code current, go vet, every test against a real Postgres, then Lighthouse
test: check-generated vet deps-test
	@if [ -n "$$DATABASE_URL" ]; then \
	  sh -c '$(TEST_CMD)'; \
	else \
	  pg_virtualenv -t -o max_connections=300 -o fsync=off sh -c '$(TEST_CMD)'; \
	fi

## lighthouse: only the Lighthouse test (performance, accessibility, SEO of the public pages)
lighthouse: deps-test
	@if [ -n "$$DATABASE_URL" ]; then \
	  $(GO) test -count=1 -timeout 10m -v $(LIGHTHOUSE_PKG); \
	else \
	  pg_virtualenv -t -o max_connections=300 -o fsync=off sh -c '$(GO) test -count=1 -timeout 10m -v $(LIGHTHOUSE_PKG)'; \
	fi


deps-bench:
	.tools/ensure-postgres.sh
	.tools/ensure-deb.sh wrk wrk

# pg_virtualenv takes PGPORT from the environment: set it to keep parallel
# runs apart (PGPORT=5442 make bench).
BENCH_PG := pg_virtualenv -t -o max_connections=300

## bench: load test on -scale 2000 against a throw-away Postgres, then the cost growth and the login flood
bench: deps-bench
	$(BENCH_PG) env GO=$(GO) .tools/bench.sh all
	$(BENCH_PG) env GO=$(GO) .tools/bench/login-flood.sh

## bench-login: only the login flood (peak memory under 100 simultaneous logins)
bench-login: deps-bench
	$(BENCH_PG) env GO=$(GO) .tools/bench/login-flood.sh

## bench-scale: only the cost growth (-scale 0, 2000, 20000)
bench-scale: deps-bench
	$(BENCH_PG) env GO=$(GO) .tools/bench.sh scale
