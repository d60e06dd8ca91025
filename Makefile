# Kursuskatalog. `make run` serves the site with the demo catalogue;
# `make test` runs the whole suite against a temporary Postgres.
GO ?= go
BIN := .data/bin/katalog

.PHONY: run test generate build vet check-generated deps-test

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
	$(GO) tool templ generate -path web

check-generated:
	.tools/check-templ.sh

vet:
	$(GO) vet ./...

deps-test:
	.tools/ensure-postgres.sh
	.tools/ensure-chromium.sh
	.tools/ensure-npm.sh

## test: generated code current, go vet, every test against a real Postgres
test: check-generated vet deps-test
	@if [ -n "$$DATABASE_URL" ]; then \
	  $(GO) test -count=1 -timeout 20m ./...; \
	else \
	  pg_virtualenv -t -o max_connections=300 -o fsync=off sh -c '$(GO) test -count=1 -timeout 20m ./...'; \
	fi

