#!/usr/bin/env python3
"""Which tables and indexes a run's log frames went to.

    ADEM_WAL_TRACE=/tmp/frames adem simulate ... --db /tmp/year.sqlite
    scripts/wal-frames.py /tmp/year.sqlite /tmp/frames

The trace holds 8 bytes per frame SQLite appended to the store's write-ahead log (page number and,
for a commit frame, the database size after the commit; `Sources/CWALBuffer/wal_buffer.c`). Pages
are mapped to their B-tree through SQLite's `dbstat` table on the store as it is at the end, so a
page freed and reused for another B-tree during the run counts for the later one. Commits are
grouped by what they wrote: a daily-run chunk (`run_chunks`), an import (`imports`), the rest.
"""
import collections
import sqlite3
import struct
import sys


def main(store, trace):
    owner = dict((page, name) for name, page in sqlite3.connect(store).execute("SELECT name, pageno FROM dbstat"))
    data = open(trace, "rb").read()
    frames = collections.Counter()
    by_kind = collections.defaultdict(collections.Counter)
    commits = collections.Counter()
    pending = []
    for offset in range(0, len(data) - len(data) % 8, 8):
        page, size_after = struct.unpack_from(">II", data, offset)
        pending.append(owner.get(page, "(free or new)"))
        if size_after:
            names = set(pending)
            kind = "daily run" if "run_chunks" in names else "import" if "imports" in names else "other"
            commits[kind] += 1
            by_kind[kind].update(pending)
            frames.update(pending)
            pending = []
    total = sum(frames.values())
    print(f"{total:,} frames in {sum(commits.values()):,} commits")
    for name, count in frames.most_common(20):
        print(f"{count:>10,} {100 * count / total:5.1f}%  {name}")
    for kind, counter in sorted(by_kind.items()):
        kind_total = sum(counter.values())
        print(f"\n{kind}: {commits[kind]:,} commits, {kind_total:,} frames, {kind_total / commits[kind]:.0f} a commit")
        for name, count in counter.most_common(8):
            print(f"{count:>10,} {100 * count / kind_total:5.1f}%  {name}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: wal-frames.py STORE.sqlite TRACE")
    main(sys.argv[1], sys.argv[2])
