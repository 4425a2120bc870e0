#ifndef ADEM_WAL_BUFFER_H
#define ADEM_WAL_BUFFER_H

/// Registers the SQLite VFS "adem-walbuffer" (call it once per process, not from two threads at
/// once): the default VFS, except that the frames a transaction appends to its write-ahead log
/// reach the file in a few large writes when its commit frame is written, instead of two writes per
/// frame (docs/decisions/0009-sqlite-log-writes.md). Returns SQLITE_OK or SQLite's error.
int adem_wal_buffer_register(void);

/// The name to pass to sqlite3_open_v2 to open a connection through that VFS.
extern const char *const adem_wal_buffer_vfs_name;

/// Turns off SQLite's count of the memory it holds (SQLITE_CONFIG_MEMSTATUS), which takes one
/// process-wide lock on every allocation: two connections working on two threads wait for each
/// other there. Call it before SQLite initialises (before any connection or VFS call); returns
/// SQLITE_OK, or SQLITE_MISUSE when SQLite was initialised already (the count then stays on).
int adem_sqlite_memory_count_off(void);

#endif
