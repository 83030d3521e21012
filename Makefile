# The two commands of the README. Each installs what it needs on a fresh Debian 12 machine when it is missing
# (libglpk-dev; for the tests also python3, which runs the benchmark scripts' tests), and skips that when present.
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)

.PHONY: plan test deps python build

plan: deps
	swift run -c release mailplan plan

test: deps python
	swift test
	PYTHONDONTWRITEBYTECODE=1 python3 -m unittest discover -s Benchmarks -p 'test_*.py'

build: deps
	swift build -c release

deps:
	@if ! dpkg -s libglpk-dev >/dev/null 2>&1; then \
		echo "Installing libglpk-dev (GLPK, the MILP solver)..."; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libglpk-dev; \
	fi

python:
	@if ! command -v python3 >/dev/null 2>&1; then \
		echo "Installing python3 (for the benchmark scripts' tests)..."; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq python3; \
	fi
