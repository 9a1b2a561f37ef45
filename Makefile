# Two commands do all the set-up on a fresh machine: `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench score browsers virtuoso clean

# editable_mode=compat: the editable install is a path line in a .pth file, not setuptools' import-hook finder
# that every Python process of the venv imports at start (~10 ms of each lookup, with pathlib and importlib.util).
$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]' --config-settings editable_mode=compat
	$(BIN)/python -m compileall -q kg  # bytecode, as a regular install has (kept current by Python unless PYTHONDONTWRITEBYTECODE)
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/kg build samples -o output
	@echo "graph:     $(CURDIR)/output/graph.ttl"
	@echo "explorer:  $(CURDIR)/output/graph.html (open it in a browser; it needs no network)"

test: $(STAMP) browsers virtuoso
	$(BIN)/ruff check kg tests scripts
	$(BIN)/pytest -q

# Debian's Chromium for the explorer's browser tests (Playwright cannot download browsers here), and a CJK
# font so that screenshots show Chinese text. Needs root for apt-get; without it the browser tests skip.
browsers:
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) \
		|| echo "chromium not installed: browser tests will be skipped"
	@fc-list 2>/dev/null | grep -qi -e wqy -e "noto sans cjk" || apt-get install -y -qq fonts-wqy-microhei >/dev/null \
		|| echo "no CJK font installed: screenshots will show boxes for Chinese text"

# Debian's Virtuoso for the test of `kg push --virtuoso` (tests/test_virtuoso.py starts its own server on
# 127.0.0.1 with a database in a temporary folder). Needs root for apt-get; without it that test skips.
virtuoso:
	@command -v virtuoso-t >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -qq --no-install-recommends virtuoso-opensource-7 >/dev/null) \
		|| echo "Virtuoso not installed: the kg push test will be skipped"

lint: $(STAMP)
	$(BIN)/ruff check kg tests scripts

bench: $(STAMP)
	$(BIN)/python scripts/bench.py

score: $(STAMP)
	$(BIN)/python ../shared/eval/score.py --gold tests/data/gold --corpus samples \
		--corpus tests/data/corpus-more --kg $(BIN)/kg

clean:
	rm -rf output $(VENV)
