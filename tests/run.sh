#!/usr/bin/env bash
# The test command (README): bash tests/run.sh [pytest args, e.g. a test file or -k NAME]
# Installs the pinned dev requirements, makes sure Chromium is there for the browser suite,
# then, stopping at the first stage that fails: lint (ruff), the data package (frictionless),
# the fast tests (-x: stop at the first failure), the tests that start servers (mark
# `server`), then the browser tests (mark `browser`). Under CI=true a missing browser fails
# the browser tests instead of skipping them.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

step() { printf '\n==> %s\n' "$*"; }

step "Installing the locked requirements (requirements-dev.lock, every file's hash checked)"
python -m pip install --disable-pip-version-check -q --require-hashes -r requirements-dev.lock

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

# Install a Debian package a server-stage test needs, when its program is missing and this
# is root with apt-get; otherwise say which tests will skip (or fail under CI=true).
need_package() {
    local program="$1" path="$2" package="$3" for_what="$4" tests="$5"
    if command -v "$program" >/dev/null || [[ -x "$path" ]]; then
        return 0
    fi
    if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
        step "Installing $package with apt-get ($for_what)"
        local log="/tmp/tests-run-apt-$package.log"
        if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package"; } \
                >"$log" 2>&1; then
            echo "Could not install $package (see $log):" >&2
            tail -n 5 "$log" >&2 || true
            echo "Continuing: $tests will skip (or fail under CI=true)." >&2
        fi
    else
        echo "Note: no $program and cannot apt-get it here;" \
             "$tests will skip (or fail under CI=true)." >&2
    fi
}

# The replica and fault tests run two app servers behind HAProxy (deploy/haproxy.cfg); the
# live-class store tests run against a real Redis (tests/redis_server.py starts one).
need_package haproxy /usr/sbin/haproxy haproxy "for the replica and fault tests" "replica tests"
need_package redis-server /usr/bin/redis-server redis-server "for the live-class store tests" \
    "Redis store tests"

step "Lint (ruff)"
python -m ruff check .

step "Validate the data package (frictionless)"
frictionless validate data/datapackage.json

# One pytest stage. pytest exits 5 when it selected no test: with no arguments (CI, the
# README) every stage must run tests, so 5 fails the run; with arguments that select tests of
# one kind only, the other stages may select none, but at least one stage must run a test.
ran_any=0
stage() {
    local name="$1"; shift
    step "$name"
    local rc=0 started=$SECONDS
    python -m pytest "$@" || rc=$?
    echo "($name: $((SECONDS - started)) s)"
    if [[ $rc == 5 && $narrowed == 1 ]]; then
        echo "(no $name selected by the arguments given)"
        return 0
    fi
    if [[ $rc != 0 ]]; then
        [[ $rc == 5 ]] && echo "pytest selected no test in this stage: that is a failure" >&2
        echo "Stopped: $name failed (pytest exit $rc)." >&2
        exit "$rc"
    fi
    ran_any=1
}

narrowed=0
if (( $# )); then
    narrowed=1
    fast=("$@"); server=("$@"); browser=("$@")
else  # the server and browser stages collect only where their tests live
    fast=(); server=(tests); browser=(tests/e2e)
fi
stage "Fast tests (pytest -x, not server or browser)" -x -m "not server and not browser" "${fast[@]}"
stage "Server tests (pytest -m server)" -m server "${server[@]}"
stage "Browser tests (pytest -m browser)" -m browser "${browser[@]}"
if [[ $ran_any == 0 ]]; then
    echo "No test was selected by: $*" >&2
    exit 5
fi
