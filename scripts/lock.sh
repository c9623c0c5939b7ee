#!/usr/bin/env bash
# Regenerate requirements*.lock from the current .venv (run after adding a dependency
# to pyproject.toml and installing it). Test-only tools go to requirements-test.lock.
set -euo pipefail
cd "$(dirname "$0")/.."
TEST_ONLY='^(pytest|pytest-timeout|hypothesis|iniconfig|pluggy|playwright|greenlet|pyee|httpx|httpcore|python-crfsuite)=='
.venv/bin/python -m pip list --format=freeze --disable-pip-version-check \
  | grep -v -i -E '^(newsprism|pip|wheel)==' | sort -f > /tmp/newsprism-freeze.txt
{ echo "# Exact versions the runtime is tested with (scripts/lock.sh writes this file)."
  grep -v -i -E "$TEST_ONLY" /tmp/newsprism-freeze.txt; } > requirements.lock
{ echo "# Test tools, on top of requirements.lock (scripts/lock.sh writes this file)."
  grep -i -E "$TEST_ONLY" /tmp/newsprism-freeze.txt; } > requirements-test.lock
wc -l requirements.lock requirements-test.lock
