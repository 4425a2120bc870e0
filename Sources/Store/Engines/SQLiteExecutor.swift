import CSQLite3
import Foundation
import Logging
import SQLKit
import Synchronization

/// SQLite in one file: one connection (Debian's libsqlite3, prepared statements reused), WAL journal,
/// `synchronous=NORMAL` (durable at checkpoints, never corrupt), serialised by a lock so a
/// transaction never interleaves with another task's query.
final class SQLiteExecutor: SQLExecutor {
    let engineName = "sqlite"
    private let connection: SQLite3Connection
    private let database: SQLite3Database
    private let lock = AsyncLock()
    /// The file, for a second connection that reads beside this one's write transaction.
    private let path: String
    /// A read-only executor: its transactions begin deferred and take no write lock.
    let readOnly: Bool
    /// The reading executor on the same file, opened on first use (`reader()`).
    private let readerSlot = Mutex<SQLiteExecutor?>(nil)
    /// Operations (`withDatabase`, `withTransaction`) started on this connection, and those of them
    /// that asked for a change mark (`changeMark`).
    private let operations = Mutex<(started: Int64, marked: Int64)>((0, 0))
    /// Failed checkpoints beside this writer already told (`reportCheckpointFailures`).
    private let checkpointFailuresReported = Mutex(0)
    /// Whether the writer runs with the rollback journal for a bulk load (`withBulkJournal`).
    private let rollbackJournal = Mutex(false)
    private let logger: Logger

    private init(connection: SQLite3Connection, path: String, readOnly: Bool) {
        self.connection = connection
        self.path = path
        self.readOnly = readOnly
        var logger = Logger(label: "adem.store.sqlite")
        logger.logLevel = .warning
        self.logger = logger
        self.database = SQLite3Database(connection: connection, logger: logger)
    }

    /// Opens (creating if needed) the database file at `path`, or an in-memory database for `:memory:`.
    /// `readOnly` opens a connection that only reads (`PRAGMA query_only`).
    static func open(path: String, readOnly: Bool = false) async throws -> SQLiteExecutor {
        let connection: SQLite3Connection
        do {
            connection = try SQLite3Connection(path: path)
        } catch let error as SQLite3Error {
            throw StoreError.cannotOpen(error.message)
        }
        do {
            try await writeWithLog(connection)
            for pragma in [
                "PRAGMA foreign_keys=ON", "PRAGMA cache_size=-\((readOnly ? readerCacheMiB : writerCacheMiB) * 1024)",
                "PRAGMA temp_store=MEMORY",
                // Checkpoint every 256 MB of WAL rather than every 4 MB: a page written by several
                // transactions is copied into the database file once. Measured: docs/decisions/0006.
                // A writer of a file checkpoints beside itself instead (below; 0013).
                "PRAGMA wal_autocheckpoint=\(checkpointFrames)",
            ] + (readOnly ? ["PRAGMA query_only=1"] : []) {
                try connection.execute(pragma, binds: []) { _, _ in }
            }
        } catch let error as SQLite3Error {
            connection.close()
            let held =
                isBusy(error) ? " (another program holds the store, as a large import does until it commits)" : ""
            throw StoreError.cannotOpen("\(path): \(error.message)\(held)")
        }
        if !readOnly, isFile(path), checkpointsBeside {
            _ = connection.checkpointBeside(path: path, frames: checkpointFrames)
        }
        return SQLiteExecutor(connection: connection, path: path, readOnly: readOnly)
    }

    /// How long a statement waits for another connection's lock before it fails with `SQLITE_BUSY`.
    static let busyTimeoutMilliseconds = 5_000

    /// How the store's connections write, as opened and again after a bulk load: they wait for other
    /// connections' locks, write through the log (WAL), and sync at checkpoints (`synchronous=NORMAL`:
    /// durable at checkpoints, never corrupt). `PRAGMA journal_mode=WAL` is tried again for as long
    /// as a statement waits for a lock: SQLite does not wait by itself for the lock this change needs,
    /// which a bulk load with the rollback journal holds until it commits (`withBulkJournal`). In a
    /// store already in WAL it changes nothing.
    private static func writeWithLog(_ connection: SQLite3Connection) async throws {
        try connection.execute("PRAGMA busy_timeout=\(busyTimeoutMilliseconds)", binds: []) { _, _ in }
        let deadline = ContinuousClock.now + .milliseconds(busyTimeoutMilliseconds)
        while true {
            do {
                try connection.execute("PRAGMA journal_mode=WAL", binds: []) { _, _ in }
                break
            } catch let error as SQLite3Error where isBusy(error) && ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }
        }
        try connection.execute("PRAGMA synchronous=NORMAL", binds: []) { _, _ in }
    }

    /// Another connection holds the lock the statement needed.
    static func isBusy(_ error: SQLite3Error) -> Bool { [SQLITE_BUSY, SQLITE_LOCKED].contains(error.code & 0xFF) }

    /// The log's growth, in pages, that starts a checkpoint: 256 MB of log rather than SQLite's 4 MB,
    /// so a page written by several transactions is copied into the database file once (0006).
    /// `ADEM_SQLITE_CHECKPOINT_FRAMES` sets another (the tests that kill runs use a small one, so
    /// their kills land in checkpoints).
    static let checkpointFrames: Int32 =
        ProcessInfo.processInfo.environment["ADEM_SQLITE_CHECKPOINT_FRAMES"].flatMap(Int32.init).map { max(1, $0) }
        ?? 65_536

    /// Whether a writing connection checkpoints on a thread beside it (docs/decisions/0013), unless
    /// `ADEM_SQLITE_CHECKPOINTS=writer` keeps SQLite's automatic checkpoints in its commits.
    static let checkpointsBeside = ProcessInfo.processInfo.environment["ADEM_SQLITE_CHECKPOINTS"] != "writer"

    /// A path naming a file of its own (not an in-memory or URI database).
    static func isFile(_ path: String) -> Bool { !path.isEmpty && path != ":memory:" && !path.hasPrefix("file:") }

    /// What the checkpoints beside this connection did.
    var checkpointCounts: CheckpointCounts { connection.checkpointCounts }

    /// The page cache of the connection that writes, in MiB: `ADEM_SQLITE_CACHE_MB`, else 64.
    ///
    /// The writer keeps its cache across its own commits. A larger one was measured and not made the
    /// default: 1 GiB ran the reference year 2% faster, the 100,000-dossier year 6% slower and the
    /// daily-run benchmark 8% slower, for 1.2 GB more memory (docs/performance.md, ninth sitting).
    /// A reading connection loses its cache whenever another connection has committed.
    static var writerCacheMiB: Int {
        ProcessInfo.processInfo.environment["ADEM_SQLITE_CACHE_MB"].flatMap(Int.init).map { max(1, $0) } ?? 64
    }

    /// The page cache of a connection that only reads, in MiB.
    static let readerCacheMiB = 64
    /// The page cache of the writer while a bulk import loads rows without their indexes, in MiB.
    static let bulkLoadCacheMiB = 64

    /// Changes only when something other than the operations that asked for the mark changed the
    /// file since: another connection's commit (SQLite's `data_version`, which a connection's own
    /// commits leave alone) or any other operation on this connection. Two transactions that each
    /// ask once, with nothing in between, see the same mark. Call it inside the asking operation.
    func changeMark(on database: any SQLDatabase) async throws -> Int64? {
        var version: Int64 = 0
        try connection.execute("PRAGMA data_version", binds: []) { _, values in
            if case .integer(let number) = values.first { version = number }
        }
        let local = operations.withLock { counts in
            counts.marked += 1
            return counts.started - counts.marked
        }
        return version << 32 | (local & 0xFFFF_FFFF)
    }

    /// A second connection to the same file that reads the last committed state while this one
    /// writes (WAL lets readers and one writer work at once); nil for an in-memory database, whose
    /// second connection would be another database.
    func reader() async throws -> (any SQLExecutor)? {
        guard !readOnly, Self.isFile(path), !rollbackJournal.withLock({ $0 }) else { return nil }
        if let open = readerSlot.withLock({ $0 }) { return open }
        let opened = try await Self.open(path: path, readOnly: true)
        return readerSlot.withLock { slot in
            if slot == nil { slot = opened }
            return slot
        }
    }

    func withDatabase<Result: Sendable>(_ body: (any SQLDatabase) async throws -> Result) async throws -> Result {
        let database = self.database
        return try await lock.withLock {
            operations.withLock { $0.started += 1 }
            return try await body(database)
        }
    }

    func withTransaction<Result: Sendable>(_ body: (any SQLDatabase) async throws -> Result) async throws -> Result {
        let connection = self.connection
        let database = self.database
        return try await lock.withLock {
            operations.withLock { $0.started += 1 }
            // IMMEDIATE takes the write lock up front, so two processes never deadlock on upgrade;
            // a reader's transaction is one snapshot and takes no lock.
            try connection.execute(readOnly ? "BEGIN" : "BEGIN IMMEDIATE", binds: []) { _, _ in }
            do {
                let result = try await body(database)
                try connection.execute("COMMIT", binds: []) { _, _ in }
                if !readOnly { reportCheckpointFailures() }
                return result
            } catch {
                try? connection.execute("ROLLBACK", binds: []) { _, _ in }
                throw error
            }
        }
    }

    /// Runs the rows through prepared statements (kept for the next call), binding the typed values
    /// straight into them: no statement text that grows with the rows, no re-parse. The caller holds
    /// the lock (it runs inside `withDatabase` or `withTransaction`).
    ///
    /// The rows go in groups of `insertGroupRows` per statement (`VALUES (...), (...)`), the rest
    /// one per statement, all in one savepoint (all rows or none): one statement run per group
    /// instead of per row. Measured (docs/performance.md, nineteenth sitting): the million-row
    /// import 9% faster, `bench run-day` 8% (its journal and outbox rows). Not for the tables in
    /// `tablesInsertedRowByRow`, where the grouped statement was slower.
    func insert(_ statement: MultiRowInsert, on database: any SQLDatabase) async throws {
        let rows = statement.rows
        guard !rows.isEmpty else { return }
        let group = Self.tablesInsertedRowByRow.contains(statement.table) ? 1 : Self.insertGroupRows
        let groups = group > 1 ? rows.count / group : 0
        func text(rows count: Int) -> String {
            MultiRowInsert(
                table: statement.table, columns: statement.columns, rows: rows.prefix(count), suffix: statement.suffix
            ).text(numbered: false)
        }
        try connection.allOrNone {
            if groups > 0 {
                try connection.stepEach(
                    text(rows: group),
                    rows: (0..<groups).lazy.map { number in
                        let start = rows.startIndex + number * group
                        return rows[start..<start + group].joined().lazy.map(Self.sqliteValue)
                    })
            }
            let rest = rows.dropFirst(groups * group)
            if !rest.isEmpty {
                try connection.stepEach(text(rows: 1), rows: rest.lazy.map { $0.lazy.map(Self.sqliteValue) })
            }
        }
    }

    /// Rows per statement of a grouped insert (`insert`); `ADEM_SQLITE_INSERT_GROUP=1` writes every
    /// row with a statement of its own, to compare.
    static let insertGroupRows =
        ProcessInfo.processInfo.environment["ADEM_SQLITE_INSERT_GROUP"].flatMap(Int.init).map { max(1, $0) } ?? 50

    /// Tables whose inserts run one row per statement: a new dossier row goes into three secondary
    /// indexes (two of them partial), and grouped it was slower (`bench run-day`'s book of 1,000,000
    /// dossiers: 5.2 s against 3.8 s to insert them; with no secondary index, grouped was faster).
    static let tablesInsertedRowByRow: Set<String> = ["dossiers"]

    func texts(_ statement: TypedStatement, column: String, on database: any SQLDatabase) async throws -> [String] {
        var texts: [String] = []
        try collectTexts(statement.text(numbered: false), binds: statement.binds, column: column, into: &texts)
        return texts
    }

    /// Runs `sql` with `binds` and appends the text of `column` in each result row to `texts`.
    private func collectTexts(_ sql: String, binds: [SQLValue], column: String, into texts: inout [String]) throws {
        try connection.execute(sql, binds: binds.map(Self.sqliteValue)) { columns, values in
            if let index = columns.firstIndex(of: column), case .text(let text) = values[index] { texts.append(text) }
        }
    }

    let runsInProcess = true

    func changed(eachOf template: String, rows: [[SQLValue]], on database: any SQLDatabase) async throws -> [Bool] {
        guard let first = rows.first else { return [] }
        let sql = TypedStatement(template: template, binds: first).text(numbered: false)
        return try connection.changesEach(sql, rows: rows.lazy.map { $0.lazy.map(Self.sqliteValue) }).map { $0 > 0 }
    }

    static func sqliteValue(_ value: SQLValue) -> SQLite3Value {
        switch value {
        case .integer(let number): return number.map { .integer($0) } ?? .null
        case .text(let text): return text.map { .text($0) } ?? .null
        }
    }

    /// A bulk load with SQLite's rollback journal instead of the log (docs/decisions/0011): the
    /// pages of a store that grows go once into the file (those beyond its old end need no journal),
    /// instead of once into the log and again into the file. Measured on a million-row import into a
    /// fresh store: 18.99 s against 21.67 s, and 207 MB against 302 MB. Only with the file to itself:
    /// when this writer has a reading connection open, or another process has the file open, the
    /// log stays and `body` runs as it would have. Meanwhile the file is this import's alone (others
    /// that open it wait, then fail as busy); the commit syncs fully (`synchronous=FULL`), then the
    /// log, its checkpoints and the reader come back. Killed on the way, the next opening of the
    /// file rolls the journal back before it turns the log on again.
    func withBulkJournal<Result: Sendable>(_ body: () async throws -> Result) async throws -> Result {
        guard !readOnly, Self.isFile(path), readerSlot.withLock({ $0 }) == nil, await enterRollbackJournal()
        else { return try await body() }
        do {
            let result = try await body()
            await restoreLog()
            return result
        } catch {
            await restoreLog()
            throw error
        }
    }

    /// Stops the checkpoints beside the writer (after their last copy, which empties the log) and turns
    /// to the rollback journal without waiting for other connections; false, with the log and its
    /// checkpoints as they were, when another connection keeps the file in WAL (or, told as a
    /// warning, when SQLite refuses the change for another reason: the load then runs with the log).
    private func enterRollbackJournal() async -> Bool {
        let connection = self.connection
        let path = self.path
        await lock.acquire()
        connection.stopCheckpointingBeside()
        reportCheckpointFailures()
        checkpointFailuresReported.withLock { $0 = 0 }
        var mode = "wal"
        do {
            try connection.execute("PRAGMA busy_timeout=0", binds: []) { _, _ in }
            try connection.execute("PRAGMA journal_mode=DELETE", binds: []) { _, values in
                if case .text(let text) = values.first { mode = text.lowercased() }
            }
            try connection.execute("PRAGMA busy_timeout=\(Self.busyTimeoutMilliseconds)", binds: []) { _, _ in }
            if mode == "delete" { try connection.execute("PRAGMA synchronous=FULL", binds: []) { _, _ in } }
        } catch {
            if !((error as? SQLite3Error).map(Self.isBusy) ?? false) {
                logger.warning("\(path): a bulk load writes with the log (\(error))")
            }
            mode = "wal"
        }
        if mode == "delete" { rollbackJournal.withLock { $0 = true } }
        await lock.release()
        if mode != "delete" { await restoreLog() }
        return mode == "delete"
    }

    /// The log again, as the store opens with it, and the checkpoints beside the writer. It never
    /// fails the load, which has committed or rolled back by now: when the log cannot come back (another
    /// process holds the file past the busy timeout), this connection keeps the rollback journal and
    /// says so, and the next opening of the store turns the log on again.
    private func restoreLog() async {
        let connection = self.connection
        let path = self.path
        await lock.acquire()
        do {
            try await Self.writeWithLog(connection)
            if Self.checkpointsBeside { _ = connection.checkpointBeside(path: path, frames: Self.checkpointFrames) }
            rollbackJournal.withLock { $0 = false }
        } catch {
            let message = "\(path) keeps the rollback journal after a bulk load (\(error))"
            logger.warning("\(message); it writes with its log again when it is next opened")
        }
        await lock.release()
    }

    func close() async throws {
        if let reader = readerSlot.withLock({ $0 }) { try await reader.close() }
        await lock.acquire()
        connection.close()
        reportCheckpointFailures()
        await lock.release()
    }

    /// Tells the operator (an error on standard error, through the store's logger) of checkpoints
    /// beside this writer that failed since the last time: once per commit that finds new ones, and
    /// at close, after the closing writer's last copy. A failed checkpoint loses nothing, but the log
    /// file grows until one succeeds.
    private func reportCheckpointFailures() {
        let counts = connection.checkpointCounts
        guard counts.failures > 0 else { return }
        let report = checkpointFailuresReported.withLock { reported in
            defer { reported = max(reported, counts.failures) }
            return counts.failureReport(path: path, since: reported)
        }
        if let report { logger.error("\(report)") }
    }
}
