import Foundation
import Logging
import PostgresKit
import PostgresNIO
import SQLKit

/// PostgreSQL through PostgresNIO's `PostgresClient` (a connection pool). The pool only works while
/// `client.run()` runs: `CaseStores.withStore` runs it in a task group around the caller's work.
final class PostgresExecutor: SQLExecutor {
    let engineName = "postgresql"
    let client: PostgresClient
    private let logger: Logger

    func reader() async throws -> (any SQLExecutor)? { nil }

    func withBulkJournal<Result: Sendable>(_ body: () async throws -> Result) async throws -> Result {
        try await body()
    }

    func changeMark(on database: any SQLDatabase) async throws -> Int64? { nil }

    init(url: String) throws {
        self.client = PostgresClient(configuration: try PostgresExecutor.configuration(url: url))
        var logger = Logger(label: "adem.store.postgres")
        logger.logLevel = .warning
        self.logger = logger
    }

    /// Reads `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE`.
    static func configuration(url text: String) throws -> PostgresClient.Configuration {
        guard let components = URLComponents(string: text),
            ["postgres", "postgresql"].contains(components.scheme ?? ""),
            let host = components.host, !host.isEmpty, let user = components.user
        else {
            throw StoreError.cannotOpen(
                "expected a URL like postgres://user:password@127.0.0.1:5432/database, got \(text)")
        }
        let database = String(components.path.drop(while: { $0 == "/" }))
        var configuration = PostgresClient.Configuration(
            host: host, port: components.port ?? 5432, username: user, password: components.password,
            database: database.isEmpty ? nil : database, tls: .disable)
        configuration.options.maximumConnections = 8
        return configuration
    }

    func withDatabase<Result: Sendable>(_ body: (any SQLDatabase) async throws -> Result) async throws -> Result {
        let logger = self.logger
        return try await client.withConnection { connection in
            try await body(connection.sql(queryLogLevel: nil, logger: logger))
        }
    }

    func withTransaction<Result: Sendable>(_ body: (any SQLDatabase) async throws -> Result) async throws -> Result {
        let logger = self.logger
        do {
            return try await client.withTransaction(logger: logger) { connection in
                try await body(connection.sql(queryLogLevel: nil, logger: logger))
            }
        } catch let error as PostgresTransactionError {
            // Surface the caller's own error (a StoreError.conflict, say), not the wrapper.
            throw error.closureError ?? error.commitError ?? error.beginError ?? error
        }
    }

    func insert(_ statement: MultiRowInsert, on database: any SQLDatabase) async throws {
        try await database.execute(sql: statement) { _ in }
    }

    func texts(_ statement: TypedStatement, column: String, on database: any SQLDatabase) async throws -> [String] {
        let collected = CollectedTexts()
        try await database.execute(sql: statement) { row in
            if let text = try? row.decode(column: column, as: String.self) { collected.append(text) }
        }
        return collected.all
    }

    let runsInProcess = false

    func changed(eachOf template: String, rows: [[SQLValue]], on database: any SQLDatabase) async throws -> [Bool] {
        var changed: [Bool] = []
        for row in rows {
            let statement = TypedStatement(template: template + " RETURNING CAST('1' AS TEXT) AS changed", binds: row)
            changed.append(!(try await texts(statement, column: "changed", on: database)).isEmpty)
        }
        return changed
    }

    func close() async throws {
        // The pool closes when the task running `client.run()` is cancelled (see CaseStores.withStore).
    }
}
