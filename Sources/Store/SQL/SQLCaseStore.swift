import Domain
import Foundation
import Money
import PostgresNIO
import SQLKit

/// The case store over SQL: one implementation of `CaseStore` for both engines. Only connection
/// handling (`SQLExecutor`) and two column types in the first migration differ per engine.
struct SQLCaseStore: CaseStore {
    let executor: any SQLExecutor
    /// The transaction's database when this store is bound to one.
    let boundDatabase: (any SQLDatabase)?

    /// Most rows one multi-row statement carries: keeps binds below SQLite's 32,766 and
    /// PostgreSQL's 65,535 parameters for tables of up to 30 columns.
    static let rowsPerStatementMax = 1_000

    var engineName: String { executor.engineName }

    init(executor: any SQLExecutor, boundDatabase: (any SQLDatabase)? = nil) {
        self.executor = executor
        self.boundDatabase = boundDatabase
    }

    /// Runs `body` on the bound transaction, or alone when not bound.
    func run<Result: Sendable>(_ body: (any SQLDatabase) async throws -> Result) async throws -> Result {
        if let boundDatabase { return try await mapErrors { try await body(boundDatabase) } }
        return try await mapErrors { try await executor.withDatabase(body) }
    }

    func transaction<Result: Sendable>(_ body: (any CaseStore) async throws -> Result) async throws -> Result {
        if boundDatabase != nil { return try await body(self) }
        let executor = self.executor
        return try await mapErrors {
            try await executor.withTransaction { database in
                try await body(SQLCaseStore(executor: executor, boundDatabase: database))
            }
        }
    }

    func close() async throws { try await executor.close() }

    // MARK: Schema

    func schemaVersion() async throws -> Int {
        try await run { database in
            try await database.raw(SQLQueryString(Migrations.versionTable)).run()
            return try await Self.recordedSchemaVersion(database)
        }
    }

    /// The newest version in the version table, which exists.
    static func recordedSchemaVersion(_ database: any SQLDatabase) async throws -> Int {
        let row = try await database.raw("SELECT COALESCE(MAX(version), 0) AS version FROM adem_schema_version").first()
        return Int(try row?.decode(column: "version", as: Int64.self) ?? 0)
    }

    func migrate() async throws -> [Int] { try await migrate(through: Migrations.latestVersion) }

    /// Applies the migrations the database lacks up to and including `version` (tests build an older
    /// schema with it). Each migration, its statements and its `fill`, commits in one transaction
    /// with its row in the version table: a migration interrupted half-way leaves nothing behind.
    func migrate(through version: Int) async throws -> [Int] {
        let current = try await schemaVersion()
        guard current <= Migrations.latestVersion else {
            throw StoreError.schemaTooNew(databaseVersion: current, knownVersion: Migrations.latestVersion)
        }
        var applied: [Int] = []
        let engine = engineName
        for migration in Migrations.all where migration.version > current && migration.version <= version {
            try await transaction { store in
                let store = store as! SQLCaseStore
                try await store.run { database in
                    for statement in migration.statements(engine) {
                        try await database.raw(SQLQueryString(statement)).run()
                    }
                }
                try await migration.fill?(store)
                try await store.run { database in
                    try await database.raw(
                        """
                        INSERT INTO adem_schema_version (version, name, applied_at) VALUES (\(bind: Int64(migration.version)), \(bind: migration.name), \(bind: Self.now()))
                        """
                    ).run()
                }
            }
            applied.append(migration.version)
        }
        return applied
    }

    /// Wall-clock text for the version table (the store is the shell; the core never reads clocks).
    static func now() -> String { ISO8601DateFormatter().string(from: Date()) }

    // MARK: Helpers

    /// `WITH RECURSIVE name (d) AS (...)`: every distinct value of `column` in `table`, each found
    /// by one lookup in an index that leads with `column` (a loose index scan, on both engines),
    /// ending with a NULL row. A query that follows joins to it to look up each value (each day the
    /// journal or the outbox holds) instead of scanning the table.
    static func distinctValues(of column: String, in table: String, as name: String) -> String {
        """
        WITH RECURSIVE \(name) (d) AS (SELECT MIN(\(column)) FROM \(table) UNION ALL \
        SELECT (SELECT MIN(\(column)) FROM \(table) WHERE \(column) > \(name).d) FROM \(name) WHERE \(name).d IS NOT NULL)
        """
    }

    /// Inserts `rows` into `table` in statements of at most `rowsPerStatementMax` rows. The engine's
    /// executor binds the typed values its own way (SQLite directly, PostgreSQL through SQLKit).
    /// `suffix` follows each statement's values (an `ON CONFLICT` clause).
    func insertRows(_ table: String, columns: [String], rows: [[SQLValue]], suffix: String = "") async throws {
        guard !rows.isEmpty else { return }
        let executor = self.executor
        try await run { database in
            var start = 0
            while start < rows.count {
                let end = min(start + Self.rowsPerStatementMax, rows.count)
                try await executor.insert(
                    MultiRowInsert(table: table, columns: columns, rows: rows[start..<end], suffix: suffix), on: database)
                start = end
            }
        }
    }

    /// `body` with engine errors on unique keys turned into `StoreError.duplicate`.
    func mapErrors<Result>(_ body: () async throws -> Result) async throws -> Result {
        do {
            return try await body()
        } catch let error as SQLite3Error where error.isUniqueViolation {
            throw StoreError.duplicate(error.message)
        } catch let error as PSQLError where error.serverInfo?[.sqlState] == "23505" {
            throw StoreError.duplicate(error.serverInfo?[.detail] ?? error.serverInfo?[.message] ?? "a unique key")
        }
    }

    /// Values kept as JSON text (profiles, mandates, brands) in canonical form.
    static func json(_ value: some Encodable) throws -> String { try CanonicalJSONEncoder().encode(value) }

    static func decodeJSON<Value: Decodable>(_ type: Value.Type, _ text: String, what: String) throws -> Value {
        try readingJSON(what) { try CanonicalJSONDecoder().decode(type, from: text) }
    }

    /// The same for a type that reads its canonical JSON itself (a debtor's profile).
    static func decodeJSON<Value: CanonicalJSONReadable>(_ type: Value.Type, _ text: String, what: String) throws
        -> Value
    {
        try readingJSON(what) { try CanonicalJSONDecoder().decode(type, from: text) }
    }

    /// What `read` gives, its error said as a store that cannot read `what`.
    static func readingJSON<Value>(_ what: String, _ read: () throws -> Value) throws -> Value {
        do {
            return try read()
        } catch {
            throw StoreError.unreadable("\(what): \(error)")
        }
    }

    static func day(_ value: Int64?) -> Day? { value.map { Day(daysSinceEpoch: Int($0)) } }
}

extension SQLCaseStore {
    /// Runs one statement as given (administration in tests and tools: CREATE DATABASE and the like).
    func execute(_ statement: String) async throws {
        try await run { database in try await database.raw(SQLQueryString(statement)).run() }
    }
}
