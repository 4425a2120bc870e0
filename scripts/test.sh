#!/usr/bin/env bash
# Sets up what the tests need and runs every test.
# Usage: scripts/test.sh   (from the repository root)
#
# The store contract suite runs against SQLite and PostgreSQL. Unless ADEM_TEST_POSTGRES_URL is
# already set (or ADEM_SKIP_POSTGRES=1 skips that engine, visibly), a throwaway PostgreSQL server
# is installed if missing and started on 127.0.0.1:54329 by scripts/postgres-test-server.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
export SWIFT_DETERMINISTIC_HASHING=1

if [ -z "${ADEM_TEST_POSTGRES_URL:-}" ] && [ "${ADEM_SKIP_POSTGRES:-}" != "1" ]; then
    eval "$(scripts/postgres-test-server.sh)"
fi

swift build --build-tests
swift test
