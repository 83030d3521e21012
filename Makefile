# The two commands of the README. Each installs what it needs on a fresh Debian 12 machine when it is missing
# (libglpk-dev; for the tests also python3, which runs the benchmark scripts' tests), and skips that when present.
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
comma := ,

# $(call install,CHECK,PACKAGE,WHY): apt-get installs PACKAGE when the shell test CHECK fails.
define install
	@if ! $(1) >/dev/null 2>&1; then \
		echo "Installing $(2) ($(3))..."; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(2); \
	fi
endef

.PHONY: plan test deps python build

plan: deps
	swift run -c release mailplan plan

test: deps python
	swift test
	PYTHONDONTWRITEBYTECODE=1 python3 -m unittest discover -s Benchmarks -p 'test_*.py'

build: deps
	swift build -c release

deps:
	$(call install,dpkg -s libglpk-dev,libglpk-dev,GLPK$(comma) the MILP solver)

python:
	$(call install,command -v python3,python3,for the benchmark scripts' tests)
