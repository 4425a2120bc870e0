// Checkpoints beside the writer (docs/decisions/0013-checkpoints-beside-the-writer.md).
//
// SQLite's automatic checkpoint runs inside the COMMIT that lets the log pass its limit: the
// writing connection copies the whole log into the database file and waits for the file to reach
// the disk before its caller goes on. Here a thread with a connection of its own does that copy
// (a PASSIVE checkpoint, which never blocks a reader or the writer), and the writer, after its next
// commit, only copies the frames it appended meanwhile, so that its next transaction can start the
// log again from its beginning (SQLite restarts a log only once all of it is in the database file).
//
// The hook SQLite calls after every commit of the writer (sqlite3_wal_hook, which replaces the
// automatic checkpoint) decides, under one mutex with the thread:
//   - the log has grown by `frames` since the last copy and no copy runs: wake the thread;
//   - the thread has finished a copy: finish the tail on the writer's own connection, as SQLite's
//     automatic checkpoint does from the same hook.
// A crash or kill at any moment is as safe as with SQLite's own checkpoints: a checkpoint only
// copies committed frames, and a log is only restarted by the writer once all of it is copied.
#include <pthread.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include "wal_buffer.h"

enum { idle, copying, copied };

struct adem_checkpointer {
    pthread_t thread;
    pthread_mutex_t mutex;
    pthread_cond_t wake;
    sqlite3 *writer;
    sqlite3 *own;               // the thread's connection
    int frames;                 // log growth that starts a copy
    int state;                  // idle, copying (the thread works), copied (the writer finishes the tail)
    int stop;
    int mark;                   // frames of the log copied when the last copy finished
    adem_checkpoint_counts counts;
};

static void *run(void *argument) {
    adem_checkpointer *checkpointer = argument;
    pthread_mutex_lock(&checkpointer->mutex);
    while (1) {
        while (checkpointer->state != copying && !checkpointer->stop) {
            pthread_cond_wait(&checkpointer->wake, &checkpointer->mutex);
        }
        if (checkpointer->stop) break;
        int before = checkpointer->mark;
        pthread_mutex_unlock(&checkpointer->mutex);
        int log = 0, done = 0;
        int status = sqlite3_wal_checkpoint_v2(checkpointer->own, "main", SQLITE_CHECKPOINT_PASSIVE, &log, &done);
        pthread_mutex_lock(&checkpointer->mutex);
        checkpointer->counts.copies += 1;
        if (status == SQLITE_OK) {
            if (done > before) checkpointer->counts.framesCopiedBeside += done - before;
            checkpointer->mark = done;
        } else if (status != SQLITE_BUSY) {
            checkpointer->counts.failures += 1;
            checkpointer->counts.lastFailure = status;
        }
        checkpointer->state = copied;
    }
    pthread_mutex_unlock(&checkpointer->mutex);
    return NULL;
}

static int onCommit(void *context, sqlite3 *writer, const char *database, int frames) {
    adem_checkpointer *checkpointer = context;
    int finishTail = 0;
    pthread_mutex_lock(&checkpointer->mutex);
    // A log shorter than the mark was restarted: its frames count from zero again.
    if (frames < checkpointer->mark) {
        checkpointer->mark = 0;
        checkpointer->counts.restarts += 1;
    }
    if (checkpointer->state != copying && frames - checkpointer->mark >= checkpointer->frames) {
        checkpointer->state = copying;
        pthread_cond_signal(&checkpointer->wake);
    } else if (checkpointer->state == copied) {
        finishTail = 1;
    }
    pthread_mutex_unlock(&checkpointer->mutex);
    if (finishTail) {
        int log = 0, done = 0;
        int status = sqlite3_wal_checkpoint_v2(writer, database, SQLITE_CHECKPOINT_PASSIVE, &log, &done);
        pthread_mutex_lock(&checkpointer->mutex);
        checkpointer->counts.tails += 1;
        if (status == SQLITE_OK) checkpointer->mark = done;
        if (status != SQLITE_OK && status != SQLITE_BUSY) {
            checkpointer->counts.failures += 1;
            checkpointer->counts.lastFailure = status;
        }
        // A reader still on older frames keeps the rest in the log: the next commit tries again,
        // until all of it is copied (then the writer's next transaction restarts the log).
        if (status != SQLITE_OK || done >= log) checkpointer->state = idle;
        pthread_mutex_unlock(&checkpointer->mutex);
    }
    return SQLITE_OK;
}

adem_checkpointer *adem_checkpointer_start(sqlite3 *writer, const char *path, const char *vfs, int frames) {
    if (writer == NULL || path == NULL || frames < 1) return NULL;
    adem_checkpointer *checkpointer = calloc(1, sizeof(adem_checkpointer));
    if (checkpointer == NULL) return NULL;
    checkpointer->writer = writer;
    checkpointer->frames = frames;
    int status = sqlite3_open_v2(path, &checkpointer->own, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, vfs);
    // The same syncs as the writer's checkpoints (synchronous=NORMAL: the log before the copy, the
    // database file after it). Reading the schema once opens the log, which a checkpoint needs.
    if (status == SQLITE_OK) status = sqlite3_exec(checkpointer->own, "PRAGMA synchronous=NORMAL", NULL, NULL, NULL);
    if (status == SQLITE_OK) {
        status = sqlite3_exec(checkpointer->own, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
    }
    if (status != SQLITE_OK) {
        sqlite3_close_v2(checkpointer->own);
        free(checkpointer);
        return NULL;
    }
    pthread_mutex_init(&checkpointer->mutex, NULL);
    pthread_cond_init(&checkpointer->wake, NULL);
    if (pthread_create(&checkpointer->thread, NULL, run, checkpointer) != 0) {
        pthread_cond_destroy(&checkpointer->wake);
        pthread_mutex_destroy(&checkpointer->mutex);
        sqlite3_close_v2(checkpointer->own);
        free(checkpointer);
        return NULL;
    }
    sqlite3_wal_hook(writer, onCommit, checkpointer);
    return checkpointer;
}

adem_checkpoint_counts adem_checkpointer_counts(adem_checkpointer *checkpointer) {
    pthread_mutex_lock(&checkpointer->mutex);
    adem_checkpoint_counts counts = checkpointer->counts;
    pthread_mutex_unlock(&checkpointer->mutex);
    return counts;
}

adem_checkpoint_counts adem_checkpointer_stop(adem_checkpointer *checkpointer) {
    adem_checkpoint_counts counts = {0};
    if (checkpointer == NULL) return counts;
    // The writer's commits no longer ask for copies; a copy under way finishes first.
    sqlite3_wal_hook(checkpointer->writer, NULL, NULL);
    pthread_mutex_lock(&checkpointer->mutex);
    checkpointer->stop = 1;
    pthread_cond_signal(&checkpointer->wake);
    pthread_mutex_unlock(&checkpointer->mutex);
    pthread_join(checkpointer->thread, NULL);
    sqlite3_close_v2(checkpointer->own);
    // The last copy, which SQLite's close of the last connection would make too but without telling
    // anyone when it fails: a log the database file cannot take in is then counted, and so reported.
    int log = 0, done = 0;
    int status = sqlite3_wal_checkpoint_v2(checkpointer->writer, "main", SQLITE_CHECKPOINT_PASSIVE, &log, &done);
    counts = checkpointer->counts;
    if (status != SQLITE_OK && status != SQLITE_BUSY) {
        counts.failures += 1;
        counts.lastFailure = status;
    }
    pthread_cond_destroy(&checkpointer->wake);
    pthread_mutex_destroy(&checkpointer->mutex);
    free(checkpointer);
    return counts;
}
