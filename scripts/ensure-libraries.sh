#!/usr/bin/env bash
# adem links two Debian C libraries: SQLite for the embedded store (libsqlite3-dev) and jemalloc as
# its allocator (libjemalloc-dev). Installed when missing and apt-get can (as root); otherwise says
# what to install. Sourced by scripts/demo.sh and scripts/test.sh.
missing=()
[ -f /usr/include/sqlite3.h ] || missing+=(libsqlite3-dev)
[ -f /usr/include/jemalloc/jemalloc.h ] || missing+=(libjemalloc-dev)
if [ ${#missing[@]} -gt 0 ]; then
    if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
        DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null \
            || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null; }
    else
        echo "adem needs these development files: apt-get install ${missing[*]} (as root)" >&2
        exit 1
    fi
fi
