# sourcebook — two commands do everything on a fresh machine with Python 3.11+:
#   make book   build the student edition and print where to open it
#   make test   install what the tests need and run every test
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: book instructor both test test-fast check bench serve preview clean chromium nodejs

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "sourcebook needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e ".[test]"
	@touch $(STAMP)

book: $(STAMP)
	$(BIN)/sourcebook build --edition student

instructor: $(STAMP)
	$(BIN)/sourcebook build --edition instructor

both: book instructor

check: $(STAMP)
	$(BIN)/sourcebook check

# Browser tests drive Debian's Chromium (never a downloaded browser). Installed here when
# missing and we may (root with apt-get); otherwise they skip on a laptop, never in CI.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "note: no chromium and no way to install it: browser tests will skip"; fi; }

# The bundle tests run the kit's JavaScript with Debian's Node.js: installed the same way (without
# it they skip on a laptop, never in CI).
nodejs:
	@command -v node >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs >/dev/null; \
	  else echo "note: no node and no way to install it: the bundle-running tests will skip"; fi; }

# Whole files go to the two workers in the order pytest collects them (browser/ first: the
# slowest), not largest-count first, which left a long browser file alone at the end. Compiled
# test modules are kept between runs even where the environment turns .pyc writing off (Docker
# images often do): pytest rewrites every test module's asserts otherwise, in each worker.
TEST_RUN := PYTHONDONTWRITEBYTECODE= $(BIN)/python -m pytest -n 2 --dist loadfile

test: $(STAMP) chromium nodejs
	$(TEST_RUN) --no-loadscope-reorder

# The inner loop: unit and contract tests only (no book build, no browser), in seconds.
test-fast: $(STAMP)
	$(TEST_RUN) tests/unit tests/contract -m "not build and not browser"

bench: $(STAMP) chromium
	$(BIN)/python benchmarks/run.py

# Live preview for authors: rebuilds on save and reloads the open page (http://127.0.0.1:8000/).
preview: $(STAMP)
	$(BIN)/sourcebook preview

serve: book
	$(BIN)/python -m http.server --directory _build/student/html 8000

clean:
	rm -rf _build book/_generated
