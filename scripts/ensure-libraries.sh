#!/usr/bin/env bash
# adem links two Debian C libraries: SQLite for the embedded store (libsqlite3-dev) and jemalloc as
# its allocator (libjemalloc-dev). Installed when missing and apt-get can (as root); otherwise says
# what to install. Sourced by scripts/demo.sh and scripts/test.sh, which also install with
# `apt_install`.

# Installs Debian packages quietly. A fresh machine may have no package lists yet: the first attempt
# stays silent, and only the one after `apt-get update` reports why it failed.
apt_install() {
    local install=(env DEBIAN_FRONTEND=noninteractive DEBCONF_NOWARNINGS=yes
        apt-get install -y --no-install-recommends "$@")
    "${install[@]}" >/dev/null 2>&1 || { apt-get update -qq && "${install[@]}" >/dev/null; }
}

missing=()
[ -f /usr/include/sqlite3.h ] || missing+=(libsqlite3-dev)
[ -f /usr/include/jemalloc/jemalloc.h ] || missing+=(libjemalloc-dev)
if [ ${#missing[@]} -gt 0 ]; then
    if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
        apt_install "${missing[@]}"
    else
        echo "adem needs these development files: apt-get install ${missing[*]} (as root)" >&2
        exit 1
    fi
fi
