#!/usr/bin/env bash
# Sets up what the tests need and runs every test.
# Usage: scripts/test.sh   (from the repository root)
set -euo pipefail
cd "$(dirname "$0")/.."
export SWIFT_DETERMINISTIC_HASHING=1

swift build --build-tests
swift test
