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
source scripts/ensure-libraries.sh

if [ -z "${ADEM_TEST_POSTGRES_URL:-}" ] && [ "${ADEM_SKIP_POSTGRES:-}" != "1" ]; then
    eval "$(scripts/postgres-test-server.sh)"
fi

# The report tests print a PDF with headless Chromium and read its text with pdftotext (Debian
# poppler-utils): installed when missing and apt-get can (as root).
for needed in chromium:chromium poppler-utils:pdftotext; do
    if ! command -v "${needed#*:}" >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
        apt_install "${needed%%:*}"
    fi
done

swift build --build-tests
swift test
