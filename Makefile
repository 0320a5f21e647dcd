# Two commands on a fresh machine: `make run` and `make test`.
# Python 3.12 or newer: PySide6 6.12 (the only release with the QtPdf wheel) miscounts
# references to None on 3.11 and crashes a long-running window. pyenv's versions are
# looked at too, since their shims are not on PATH unless selected.
PYENV_PY = $$(ls -d $${PYENV_ROOT:-$$HOME/.pyenv}/versions/$(1)*/bin/python3 2>/dev/null \
	| sort -V | tail -1)
FIND_PYTHON := for p in python3.12 $(call PYENV_PY,3.12) python3.13 $(call PYENV_PY,3.13) \
	python3; do $$p -c 'import sys; assert sys.version_info >= (3, 12)' 2>/dev/null \
	&& { command -v $$p || echo $$p; exit 0; }; done; echo python3
PYTHON ?= $(shell $(FIND_PYTHON))
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-py312

.PHONY: run test lint bench bench-instructions load bundle clean postgresql valgrind install-postgresql install-valgrind translations

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 12)' 2>/dev/null || { \
		echo "TaperDesk needs Python 3.12 or newer (PySide6 6.12, the release with QtPdf," \
		"crashes on 3.11); found only $$($(PYTHON) --version 2>&1). Install Python 3.12" \
		"(on the PATH or with pyenv) and run make again." >&2; exit 1; }
	$(BIN)/python -c 'import sys; assert sys.version_info >= (3, 12)' 2>/dev/null \
		|| { rm -rf $(VENV); $(PYTHON) -m venv $(VENV); }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]' --config-settings editable_mode=compat
	touch $(STAMP)

# The window's translations: Qt Linguist sources (.ts, committed) built to .qm (not
# committed, .gitignore) before the window runs, is tested or bundled.
TS := $(wildcard resources/translations/*.ts)
QM := $(TS:.ts=.qm)

%.qm: %.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

# After adding window text (self.tr / translate in taperdesk/ui): refresh the .ts sources
# from the code, list the entries still to translate (exit 1 while any is), build the .qm.
translations: $(STAMP)
	$(BIN)/pyside6-lupdate $(sort $(wildcard taperdesk/ui/*.py)) -no-obsolete \
		$(foreach ts,$(TS),-ts $(ts))
	$(MAKE) --no-print-directory $(QM)
	$(BIN)/python packaging/untranslated.py $(TS)

run: $(STAMP) $(QM)
	$(BIN)/python -m compileall -q taperdesk
	$(BIN)/taperdesk-gui --demo-if-empty

# A Debian package the tests need, installed where missing (as root, with apt-get);
# elsewhere make says how, rather than the tests skipping. $(1): the package, $(2): why.
define debian_package
	@if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		DEBIAN_FRONTEND=noninteractive apt-get update -q && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -q $(1); \
	else \
		echo "make needs the '$(1)' package ($(2)): install it (e.g. sudo apt-get" \
			"install $(1)) and run make again." >&2; exit 1; \
	fi
endef

# The records tests run on a real PostgreSQL server too (a throwaway cluster the tests
# start themselves), so its server programs must be there.
postgresql:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null || \
		$(MAKE) --no-print-directory install-postgresql

install-postgresql:
	$(call debian_package,postgresql,initdb and pg_ctl for the clinic server tests)

# valgrind counts start-up's instructions (make bench-instructions); the tests run its
# counting on a small program.
valgrind:
	@command -v valgrind >/dev/null || $(MAKE) --no-print-directory install-valgrind

install-valgrind:
	$(call debian_package,valgrind,the instruction-count benchmark and its test)

test: $(STAMP) postgresql valgrind $(QM)
	$(BIN)/ruff check taperdesk tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check taperdesk tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports

# Bytecode is compiled first, as an installed program has it (PYTHONDONTWRITEBYTECODE
# may be set, and compiling every module at each start is not what a clinic PC does).
bench: $(STAMP)
	$(BIN)/python -m compileall -q taperdesk benchmarks
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks --write-doc docs/PERFORMANCE.md

# Start-up counted in instructions under valgrind: a figure that repeats on a busy host,
# beside the wall-clock budget (benchmarks/instructions.py; about two minutes).
bench-instructions: $(STAMP) valgrind
	$(BIN)/python -m benchmarks.instructions

# The clinic server load test at the issue's full length (make test runs it for 8 s):
# 10 processes on their own patients and 2 on one plan, 60 s, 0 lost edits.
load: $(STAMP)
	TAPERDESK_LOAD_SECONDS=60 $(BIN)/python -m pytest -q tests/store/test_store_load.py

# One-folder bundle in dist/TaperDesk (see packaging/README.md for Windows and macOS).
bundle: $(STAMP) $(QM)
	$(BIN)/pyinstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller \
		packaging/taperdesk.spec

clean:
	rm -rf $(VENV) build dist
