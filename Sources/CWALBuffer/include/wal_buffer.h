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

#include <sqlite3.h>

/// Checkpoints beside the writer (docs/decisions/0013-checkpoints-beside-the-writer.md): a thread
/// with its own connection copies the log into the database file whenever the writer's log has
/// grown by `frames` since the last copy, and the writer only copies the frames it appended
/// meanwhile, from the commit hook, so that its next transaction starts the log again.
typedef struct adem_checkpointer adem_checkpointer;

/// What the checkpoints beside a writer did.
typedef struct {
    long long copies;              // copies by the thread
    long long tails;               // tails finished by the writer
    long long framesCopiedBeside;  // frames the thread copied
    long long failures;            // checkpoints that failed (other than busy)
    long long restarts;            // commits that found the log started again after a copy
    int lastFailure;               // SQLite's result code of the last failed checkpoint (0: none failed)
} adem_checkpoint_counts;

/// Opens a connection to `path` through `vfs` on a new thread and hooks `writer`'s commits
/// (sqlite3_wal_hook, which replaces SQLite's automatic checkpoint). Returns NULL, leaving the
/// writer as it was, when the connection or the thread cannot be had.
adem_checkpointer *adem_checkpointer_start(sqlite3 *writer, const char *path, const char *vfs, int frames);

/// The counts so far.
adem_checkpoint_counts adem_checkpointer_counts(adem_checkpointer *checkpointer);

/// Unhooks the writer, lets a copy under way finish, stops the thread and closes its connection,
/// then copies what is left of the log on the writer's connection (the copy SQLite's close would
/// make, with its failure counted). Returns the final counts. Call it before closing the writer.
adem_checkpoint_counts adem_checkpointer_stop(adem_checkpointer *checkpointer);

#endif
