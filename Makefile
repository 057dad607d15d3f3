# One command to install and run the review desk, one to run the tests.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin

.PHONY: install install-scale run test demo

$(BIN)/python:
	$(PY) -m venv $(VENV) || python3 -m venv $(VENV)

install: $(BIN)/python
	$(BIN)/pip install -q -r requirements.txt

# The scale-out engines' clients (Ray, PostgreSQL, Milvus Lite): optional, installed by .ci/run.
install-scale: install
	$(BIN)/pip install -q -r requirements-scale.txt

run: install
	$(BIN)/python -m checker evidence seed
	$(BIN)/streamlit run app.py

demo: install
	$(BIN)/python -m checker evidence seed
	$(BIN)/python -m checker analyze ../shared/samples/baghdad_embassy_ar.txt --format md

test: install
	$(BIN)/python -m pytest -q
