#!/usr/bin/env bash
# The main job on the embedded default: builds adem and shows what it computes today.
# Usage: scripts/demo.sh   (from the repository root; needs only the Swift toolchain)
set -euo pipefail
cd "$(dirname "$0")/.."
export SWIFT_DETERMINISTIC_HASHING=1

swift build -c release --product adem
adem=.build/release/adem

run() {
    printf '\n$ adem %s\n' "$*"
    "$adem" "$@"
}

"$adem" --help
run calc costs --principal 100.00 --principal 150.00 --principal 200.00
run calc costs --principal 1.234,56 --vat --json
run calc costs --principal 1000.00 --jurisdiction be
run calc interest --kind consumer --principal 1000.00 --from 2024-03-15 --through 2026-03-14
run calc interest --kind commercial --principal 10000.00 --from 2024-06-01 --through 2025-05-31 --json
run calc reminder-deadline --posted 2025-03-07
run calc allocate --payment 300.00 --costs 150.00 --interest 68.00 --principal 1000.00
run calc prescription --kind consumer-purchase --due 2024-03-01 --interrupted 2025-06-10
run calc capacity --income 1800.00 --household single --housing 200.00 --fixed-costs 150.00
run calc iban NL91ABNA0417164300
run calc reference --generate 010002167010010
