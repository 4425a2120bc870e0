#!/usr/bin/env bash
# The main job on the embedded default (SQLite, nothing to install by hand): builds adem, shows the
# law it computes, then hands a generated book of claims to a fresh store and runs a month of days.
# Usage: scripts/demo.sh   (from the repository root; needs only the Swift toolchain)
set -euo pipefail
cd "$(dirname "$0")/.."
export SWIFT_DETERMINISTIC_HASHING=1

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
run calc allocate --payment 300.00 --costs 150.00 --interest 68.00 --principal 1000.00
run calc prescription --kind consumer-purchase --due 2024-03-01 --interrupted 2025-06-10

# A book of 4,000 claims (2,000 dossiers) handed over on 2 March 2026, and the daily run over March.
"$adem" bench generate-claims --rows 4000 claims.csv
run client add ACME --name "Acme Energie" --db demo.sqlite
run import claims --client ACME claims.csv --day 2026-03-02 --db demo.sqlite
for day in $(seq 2 31); do
    printf -v date '2026-03-%02d' "$day"
    "$adem" run-day --day "$date" --db demo.sqlite --json
done
run journal count --db demo.sqlite
run journal count --type costsCharged --db demo.sqlite
run state digest --db demo.sqlite
printf '\nThe store is %s/demo.sqlite\n' "$work"
