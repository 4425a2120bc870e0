import Foundation
import PostgresNIO

/// Where a case store lives.
public enum StoreLocation: Hashable, Sendable, CustomStringConvertible {
    /// A SQLite file (or `:memory:`).
    case sqlite(path: String)
    /// A PostgreSQL database, `postgres://user:password@host:port/database`.
    case postgres(url: String)

    public var description: String {
        switch self {
        case .sqlite(let path): return path
        case .postgres(let url): return Self.redacted(url)
        }
    }

    /// The URL with any password replaced by `***`.
    static func redacted(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.password != nil else { return url }
        components.password = "***"
        return components.string ?? url
    }
}

/// Opens case stores: the composition root picks the engine from configuration.
public enum CaseStores {
    /// Opens the store at `location`, runs `body`, and closes the store whatever happens.
    ///
    /// For PostgreSQL the client's `run()` loop runs in a task group beside `body` and is
    /// cancelled when `body` returns; for SQLite the connection is closed explicitly.
    public static func withStore<Result: Sendable>(
        _ location: StoreLocation, _ body: (any CaseStore) async throws -> Result
    ) async throws -> Result {
        switch location {
        case .sqlite(let path):
            let executor = try await SQLiteExecutor.open(path: path)
            let store = SQLCaseStore(executor: executor)
            do {
                let result = try await body(store)
                try await store.close()
                return result
            } catch {
                try? await store.close()
                throw error
            }
        case .postgres(let url):
            let executor = try PostgresExecutor(url: url)
            return try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await executor.client.run() }
                defer { group.cancelAll() }
                return try await body(SQLCaseStore(executor: executor))
            }
        }
    }
}
