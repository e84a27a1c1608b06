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

.PHONY: run test pytest bench eval-intake train-intake install translations catalogue lint clean package package-test installer-check

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test,intake]"
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

# The whole check, as CI runs it: format and rules, the test suite, then the office-PC app built
# and run from an empty folder (package-test, about 2 minutes) and the Windows installer script
# compiled and signed (installer-check, seconds). `make pytest` runs the test suite alone.
test: lint pytest package-test installer-check

pytest: install translations
	@bash tools/test_system_deps.sh
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q $(PYTEST_ARGS)

bench: install translations
	QT_QPA_PLATFORM=offscreen $(PY) -m benchmarks.run $(BENCH_ARGS)

# Report intake on the real reports of tests/intake_corpus: recall, fact accuracy, false proposals per split
eval-intake: install
	$(PY) -m benchmarks.intake_eval $(EVAL_ARGS)

# Refit intake's learned steps (second look, report's honour) on the tuned split (after tuned reports are added or keyed anew)
train-intake: install
	$(PY) tools/train_intake_model.py --folds 5

# The one-folder app for office PCs (packaging/honours.spec): dist/Honours/ with the windowed
# `Honours` and the console `honours-cli`, and the same folder as a .tar.gz. README: "Office PCs".
VERSION := $(shell sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml)
PACKAGE_TGZ := dist/Honours-$(VERSION)-linux-$(shell uname -m).tar.gz
PACKAGE_STAMP := $(VENV)/.package-stamp

$(PACKAGE_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e ".[package]"
	touch $(PACKAGE_STAMP)

package: translations $(PACKAGE_STAMP)
	rm -rf dist/Honours $(PACKAGE_TGZ)
	$(VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller \
		packaging/honours.spec
	tar -C dist -czf $(PACKAGE_TGZ) Honours
	@du -sh dist/Honours $(PACKAGE_TGZ)

# The built bundle, unpacked in an empty folder and run with a clean environment (packaging/smoke_test.py).
package-test: package
	QT_QPA_PLATFORM=offscreen $(PY) packaging/smoke_test.py $(PACKAGE_TGZ)

# The Windows installer script compiles (makensis) and signs and verifies with a throwaway
# certificate (osslsigncode); building and installing it for real is .github/workflows/windows.yml.
installer-check:
	bash packaging/windows/check_installer.sh

LINTED := honours tests benchmarks tools packaging main.py

# The format and the rules of pyproject.toml's [tool.ruff]; CI runs it before the tests.
lint: install
	$(PY) -m pip install --quiet -e ".[dev]"
	$(VENV)/bin/ruff format --check $(LINTED)
	$(VENV)/bin/ruff check $(LINTED)

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
