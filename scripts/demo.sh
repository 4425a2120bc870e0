#!/usr/bin/env bash
# The main job on the embedded default (SQLite, nothing to install by hand): builds adem, shows a
# few law computations, simulates an agency year (a small default portfolio) through the real
# import, daily run, payments and deliveries, and writes the social collection report.
# Usage: scripts/demo.sh   (from the repository root; needs the Swift toolchain; libsqlite3-dev and libjemalloc-dev are installed when missing)
set -euo pipefail
cd "$(dirname "$0")/.."
export SWIFT_DETERMINISTIC_HASHING=1
source scripts/ensure-libraries.sh

swift build -c release --product adem --scratch-path .build-release
adem="$PWD/.build-release/release/adem"
work="$PWD/out/demo"
rm -rf "$work" && mkdir -p "$work"
cd "$work"

run() {
    printf '\n$ adem %s\n' "$*"
    "$adem" "$@"
}

run calc costs --principal 100.00 --principal 150.00 --principal 200.00
run calc interest --kind consumer --principal 1000.00 --from 2024-03-15 --through 2026-03-14
run calc reminder-deadline --posted 2025-03-07

# A synthetic agency year shaped like the reference agency's (its strategy, mandates and debtors),
# scaled down to 14 clients and 2,000 dossiers: every day of 2024 through the real daily run, ending
# with the year's figures next to the reference year's per dossier.
run simulate --year 2024 --preset reference-2024 --dossiers 2000 --clients 14 --db adem.sqlite
# The reference column compares with a 783,180-dossier agency year; a demo of 2,000 leaves it out.
run report --from 2024-01-01 --through 2024-12-31 --db adem.sqlite --no-reference --out social-report-2024.html
run report --from 2024-01-01 --through 2024-12-31 --db adem.sqlite --format json --out social-report-2024.json
run state digest --db adem.sqlite
printf '\nThe social collection report: %s/social-report-2024.html\n' "$work"
