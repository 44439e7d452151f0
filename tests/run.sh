#!/usr/bin/env bash
# The test command (README): bash tests/run.sh [extra pytest args]
# Installs the pinned dev requirements, makes sure Chromium is there for the browser suite,
# then lints, validates the data package and runs every test. Under CI=true a missing
# browser fails the browser tests instead of skipping them.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

step() { printf '\n==> %s\n' "$*"; }

step "Installing pinned requirements (requirements-dev.txt)"
python -m pip install --disable-pip-version-check -q -r requirements-dev.txt

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [[ ! -x "$chromium" ]]; then
    if [[ "$chromium" == /usr/bin/chromium && "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
        step "Installing Chromium with apt-get (for the browser tests)"
        if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } \
                >/tmp/tests-run-apt.log 2>&1; then
            echo "Could not install Chromium (see /tmp/tests-run-apt.log):" >&2
            tail -n 5 /tmp/tests-run-apt.log >&2 || true
            echo "Continuing: browser tests will skip (or fail under CI=true)." >&2
        fi
    else
        echo "Note: no Chromium at $chromium and cannot apt-get it here;" \
             "browser tests will skip (or fail under CI=true)." >&2
    fi
fi

# The replica and fault tests run two app servers behind HAProxy (deploy/haproxy.cfg).
if ! command -v haproxy >/dev/null && [[ ! -x /usr/sbin/haproxy ]]; then
    if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
        step "Installing HAProxy with apt-get (for the replica and fault tests)"
        if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy; } \
                >/tmp/tests-run-apt-haproxy.log 2>&1; then
            echo "Could not install HAProxy (see /tmp/tests-run-apt-haproxy.log):" >&2
            tail -n 5 /tmp/tests-run-apt-haproxy.log >&2 || true
            echo "Continuing: replica tests will skip (or fail under CI=true)." >&2
        fi
    else
        echo "Note: no haproxy and cannot apt-get it here;" \
             "replica tests will skip (or fail under CI=true)." >&2
    fi
fi

step "Lint (ruff)"
python -m ruff check .

step "Validate the data package (frictionless)"
frictionless validate data/datapackage.json

step "Tests (pytest)"
python -m pytest "$@"
