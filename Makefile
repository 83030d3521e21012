# The two commands of the README. Each installs what the project needs on a fresh Debian 12 machine
# (libglpk-dev) when it is missing, and skips that when it is present.
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)

.PHONY: plan test deps build

plan: deps
	swift run -c release mailplan plan

test: deps
	swift test

build: deps
	swift build -c release

deps:
	@if ! dpkg -s libglpk-dev >/dev/null 2>&1; then \
		echo "Installing libglpk-dev (GLPK, the MILP solver)..."; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libglpk-dev; \
	fi
