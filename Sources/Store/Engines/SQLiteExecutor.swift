import Logging
import NIOCore
import NIOPosix
import SQLKit
import SQLiteKit
import SQLiteNIO

/// SQLite in one file: one connection, WAL journal, `synchronous=NORMAL` (durable at checkpoints,
/// never corrupt), serialised by a lock so a transaction never interleaves with another task's query.
final class SQLiteExecutor: SQLExecutor {
    let engineName = "sqlite"
    private let connection: SQLiteConnection
    private let database: any SQLDatabase
    private let lock = AsyncLock()

    private init(connection: SQLiteConnection) {
        self.connection = connection
        self.database = connection.sql(queryLogLevel: nil)
    }

    /// Opens (creating if needed) the database file at `path`, or an in-memory database for `:memory:`.
    static func open(path: String) async throws -> SQLiteExecutor {
        let storage: SQLiteConnection.Storage = path == ":memory:" ? .memory : .file(path: path)
        var logger = Logger(label: "adem.store.sqlite")
        logger.logLevel = .warning
        let connection = try await SQLiteConnection.open(storage: storage, logger: logger)
        let executor = SQLiteExecutor(connection: connection)
        do {
            for pragma in [
                "PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA busy_timeout=5000",
                "PRAGMA foreign_keys=ON", "PRAGMA cache_size=-65536", "PRAGMA temp_store=MEMORY",
            ] {
                try await executor.database.raw(SQLQueryString(pragma)).run()
            }
        } catch {
            try? await connection.close()
            throw error
        }
        return executor
    }

    func withDatabase<Result: Sendable>(_ body: (any SQLDatabase) async throws -> Result) async throws -> Result {
        let database = self.database
        return try await lock.withLock { try await body(database) }
    }

    func withTransaction<Result: Sendable>(_ body: (any SQLDatabase) async throws -> Result) async throws -> Result {
        let database = self.database
        return try await lock.withLock {
            // IMMEDIATE takes the write lock up front, so two processes never deadlock on upgrade.
            try await database.raw("BEGIN IMMEDIATE").run()
            do {
                let result = try await body(database)
                try await database.raw("COMMIT").run()
                return result
            } catch {
                try? await database.raw("ROLLBACK").run()
                throw error
            }
        }
    }

    /// Binds the typed values straight into SQLite. The caller holds the lock (it runs inside
    /// `withDatabase` or `withTransaction`), so the connection is used by one task at a time.
    func insert(_ statement: MultiRowInsert, on database: any SQLDatabase) async throws {
        var binds: [SQLiteData] = []
        binds.reserveCapacity(statement.rows.count * statement.columns.count)
        for row in statement.rows {
            for value in row { binds.append(Self.sqliteData(value)) }
        }
        try await connection.query(statement.text(numbered: false), binds) { _ in }
    }

    func texts(_ statement: TypedStatement, column: String, on database: any SQLDatabase) async throws -> [String] {
        let collected = CollectedTexts()
        try await connection.query(statement.text(numbered: false), statement.binds.map(Self.sqliteData)) { row in
            if let text = row.column(column)?.string { collected.append(text) }
        }
        return collected.all
    }

    static func sqliteData(_ value: SQLValue) -> SQLiteData {
        switch value {
        case .integer(let number): return number.map { .integer(Int($0)) } ?? .null
        case .text(let text): return text.map { .text($0) } ?? .null
        }
    }

    func close() async throws {
        try await lock.withLock { [connection] in try await connection.close() }
    }
}
