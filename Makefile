# Honours: `make run` and `make test` set everything up on a fresh machine.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
TS := $(wildcard honours/gui/i18n/*.ts)
QM := $(TS:.ts=.qm)
# The core's, the CLI's and printing's catalogue (gettext; honours/core/i18n.py says how to add a message)
PO := honours/locale/zh_CN/LC_MESSAGES/honours.po
MO := $(PO:.po=.mo)
POT := build/honours.pot

.PHONY: run test bench eval-intake install translations catalogue lint clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

# Compiled translations (.qm) are built from the committed .ts sources.
honours/gui/i18n/%.qm: honours/gui/i18n/%.ts $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

$(MO): $(PO) $(STAMP)
	$(VENV)/bin/pybabel -q compile -D honours -d honours/locale -l zh_CN

translations: $(QM) $(MO)

# Every marked msgid of the source merged into the .po (entries no source uses are dropped); the new
# ones then need their Chinese written in the .po.
catalogue: $(STAMP)
	@mkdir -p build
	$(VENV)/bin/pybabel -q extract --no-default-keywords -k Text -k ptext:1c,2 -k _ -k N_ -k NP_:1c,2 -k command:2 \
		--no-location --sort-output --no-wrap --project=Honours -o $(POT) honours/core honours/cli honours/printing
	$(VENV)/bin/pybabel -q update -D honours -i $(POT) -d honours/locale -l zh_CN \
		--ignore-obsolete --no-fuzzy-matching --no-wrap --init-missing
	@# no dates or template names in the header: they would change (and conflict in merges) on every run
	@sed -i -e '/^"POT-Creation-Date: /d' -e '/^"PO-Revision-Date: /d' -e '/^"Report-Msgid-Bugs-To: /d' \
		-e '/^"Last-Translator: /d' -e '/^"Language-Team: /d' $(PO)
	$(VENV)/bin/pybabel -q compile -D honours -d honours/locale -l zh_CN

run: install translations
	@bash tools/qt_runtime_deps.sh $(VENV)
	$(PY) main.py $(ARGS)

test: install translations
	@bash tools/test_system_deps.sh
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q $(PYTEST_ARGS)

bench: install translations
	QT_QPA_PLATFORM=offscreen $(PY) -m benchmarks.run $(BENCH_ARGS)

# Report intake on the real reports of tests/intake_corpus: recall, fact accuracy, false proposals per split
eval-intake: install
	$(PY) -m benchmarks.intake_eval $(EVAL_ARGS)

LINTED := honours tests benchmarks tools main.py

# The format and the rules of pyproject.toml's [tool.ruff]; CI runs it before the tests.
lint: install
	$(PY) -m pip install --quiet -e ".[dev]"
	$(VENV)/bin/ruff format --check $(LINTED)
	$(VENV)/bin/ruff check $(LINTED)

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
