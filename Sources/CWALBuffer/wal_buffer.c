// A thin SQLite VFS over the default one that gathers what a transaction appends to its write-ahead
// log in memory and writes it to the file in a few large writes, instead of two calls per frame.
//
// Why: SQLite writes each WAL frame as two pwrite calls (its 24-byte header, then the page), so a
// daily-run chunk that changes 500 pages costs 1,000 system calls at commit. Gathered, a few.
//
// Why it is safe: only the "-wal" file is buffered, only a run of appends is gathered (SQLite
// rewriting a frame or a checksum in place, or the header of a restarted log, goes to the file at
// once), and the buffer is written out
//   - with the page of a commit frame (a frame header whose "database size after commit" is not
//     zero), so a failed write is reported by that write and SQLite rolls the transaction back;
//   - before any other operation on the log (read, sync, truncate, size, file control, close), so
//     SQLite's own reads of frames it spilled mid-transaction, checkpoints and recovery see the file
//     exactly as without the buffer;
//   - before SQLite publishes new frames to readers: publishing writes the WAL index header in two
//     copies with a memory barrier between them (xShmBarrier on the database file), and every lock
//     change on the WAL index goes through xShmLock on the database file; both write the log out
//     first, so no reader, in this process or another, can learn of a frame not yet in the file;
//   - when the run would outgrow the buffer.
// A process killed before its commit frame was written leaves a log without that commit, which
// SQLite's recovery ignores, as it ignores a torn tail without the buffer.
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "wal_buffer.h"

const char *const adem_wal_buffer_vfs_name = "adem-walbuffer";

// The unix VFS writes at most 128 KiB - 1 bytes a call (it masks larger lengths and reports the
// rest as a full disk), so the buffer goes out in pieces of 124 KiB.
enum { bufferCapacity = 8 * 1024 * 1024, frameHeaderBytes = 24, writeBytesMax = 124 * 1024 };

typedef struct BufferedFile BufferedFile;
struct BufferedFile {
    sqlite3_file base;
    sqlite3_file *real;         // the default VFS's file, allocated right after this struct
    int isLog;                  // opened as a write-ahead log
    unsigned char *buffer;      // a log's pending bytes, starting at `start`
    sqlite3_int64 start;
    int length;
    sqlite3_int64 written;      // where the last write to the log ended (-1: none yet)
    int commitPageNext;         // the last append was a commit frame's header: its page ends the commit
    BufferedFile *log;          // a database file's open log (through this VFS), if any
    BufferedFile *database;     // a log's database file (through this VFS), if any
};

static sqlite3_vfs *defaultVFS;
static sqlite3_vfs bufferedVFS;
static sqlite3_io_methods bufferedMethods;

// A diagnostic: with ADEM_WAL_TRACE=FILE set when the VFS is registered, the first 8 bytes of every
// frame header appended to a log (the page number and, for a commit frame, the database size after
// the commit; both big-endian) are written to FILE. `scripts/wal-frames.py` maps the pages to the
// tables and indexes they belong to. Off unless set.
static FILE *frameTrace;

static int writePieces(BufferedFile *file, const unsigned char *data, int amount, sqlite3_int64 offset) {
    int status = SQLITE_OK;
    for (int done = 0; done < amount && status == SQLITE_OK; done += writeBytesMax) {
        int piece = amount - done < writeBytesMax ? amount - done : writeBytesMax;
        status = file->real->pMethods->xWrite(file->real, data + done, piece, offset + done);
    }
    return status;
}

static int flush(BufferedFile *file) {
    if (file->length == 0) return SQLITE_OK;
    int status = writePieces(file, file->buffer, file->length, file->start);
    file->length = 0;
    return status;
}

// Writes out what `file` has pending; returns SQLite's error from the calling method if that fails.
#define WRITE_OUT_FIRST(file) \
    do { \
        int written = flush(file); \
        if (written != SQLITE_OK) return written; \
    } while (0)

static int bufferedClose(sqlite3_file *handle) {
    BufferedFile *file = (BufferedFile *)handle;
    int flushed = flush(file);
    if (file->database != NULL) file->database->log = NULL;
    if (file->log != NULL) file->log->database = NULL;
    int closed = file->real->pMethods->xClose(file->real);
    free(file->buffer);
    file->buffer = NULL;
    return flushed != SQLITE_OK ? flushed : closed;
}

static int bufferedRead(sqlite3_file *handle, void *data, int amount, sqlite3_int64 offset) {
    BufferedFile *file = (BufferedFile *)handle;
    WRITE_OUT_FIRST(file);
    return file->real->pMethods->xRead(file->real, data, amount, offset);
}

static int bufferedWrite(sqlite3_file *handle, const void *data, int amount, sqlite3_int64 offset) {
    BufferedFile *file = (BufferedFile *)handle;
    if (!file->isLog) return file->real->pMethods->xWrite(file->real, data, amount, offset);
    // Only a run of appends is gathered: a write that continues the pending run, or starts right
    // where the last write ended. Anything else (SQLite rewriting a frame or a checksum in place, the
    // header of a restarted log) goes to the file at once, after what is pending.
    int appends = file->length > 0 ? offset == file->start + file->length : offset == file->written;
    file->written = offset + amount;
    // The page after a commit frame's header ends the transaction's frames: they are written out
    // with it, so that a failure is reported by this write, as SQLite expects, not later.
    int endsCommit = file->commitPageNext;
    const unsigned char *bytes = data;
    if (frameTrace != NULL && amount == frameHeaderBytes) fwrite(bytes, 1, 8, frameTrace);
    file->commitPageNext = amount == frameHeaderBytes && (bytes[4] | bytes[5] | bytes[6] | bytes[7]) != 0;
    if (!appends || file->length + amount > bufferCapacity) {
        WRITE_OUT_FIRST(file);
        if (!appends || amount > bufferCapacity) return writePieces(file, data, amount, offset);
    }
    if (file->buffer == NULL && (file->buffer = malloc(bufferCapacity)) == NULL) return SQLITE_IOERR_NOMEM;
    if (file->length == 0) file->start = offset;
    memcpy(file->buffer + file->length, data, (size_t)amount);
    file->length += amount;
    return endsCommit ? flush(file) : SQLITE_OK;
}

static int bufferedTruncate(sqlite3_file *handle, sqlite3_int64 size) {
    BufferedFile *file = (BufferedFile *)handle;
    WRITE_OUT_FIRST(file);
    return file->real->pMethods->xTruncate(file->real, size);
}

static int bufferedSync(sqlite3_file *handle, int flags) {
    BufferedFile *file = (BufferedFile *)handle;
    WRITE_OUT_FIRST(file);
    return file->real->pMethods->xSync(file->real, flags);
}

static int bufferedFileSize(sqlite3_file *handle, sqlite3_int64 *size) {
    BufferedFile *file = (BufferedFile *)handle;
    WRITE_OUT_FIRST(file);
    return file->real->pMethods->xFileSize(file->real, size);
}

static int bufferedLock(sqlite3_file *handle, int level) {
    BufferedFile *file = (BufferedFile *)handle;
    return file->real->pMethods->xLock(file->real, level);
}

static int bufferedUnlock(sqlite3_file *handle, int level) {
    BufferedFile *file = (BufferedFile *)handle;
    return file->real->pMethods->xUnlock(file->real, level);
}

static int bufferedCheckReservedLock(sqlite3_file *handle, int *reserved) {
    BufferedFile *file = (BufferedFile *)handle;
    return file->real->pMethods->xCheckReservedLock(file->real, reserved);
}

static int bufferedFileControl(sqlite3_file *handle, int operation, void *argument) {
    BufferedFile *file = (BufferedFile *)handle;
    WRITE_OUT_FIRST(file);
    if (operation == SQLITE_FCNTL_VFSNAME) {
        int forwarded = file->real->pMethods->xFileControl(file->real, operation, argument);
        if (forwarded == SQLITE_OK) {
            char *below = *(char **)argument;
            *(char **)argument = sqlite3_mprintf("%s/%z", adem_wal_buffer_vfs_name, below);
        }
        return forwarded;
    }
    return file->real->pMethods->xFileControl(file->real, operation, argument);
}

static int bufferedSectorSize(sqlite3_file *handle) {
    BufferedFile *file = (BufferedFile *)handle;
    return file->real->pMethods->xSectorSize(file->real);
}

static int bufferedDeviceCharacteristics(sqlite3_file *handle) {
    BufferedFile *file = (BufferedFile *)handle;
    return file->real->pMethods->xDeviceCharacteristics(file->real);
}

static int bufferedShmMap(sqlite3_file *handle, int region, int size, int extend, void volatile **memory) {
    BufferedFile *file = (BufferedFile *)handle;
    return file->real->pMethods->xShmMap(file->real, region, size, extend, memory);
}

static int bufferedShmLock(sqlite3_file *handle, int offset, int count, int flags) {
    BufferedFile *file = (BufferedFile *)handle;
    if (file->log != NULL) WRITE_OUT_FIRST(file->log);
    return file->real->pMethods->xShmLock(file->real, offset, count, flags);
}

static void bufferedShmBarrier(sqlite3_file *handle) {
    BufferedFile *file = (BufferedFile *)handle;
    // Nothing is pending here in practice (a commit's frames are written out with its last page);
    // this is the guarantee that none is published unwritten. A barrier cannot report an error, and
    // publishing frames that are not in the file would corrupt what readers see, so a failure here
    // stops the process: the transaction was not committed, and recovery finds the log as it was.
    if (file->log != NULL && flush(file->log) != SQLITE_OK) abort();
    file->real->pMethods->xShmBarrier(file->real);
}

static int bufferedShmUnmap(sqlite3_file *handle, int deleteFlag) {
    BufferedFile *file = (BufferedFile *)handle;
    return file->real->pMethods->xShmUnmap(file->real, deleteFlag);
}

static int bufferedFetch(sqlite3_file *handle, sqlite3_int64 offset, int amount, void **pointer) {
    BufferedFile *file = (BufferedFile *)handle;
    *pointer = NULL;
    if (file->real->pMethods->iVersion < 3) return SQLITE_OK;
    WRITE_OUT_FIRST(file);
    return file->real->pMethods->xFetch(file->real, offset, amount, pointer);
}

static int bufferedUnfetch(sqlite3_file *handle, sqlite3_int64 offset, void *pointer) {
    BufferedFile *file = (BufferedFile *)handle;
    if (file->real->pMethods->iVersion < 3) return SQLITE_OK;
    return file->real->pMethods->xUnfetch(file->real, offset, pointer);
}

static int bufferedOpen(sqlite3_vfs *vfs, sqlite3_filename name, sqlite3_file *handle, int flags, int *outFlags) {
    (void)vfs;
    BufferedFile *file = (BufferedFile *)handle;
    memset(file, 0, sizeof(BufferedFile));
    file->real = (sqlite3_file *)&file[1];
    file->written = -1;
    int status = defaultVFS->xOpen(defaultVFS, name, file->real, flags, outFlags);
    if (file->real->pMethods == NULL) return status;  // nothing opened: SQLite will not call xClose
    file->isLog = (flags & SQLITE_OPEN_WAL) != 0;
    if (file->isLog) {
        // The log's database file, when it was opened through this VFS too (it always is: a
        // connection opens all its files through one VFS). Its WAL-index calls write out the log.
        sqlite3_file *database = sqlite3_database_file_object(name);
        if (database != NULL && database->pMethods == &bufferedMethods) {
            file->database = (BufferedFile *)database;
            file->database->log = file;
        }
    }
    file->base.pMethods = &bufferedMethods;
    return status;
}

static int forwardDelete(sqlite3_vfs *vfs, const char *name, int syncDirectory) {
    (void)vfs;
    return defaultVFS->xDelete(defaultVFS, name, syncDirectory);
}

static int forwardAccess(sqlite3_vfs *vfs, const char *name, int flags, int *result) {
    (void)vfs;
    return defaultVFS->xAccess(defaultVFS, name, flags, result);
}

static int forwardFullPathname(sqlite3_vfs *vfs, const char *name, int size, char *out) {
    (void)vfs;
    return defaultVFS->xFullPathname(defaultVFS, name, size, out);
}

static void *forwardDlOpen(sqlite3_vfs *vfs, const char *name) { (void)vfs; return defaultVFS->xDlOpen(defaultVFS, name); }
static void forwardDlError(sqlite3_vfs *vfs, int size, char *message) { (void)vfs; defaultVFS->xDlError(defaultVFS, size, message); }
static void (*forwardDlSym(sqlite3_vfs *vfs, void *library, const char *symbol))(void) {
    (void)vfs;
    return defaultVFS->xDlSym(defaultVFS, library, symbol);
}
static void forwardDlClose(sqlite3_vfs *vfs, void *library) { (void)vfs; defaultVFS->xDlClose(defaultVFS, library); }
static int forwardRandomness(sqlite3_vfs *vfs, int size, char *out) { (void)vfs; return defaultVFS->xRandomness(defaultVFS, size, out); }
static int forwardSleep(sqlite3_vfs *vfs, int microseconds) { (void)vfs; return defaultVFS->xSleep(defaultVFS, microseconds); }
static int forwardCurrentTime(sqlite3_vfs *vfs, double *now) { (void)vfs; return defaultVFS->xCurrentTime(defaultVFS, now); }
static int forwardGetLastError(sqlite3_vfs *vfs, int size, char *out) { (void)vfs; return defaultVFS->xGetLastError(defaultVFS, size, out); }
static int forwardCurrentTimeInt64(sqlite3_vfs *vfs, sqlite3_int64 *now) {
    (void)vfs;
    return defaultVFS->xCurrentTimeInt64(defaultVFS, now);
}

int adem_wal_buffer_register(void) {
    // Called once per process (the caller keeps it so); sqlite3_vfs_find and sqlite3_vfs_register
    // take SQLite's own lock.
    static int registered = 0;
    int status = SQLITE_OK;
    if (!registered) {
        defaultVFS = sqlite3_vfs_find(NULL);
        // Version 2 at least: xCurrentTimeInt64 is forwarded. (Its files are assumed to offer shared
        // memory, as the unix VFS's do; memory mapping is forwarded only when they offer it.)
        if (defaultVFS == NULL || defaultVFS->iVersion < 2) {
            status = SQLITE_ERROR;
        } else {
            bufferedMethods = (sqlite3_io_methods){
                .iVersion = 3, .xClose = bufferedClose, .xRead = bufferedRead, .xWrite = bufferedWrite,
                .xTruncate = bufferedTruncate, .xSync = bufferedSync, .xFileSize = bufferedFileSize,
                .xLock = bufferedLock, .xUnlock = bufferedUnlock, .xCheckReservedLock = bufferedCheckReservedLock,
                .xFileControl = bufferedFileControl, .xSectorSize = bufferedSectorSize,
                .xDeviceCharacteristics = bufferedDeviceCharacteristics, .xShmMap = bufferedShmMap,
                .xShmLock = bufferedShmLock, .xShmBarrier = bufferedShmBarrier, .xShmUnmap = bufferedShmUnmap,
                .xFetch = bufferedFetch, .xUnfetch = bufferedUnfetch,
            };
            bufferedVFS = (sqlite3_vfs){
                .iVersion = 2, .szOsFile = (int)sizeof(BufferedFile) + defaultVFS->szOsFile,
                .mxPathname = defaultVFS->mxPathname, .zName = adem_wal_buffer_vfs_name,
                .xOpen = bufferedOpen, .xDelete = forwardDelete, .xAccess = forwardAccess,
                .xFullPathname = forwardFullPathname, .xDlOpen = forwardDlOpen, .xDlError = forwardDlError,
                .xDlSym = forwardDlSym, .xDlClose = forwardDlClose, .xRandomness = forwardRandomness,
                .xSleep = forwardSleep, .xCurrentTime = forwardCurrentTime, .xGetLastError = forwardGetLastError,
                .xCurrentTimeInt64 = forwardCurrentTimeInt64,
            };
            status = sqlite3_vfs_register(&bufferedVFS, 0);
            if (status == SQLITE_OK) registered = 1;
            const char *tracePath = getenv("ADEM_WAL_TRACE");
            if (status == SQLITE_OK && tracePath != NULL && *tracePath != 0) frameTrace = fopen(tracePath, "wb");
        }
    }
    return status;
}

int adem_sqlite_memory_count_off(void) { return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); }
