#!/usr/bin/env bash
# The embedded store links Debian's SQLite (libsqlite3-dev): installed when missing and apt-get can
# (as root); otherwise says what to install. Sourced by scripts/demo.sh and scripts/test.sh.
if [ ! -f /usr/include/sqlite3.h ]; then
    if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
        DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libsqlite3-dev >/dev/null
    else
        echo "adem needs SQLite's development files: apt-get install libsqlite3-dev (as root)" >&2
        exit 1
    fi
fi
