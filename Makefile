# sitegen: the two commands are `make build` and `make test`.
GO ?= go
STATICCHECK_VERSION ?= v0.8.2
CONTENT ?= content
OUT ?= public
# BASEURL overrides the address in content/site.yaml (url); with neither,
# the site is built for / (a local preview) and the build warns.
BASEURL ?=
BASEFLAG = $(if $(BASEURL),-baseurl $(BASEURL))

.PHONY: build check record serve test lint fuzz bench clean

## build: build the real site from content/ into public/
build:
	$(GO) run ./cmd/sitegen build -content $(CONTENT) -out $(OUT) $(BASEFLAG)

## check: validate content/ without writing anything
check:
	$(GO) run ./cmd/sitegen check -content $(CONTENT)

## record: add the site's new addresses to content/published-urls.txt
record:
	$(GO) run ./cmd/sitegen build -content $(CONTENT) -out $(OUT) $(BASEFLAG) -record

## serve: preview on http://127.0.0.1:8080/vi/, rebuilt and reloaded on every save
## of content/, templates/ or assets/ (-theme . overlays the built-in theme with
## this repository's own, so that editing it shows). The binary is built, then
## exec'd in place of the shell: stopping make stops the server.
ADDR ?= 127.0.0.1:8080
serve:
	$(GO) build -o bin/sitegen ./cmd/sitegen
	exec bin/sitegen serve -content $(CONTENT) -theme . -addr $(ADDR)

## bench: build speed of the real and synthetic national sites against the
## previous version (cmd/bench/baseline.json) and cp -r, and the preview's
## reload time; BENCHFLAGS=-record-baseline records this version's figures
BENCHFLAGS ?=
bench:
	$(GO) run ./cmd/bench $(BENCHFLAGS)

## test: every test, plus formatting and vet
test: lint
	$(GO) test ./...

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(GO) run honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION) ./...

## fuzz: run each fuzz target for FUZZTIME inputs (default 20000x); a
## count, not a duration, because a duration that ends while a worker is
## busy on a loaded machine fails with "context deadline exceeded"
FUZZTIME ?= 20000x
fuzz:
	$(GO) test ./internal/load -run '^$$' -fuzz '^FuzzLoad$$' -fuzztime $(FUZZTIME)
	$(GO) test ./internal/load -run '^$$' -fuzz '^FuzzValidID$$' -fuzztime $(FUZZTIME)
	$(GO) test ./internal/load -run '^$$' -fuzz '^FuzzAliases$$' -fuzztime $(FUZZTIME)
	$(GO) test ./internal/render -run '^$$' -fuzz '^FuzzMarkdown$$' -fuzztime $(FUZZTIME)
	$(GO) test ./internal/render -run '^$$' -fuzz '^FuzzSlug$$' -fuzztime $(FUZZTIME)
	$(GO) test ./internal/render -run '^$$' -fuzz '^FuzzTablesAsGoldmark$$' -fuzztime $(FUZZTIME)
	$(GO) test ./internal/render -run '^$$' -fuzz '^FuzzEscapers$$' -fuzztime $(FUZZTIME)
	$(GO) test ./internal/output -run '^$$' -fuzz '^FuzzInventory$$' -fuzztime $(FUZZTIME)
	$(GO) test ./internal/fold -run '^$$' -fuzz '^FuzzKey$$' -fuzztime $(FUZZTIME)
	$(GO) test ./internal/fold -run '^$$' -fuzz '^FuzzSpaces$$' -fuzztime $(FUZZTIME)
	$(GO) test ./internal/search -run '^$$' -fuzz '^FuzzWords$$' -fuzztime $(FUZZTIME)
	$(GO) test ./internal/draft -run '^$$' -fuzz '^FuzzDocx$$' -fuzztime $(FUZZTIME)

## clean: remove the site, the previous site a build set aside beside it, and bin/
clean:
	rm -rf $(OUT) $(call aside,$(patsubst %/,%,$(OUT))) bin
aside = $(dir $(1)).$(notdir $(1)).old-* $(dir $(1)).$(notdir $(1)).tmp-*
