import CSQLite3
import CWALBuffer
import Foundation
import Money

/// A value as SQLite stores it.
enum SQLite3Value: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])
}

/// An error reported by SQLite, with its extended result code and message.
struct SQLite3Error: Error, CustomStringConvertible {
    /// The extended result code (`SQLITE_CONSTRAINT_UNIQUE` and so on).
    let code: Int32
    let message: String

    /// A UNIQUE or PRIMARY KEY constraint refused the write.
    var isUniqueViolation: Bool { code == Self.constraintUnique || code == Self.constraintPrimaryKey }

    // The extended codes are C macros Swift does not import: SQLITE_CONSTRAINT | (8 << 8), | (6 << 8).
    static let constraintUnique = SQLITE_CONSTRAINT | (8 << 8)
    static let constraintPrimaryKey = SQLITE_CONSTRAINT | (6 << 8)

    var description: String { "SQLite error \(code): \(message)" }
}

/// What the checkpoints beside a writing connection did (docs/decisions/0013).
struct CheckpointCounts: Equatable, Sendable {
    /// Copies of the log by the thread beside the writer.
    var copies = 0
    /// Tails of the log the writer copied after the thread's copies.
    var tails = 0
    /// Pages the thread copied.
    var framesCopiedBeside = 0
    /// Checkpoints that failed (other than finding another checkpoint under way).
    var failures = 0
    /// Commits that found the log started again from its beginning after a copy.
    var restarts = 0
    /// SQLite's result code of the last failed checkpoint; 0 when none failed.
    var lastFailure: Int32 = 0

    /// What an operator reads when checkpoints failed since `reported` failures were last told:
    /// how many, SQLite's reason, and what it means for the log file. Nil when none failed since.
    func failureReport(path: String, since reported: Int) -> String? {
        guard failures > reported else { return nil }
        let reason = String(cString: sqlite3_errstr(lastFailure))
        return """
            \(failures - reported) checkpoint(s) of \(path) failed (\(failures) in all; the last: \(reason), SQLite \
            error \(lastFailure)). Nothing committed is lost, but the log (\(path)-wal) keeps growing until a \
            checkpoint succeeds: check the disk's free space and the file's permissions, then `adem db check`.
            """
    }
}

/// One connection to one SQLite database through Debian's libsqlite3, with its prepared statements
/// kept by SQL text and reused (a statement is parsed and planned once, then only rebound).
///
/// Not thread-safe by itself: the owner (`SQLiteExecutor`) lets one task at a time use it, which is
/// what SQLite's multi-thread mode (`SQLITE_OPEN_NOMUTEX`) requires.
final class SQLite3Connection: @unchecked Sendable {
    private var handle: OpaquePointer?
    /// The thread that checkpoints beside this connection, when it writes a file (`checkpointBeside`).
    private var checkpointer: OpaquePointer?
    private var statements: [String: OpaquePointer] = [:]
    /// Time spent per statement text when `ADEM_SQLITE_PROFILE=1` (printed to standard error on close).
    private var profile: [String: (calls: Int, duration: Duration)]?
    /// Prepared statements kept at most; beyond it the cache is emptied (ad-hoc texts cannot grow it without bound).
    private static let cachedStatementsMax = 512

    /// Opens (creating if needed) the file at `path`, or an in-memory database for `:memory:`.
    init(path: String) throws {
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        var opened: OpaquePointer?
        let status = sqlite3_open_v2(path, &opened, flags, Self.logBufferingVFS)
        guard status == SQLITE_OK, let opened else {
            let message = opened.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(opened)
            throw SQLite3Error(code: status, message: "cannot open \(path): \(message)")
        }
        sqlite3_extended_result_codes(opened, 1)
        handle = opened
        if getenv("ADEM_SQLITE_PROFILE").map({ String(cString: $0) }) == "1" { profile = [:] }
    }

    deinit { close() }

    /// Whether SQLite runs without its count of the memory it holds (set when the first connection opens).
    nonisolated(unsafe) private(set) static var memoryCountOff = false

    /// The memory SQLite reports holding (`sqlite3_memory_used`): zero while its count is off.
    static var memoryHeld: Int64 { sqlite3_memory_used() }

    /// The VFS that writes a transaction's log frames in one call (docs/decisions/0009), registered
    /// once per process; nil (SQLite's default VFS) when `ADEM_SQLITE_LOG_BUFFER=0`, for comparing.
    /// Before that, the first thing this process asks of SQLite: no count of the memory it holds
    /// (docs/decisions/0012); `ADEM_SQLITE_MEMORY_COUNT=1` keeps the count, for comparing.
    private static let logBufferingVFS: String? = {
        if getenv("ADEM_SQLITE_MEMORY_COUNT").map({ String(cString: $0) }) != "1" {
            memoryCountOff = adem_sqlite_memory_count_off() == SQLITE_OK
        }
        if getenv("ADEM_SQLITE_LOG_BUFFER").map({ String(cString: $0) }) == "0" { return nil }
        let status = adem_wal_buffer_register()
        precondition(status == SQLITE_OK, "SQLite refused the log-buffering VFS (\(status))")
        return String(cString: adem_wal_buffer_vfs_name)
    }()

    /// Moves the checkpoints of this (writing) connection onto a thread with its own connection to
    /// `path`, started whenever the log has grown by `frames` pages since the last one
    /// (docs/decisions/0013); the commits of this connection then only copy what was appended while
    /// the thread copied. False, with SQLite's automatic checkpoint kept, when the thread cannot start.
    func checkpointBeside(path: String, frames: Int32) -> Bool {
        guard let handle, checkpointer == nil else { return checkpointer != nil }
        checkpointer = adem_checkpointer_start(handle, path, Self.logBufferingVFS, frames)
        return checkpointer != nil
    }

    /// What the checkpoints beside this connection did (zeros when they do not run); after `close`,
    /// the final counts, with the last copy the closing writer made.
    var checkpointCounts: CheckpointCounts {
        guard let checkpointer else { return closedCounts }
        return Self.counts(adem_checkpointer_counts(checkpointer))
    }

    /// The counts when the checkpointer stopped (`close`, `stopCheckpointingBeside`).
    private var closedCounts = CheckpointCounts()

    /// Stops the checkpoints beside this connection, after the last copy, as at close; `checkpointCounts`
    /// keeps the final counts until `checkpointBeside` starts them again, from zero.
    func stopCheckpointingBeside() {
        guard let checkpointer else { return }
        closedCounts = Self.counts(adem_checkpointer_stop(checkpointer))
        self.checkpointer = nil
    }

    private static func counts(_ counts: adem_checkpoint_counts) -> CheckpointCounts {
        CheckpointCounts(
            copies: Int(counts.copies), tails: Int(counts.tails), framesCopiedBeside: Int(counts.framesCopiedBeside),
            failures: Int(counts.failures), restarts: Int(counts.restarts), lastFailure: counts.lastFailure)
    }

    /// Finalises every statement and closes the connection; later calls fail with `SQLITE_MISUSE`.
    func close() {
        stopCheckpointingBeside()
        if let profile, handle != nil {
            var report = "SQLite statements by total time (ADEM_SQLITE_PROFILE):\n"
            for (sql, entry) in profile.sorted(by: { $0.value.duration > $1.value.duration }).prefix(25) {
                let text = sql.count > 110 ? String(sql.prefix(110)) + "..." : sql
                report += "\(String(format: "%9.3f s %9d calls", entry.duration.inSeconds, entry.calls))  \(text)\n"
            }
            FileHandle.standardError.write(Data(report.utf8))
        }
        for statement in statements.values { sqlite3_finalize(statement) }
        statements = [:]
        if let handle { sqlite3_close_v2(handle) }
        handle = nil
    }

    /// The VFS the main database file goes through, as SQLite names it (`adem-walbuffer/unix`), or
    /// nil for an in-memory database.
    var vfsName: String? {
        var name: UnsafeMutablePointer<CChar>?
        guard let handle, sqlite3_file_control(handle, "main", SQLITE_FCNTL_VFSNAME, &name) == SQLITE_OK, let name
        else { return nil }
        defer { sqlite3_free(name) }
        return String(cString: name)
    }

    /// The library's version, e.g. `3.40.1`.
    static var libraryVersion: String { String(cString: sqlite3_libversion()) }

    /// Runs `sql` (one statement, or several without binds) with `binds` for its parameters in
    /// order, calling `onRow` with each result row's column names and values.
    func execute<Binds: Collection<SQLite3Value>>(
        _ sql: String, binds: Binds, onRow: (_ columns: [String], _ values: [SQLite3Value]) throws -> Void
    ) throws {
        try profiled(sql, calls: 1) {
            if let statement = try preparedStatement(sql) {
                try run(statement, binds: binds, onRow: onRow)
            } else {
                guard binds.isEmpty else {
                    throw SQLite3Error(code: SQLITE_MISUSE, message: "binds given for a script of several statements")
                }
                try runScript(sql)
            }
        }
    }

    /// Runs the single statement `sql` (an UPDATE or DELETE) once per element of `rows` and returns,
    /// for each, how many rows it changed (`sqlite3_changes`). Cheaper than `RETURNING`, which makes
    /// SQLite gather the statement's result rows apart before handing back the first.
    func changesEach<Rows: Collection>(_ sql: String, rows: Rows) throws -> [Int]
    where Rows.Element: Collection<SQLite3Value> {
        guard !rows.isEmpty else { return [] }
        var changes: [Int] = []
        changes.reserveCapacity(rows.count)
        try profiled(sql, calls: rows.count) {
            let statement = try rowStatement(sql)
            for row in rows {
                try run(statement, binds: row) { _, _ in }
                changes.append(Int(sqlite3_changes(handle)))
            }
        }
        return changes
    }

    /// Runs the single statement `sql` once per element of `rows`, binding that row's values: a bulk
    /// write parsed once and stepped per row, without a statement text that grows with the rows.
    ///
    /// All rows or none, like one multi-row statement (`allOrNone`).
    func executeEach<Rows: Collection>(_ sql: String, rows: Rows) throws
    where Rows.Element: Collection<SQLite3Value> {
        guard !rows.isEmpty else { return }
        try allOrNone { try stepEach(sql, rows: rows) }
    }

    /// Runs `body`'s writes inside a savepoint: all of them or none, the savepoint rolled back when
    /// `body` throws. Outside a transaction the savepoint is the transaction (one commit, not one per
    /// statement); inside one, the transaction and its earlier work go on after a failure.
    func allOrNone(_ body: () throws -> Void) throws {
        // The savepoint first: preparing its text may empty the statement cache, which must not
        // happen between fetching a row statement and stepping it (`stepEach` does both at once).
        try execute("SAVEPOINT adem_rows", binds: []) { _, _ in }
        do {
            try body()
            // A failed release (the commit outside a transaction, say) is undone like a failed row.
            try execute("RELEASE adem_rows", binds: []) { _, _ in }
        } catch {
            try? execute("ROLLBACK TO adem_rows", binds: []) { _, _ in }
            try? execute("RELEASE adem_rows", binds: []) { _, _ in }
            throw error
        }
    }

    /// Steps the single statement `sql` once per element of `rows`, binding that row's values; with
    /// no savepoint of its own (callers wrap it in `allOrNone`).
    func stepEach<Rows: Collection>(_ sql: String, rows: Rows) throws
    where Rows.Element: Collection<SQLite3Value> {
        guard !rows.isEmpty else { return }
        try profiled(sql, calls: rows.count) {
            let statement = try rowStatement(sql)
            for row in rows { try run(statement, binds: row) { _, _ in } }
        }
    }

    /// The prepared statement of `sql` for running once per row: one statement, not a script.
    private func rowStatement(_ sql: String) throws -> OpaquePointer {
        guard let statement = try preparedStatement(sql) else {
            throw SQLite3Error(code: SQLITE_MISUSE, message: "a script of several statements cannot run per row")
        }
        return statement
    }

    /// Counts `body`'s time against `sql` when profiling.
    private func profiled(_ sql: String, calls: Int, _ body: () throws -> Void) throws {
        guard profile != nil else { return try body() }
        let start = ContinuousClock.now
        defer {
            let key = sql.count > 300 ? String(sql.prefix(300)) : sql
            profile![key, default: (0, .zero)].calls += calls
            profile![key, default: (0, .zero)].duration += ContinuousClock.now - start
        }
        try body()
    }

    /// The kept prepared statement for `sql`, preparing it on first use; nil when `sql` is a script
    /// of several statements (those are never kept).
    private func preparedStatement(_ sql: String) throws -> OpaquePointer? {
        if let statement = statements[sql] { return statement }
        guard let handle else { throw SQLite3Error(code: SQLITE_MISUSE, message: "the connection is closed") }
        return try sql.withCString { start -> OpaquePointer? in
            let end = start + sql.utf8.count
            var prepared: OpaquePointer?
            var tail: UnsafePointer<CChar>?
            let status = sqlite3_prepare_v3(
                handle, start, Int32(end - start), UInt32(SQLITE_PREPARE_PERSISTENT), &prepared, &tail)
            guard status == SQLITE_OK else { throw error(status) }
            guard let statement = prepared else { return nil }
            guard Self.isBlank(from: tail ?? end, to: end) else {
                sqlite3_finalize(statement)
                return nil
            }
            if statements.count >= Self.cachedStatementsMax {
                for cached in statements.values { sqlite3_finalize(cached) }
                statements = [:]
            }
            statements[sql] = statement
            return statement
        }
    }

    /// Runs a script of several statements (migrations) once each, without binds.
    private func runScript(_ sql: String) throws {
        guard let handle else { throw SQLite3Error(code: SQLITE_MISUSE, message: "the connection is closed") }
        try sql.withCString { start in
            let end = start + sql.utf8.count
            var cursor = start
            while cursor < end {
                var prepared: OpaquePointer?
                var tail: UnsafePointer<CChar>?
                let status = sqlite3_prepare_v2(handle, cursor, Int32(end - cursor), &prepared, &tail)
                guard status == SQLITE_OK else { throw error(status) }
                // No statement: only whitespace or a comment was left.
                guard let statement = prepared else { return }
                defer { sqlite3_finalize(statement) }
                try run(statement, binds: EmptyCollection()) { _, _ in }
                cursor = tail ?? end
            }
        }
    }

    private static func isBlank(from start: UnsafePointer<CChar>, to end: UnsafePointer<CChar>) -> Bool {
        var cursor = start
        while cursor < end {
            if ![32, 9, 10, 13, 59].contains(cursor.pointee) { return false }
            cursor += 1
        }
        return true
    }

    private func run<Binds: Collection<SQLite3Value>>(
        _ statement: OpaquePointer, binds: Binds,
        onRow: (_ columns: [String], _ values: [SQLite3Value]) throws -> Void
    ) throws {
        // Every parameter is bound again on each run. The texts and blobs are copied into one buffer
        // and bound from it (`SQLITE_STATIC`): bound as transient, SQLite would allocate and free a
        // copy of each value (this build of SQLite has no lookaside memory), tens of millions of
        // times in a large import. The bindings are cleared before the buffer goes.
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        let parameterCount = Int(sqlite3_bind_parameter_count(statement))
        guard parameterCount == binds.count else {
            throw SQLite3Error(
                code: SQLITE_RANGE, message: "the statement has \(parameterCount) parameters, \(binds.count) values given")
        }
        var bytes: [UInt8] = []
        var bound: [Bound] = []
        bound.reserveCapacity(parameterCount)
        for value in binds {
            switch value {
            case .null: bound.append(.null)
            case .integer(let number): bound.append(.integer(number))
            case .real(let number): bound.append(.real(number))
            case .text(let text):
                let offset = bytes.count
                bytes.append(contentsOf: text.utf8)
                bound.append(.text(offset: offset, count: bytes.count - offset))
            case .blob(let blob):
                bound.append(.blob(offset: bytes.count, count: blob.count))
                bytes.append(contentsOf: blob)
            }
        }
        // A pointer for the empty text and the empty blob ('' and x'', not NULL) when there are no bytes.
        if bytes.isEmpty { bytes.append(0) }
        try bytes.withUnsafeBufferPointer { buffer in
            try buffer.withMemoryRebound(to: CChar.self) { characters in
                let base = characters.baseAddress!
                for (index, value) in bound.enumerated() {
                    let position = Int32(index + 1)
                    let status: Int32
                    switch value {
                    case .null: status = sqlite3_bind_null(statement, position)
                    case .integer(let number): status = sqlite3_bind_int64(statement, position, number)
                    case .real(let number): status = sqlite3_bind_double(statement, position, number)
                    case .text(let offset, let count):
                        status = sqlite3_bind_text(statement, position, base + offset, Int32(count), Self.static)
                    case .blob(let offset, let count):
                        status = sqlite3_bind_blob(statement, position, base + offset, Int32(count), Self.static)
                    }
                    guard status == SQLITE_OK else { throw error(status) }
                }
                try step(statement, onRow: onRow)
            }
        }
    }

    /// A value as `run` binds it: texts and blobs by their place in the run's buffer.
    private enum Bound {
        case null
        case integer(Int64)
        case real(Double)
        case text(offset: Int, count: Int)
        case blob(offset: Int, count: Int)
    }

    /// Steps `statement` to its end, handing each row to `onRow`.
    private func step(
        _ statement: OpaquePointer, onRow: (_ columns: [String], _ values: [SQLite3Value]) throws -> Void
    ) throws {
        var columns: [String]?
        while true {
            let status = sqlite3_step(statement)
            if status == SQLITE_DONE { return }
            guard status == SQLITE_ROW else { throw error(status) }
            let count = Int(sqlite3_column_count(statement))
            if columns == nil {
                columns = (0..<count).map { String(cString: sqlite3_column_name(statement, Int32($0))) }
            }
            var values: [SQLite3Value] = []
            values.reserveCapacity(count)
            for column in 0..<Int32(count) {
                switch sqlite3_column_type(statement, column) {
                case SQLITE_INTEGER: values.append(.integer(sqlite3_column_int64(statement, column)))
                case SQLITE_FLOAT: values.append(.real(sqlite3_column_double(statement, column)))
                case SQLITE_TEXT:
                    let length = Int(sqlite3_column_bytes(statement, column))
                    let text = sqlite3_column_text(statement, column).map {
                        String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
                    }
                    values.append(.text(text ?? ""))
                case SQLITE_BLOB:
                    let length = Int(sqlite3_column_bytes(statement, column))
                    let bytes = sqlite3_column_blob(statement, column).map {
                        Array(UnsafeRawBufferPointer(start: $0, count: length))
                    }
                    values.append(.blob(bytes ?? []))
                default: values.append(.null)
                }
            }
            try onRow(columns!, values)
        }
    }

    private func error(_ status: Int32) -> SQLite3Error {
        let code = handle.map { sqlite3_extended_errcode($0) } ?? status
        let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(status))
        return SQLite3Error(code: code, message: message)
    }

    /// `SQLITE_STATIC` (no destructor): SQLite reads the bound bytes where they are, until the
    /// parameter is bound again or cleared.
    private static let `static`: sqlite3_destructor_type? = nil
}
