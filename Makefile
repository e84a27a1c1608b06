# Honours: `make run` and `make test` set everything up on a fresh machine.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
TS := $(wildcard honours/gui/i18n/*.ts)
QM := $(TS:.ts=.qm)

.PHONY: run test bench install translations lint clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

# Compiled translations (.qm) are built from the committed .ts sources.
honours/gui/i18n/%.qm: honours/gui/i18n/%.ts $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

translations: $(QM)

run: install translations
	@bash tools/qt_runtime_deps.sh $(VENV)
	$(PY) main.py $(ARGS)

test: install translations
	@bash tools/test_system_deps.sh
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q $(PYTEST_ARGS)

bench: install translations
	QT_QPA_PLATFORM=offscreen $(PY) -m benchmarks.run $(BENCH_ARGS)

LINTED := honours tests benchmarks tools main.py

# The format and the rules of pyproject.toml's [tool.ruff]; CI runs it before the tests.
lint: install
	$(PY) -m pip install --quiet -e ".[dev]"
	$(VENV)/bin/ruff format --check $(LINTED)
	$(VENV)/bin/ruff check $(LINTED)

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
