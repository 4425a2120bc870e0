#!/usr/bin/env bash
# Runs the whole test suite with a real PostgreSQL server for the store contract suite (what CI runs).
#   scripts/test-with-postgres.sh [extra swift test arguments]
set -euo pipefail
cd "$(dirname "$0")/.."
export SWIFT_DETERMINISTIC_HASHING=1
eval "$(scripts/postgres-test-server.sh)"
echo "ADEM_TEST_POSTGRES_URL=$ADEM_TEST_POSTGRES_URL" >&2
swift build --build-tests
swift test --skip-build "$@"
