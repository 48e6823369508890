# Parley: `make run` brings the whole system up locally; `make test` installs what it needs and tests it.
SHELL := /bin/bash
.DEFAULT_GOAL := help
EVAL_DIR ?= deploy/local/sample
# uv from PATH, else the one `make setup` installs with pip (run as a module: works for user and system installs)
UV ?= $(shell command -v uv 2>/dev/null || echo "python3 -m uv")
PYTEST_ARGS ?=
CONSOLE := services/dashboard-api/console

.PHONY: help setup provision console browser run test test-unit lint schemas eval train bench chaos compose-check clean

help: ## list the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

setup: ## install the Python environment (uv workspace: every service and library)
	@command -v uv >/dev/null 2>&1 || python3 -m uv --version >/dev/null 2>&1 || python3 -m pip install --quiet uv
	@$(UV) sync --all-packages --frozen --quiet

provision: setup ## fetch Kafka (Maven Central) and build FerretDB (Go module proxy) into .local/cache
	@$(UV) run --frozen parley-devstack provision

console: ## build the operator console (TypeScript, npm packages from the registry) into $(CONSOLE)/dist
	@cd $(CONSOLE) && { [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error; }
	@cd $(CONSOLE) && npm run --silent build

browser: ## headless Chromium for the browser tests: Debian's package (Playwright's own download does not work offline)
	@command -v chromium >/dev/null 2>&1 || { echo "installing Debian's chromium (apt-get) …"; \
		$$( [ "$$(id -u)" = 0 ] || echo sudo -n ) sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null'; }

run: provision console ## run Parley locally: Kafka, FerretDB, the five services and the channel sandbox
	@$(UV) run --frozen parley-devstack run

lint: setup console ## ruff, the JSON Schemas, the import rules (.importlinter), the console's TypeScript types
	@$(UV) run --frozen ruff check .
	@$(UV) run --frozen ruff format --check .
	@$(UV) run --frozen python -m parley_contracts.schemas --check
	@$(UV) run --frozen lint-imports
	@cd $(CONSOLE) && npm run --silent typecheck

test: provision browser lint ## everything: unit, integration, end-to-end and browser tests (real Kafka, FerretDB, Chromium)
	@$(UV) run --frozen pytest $(PYTEST_ARGS)

test-unit: setup ## unit tests only (no infrastructure)
	@$(UV) run --frozen pytest tests/unit $(PYTEST_ARGS)

schemas: setup ## regenerate libs/contracts/schemas from the models
	@$(UV) run --frozen python -m parley_contracts.schemas

eval: provision ## measure the bot on labelled messages: make eval EVAL_DIR=<folder>
	@$(UV) run --frozen parley-devstack eval --eval-dir $(EVAL_DIR)

# Every labelled set the answer confidence may learn from (never tests/data/heldout10–15: they measure).
ANSWER_SETS = services/nlp/training/*.jsonl services/nlp/training/not-adopted/*.jsonl deploy/local/tuning/*.jsonl \
	deploy/local/sample/messages.jsonl ../shared/eval/messages.jsonl tests/data/heldout/messages.jsonl \
	tests/data/heldout[2-9]/messages.jsonl

train: setup ## refit the learned text models and the answer confidence from the labelled sets (about 5 minutes)
	@$(UV) run --frozen parley-nlp-train services/nlp/training/*.jsonl deploy/local/tuning/*.jsonl ../shared/eval/messages.jsonl \
		tests/data/heldout/messages.jsonl tests/data/heldout[2-9]/messages.jsonl
	@$(UV) run --frozen parley-nlp-train-answers $(ANSWER_SETS) --kb-dir ../shared/eval --kb-dir deploy/local/sample

bench: provision console browser ## benchmarks, figures written to bench/results/
	@$(UV) run --frozen python -m bench

chaos: provision ## faults under load with exact accounting (CHAOS_SCENARIOS=a,b …; chaos/README.md), chaos/results/
	@$(UV) run --frozen python -m chaos

compose-check: setup ## validate docker-compose.yml's syntax (no Docker engine needed)
	@$(UV) run --frozen python deploy/check_compose.py docker-compose.yml

clean: ## remove run data and logs (keeps the provisioned cache)
	rm -rf .local/data .local/logs
