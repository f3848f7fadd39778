# linkchart — the two commands of the README:
#   make demo   virtual environment, install, validate + analyse + render the Central Asia graph
#   make test   virtual environment, install (and Debian's chromium if missing), lint, type-check, tests
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
GRAPH := graphs/central_asia.yaml
export LINKCHART_ARTIFACTS ?= $(CURDIR)/test-artifacts

.PHONY: demo test lint typecheck browser bench docs-images clean

# the demo needs only linkchart and its runtime dependencies; the tests add the dev tools
$(BIN)/.runtime: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

$(BIN)/.installed: $(BIN)/.runtime
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

demo: $(BIN)/.runtime
	mkdir -p out
	$(BIN)/linkchart validate $(GRAPH)
	$(BIN)/linkchart analyze $(GRAPH) --top 5
	$(BIN)/linkchart render $(GRAPH) -o out/central_asia.html --highlight all --over-time
	$(BIN)/linkchart timeline $(GRAPH) --top 3 -o out/central_asia_timeline.svg
	$(BIN)/python examples/central_asia_report.py
	@echo "wrote out/central_asia.html"

# Debian's chromium for the real-browser tests (installed when missing and we are root).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else echo "install Debian's chromium (sudo apt-get install chromium) for the browser tests"; fi; }

# ruff, then the import layers (README "Project layout"; the contract is in pyproject.toml)
lint: $(BIN)/.installed
	$(BIN)/ruff check src tests benchmarks examples scripts
	$(BIN)/ruff format --check src tests benchmarks examples scripts
	$(BIN)/lint-imports

typecheck: $(BIN)/.installed
	$(BIN)/mypy src

test: $(BIN)/.installed browser lint typecheck
	mkdir -p $(LINKCHART_ARTIFACTS)
	$(BIN)/pytest -q

bench: $(BIN)/.installed
	$(BIN)/pip install --quiet -e '.[bench]'
	$(BIN)/python benchmarks/bench_load.py
	$(BIN)/python benchmarks/bench_measures.py
	$(BIN)/python benchmarks/bench_betweenness.py
	$(BIN)/python benchmarks/bench_html.py
	$(BIN)/python benchmarks/bench_html.py --end-to-end 10000 100000 1000000
	$(BIN)/python benchmarks/bench_dedupe.py

# the README's and docs/' pictures, made again by the commands that make them (pages shot in Chromium)
docs-images: $(BIN)/.installed browser
	$(BIN)/python scripts/docs_images.py

clean:
	rm -rf $(VENV) out test-artifacts .pytest_cache .mypy_cache .ruff_cache .import_linter_cache
