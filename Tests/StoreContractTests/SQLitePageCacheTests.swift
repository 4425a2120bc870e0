import Foundation
import SQLKit
import Testing

@testable import Store

/// The page caches of a SQLite store: 64 MiB for the connection that writes unless
/// `ADEM_SQLITE_CACHE_MB` says otherwise, 64 MiB for the read-ahead connection (SQLite empties its
/// cache after every other connection's commit), and 64 MiB while a bulk import loads rows without
/// their indexes, the writer's own size again once they are built.
@Suite struct SQLitePageCacheTests {
    /// `PRAGMA cache_size` of `database`'s connection: negative is KiB.
    func cacheSize(_ database: any SQLDatabase) async throws -> Int64? {
        try await database.raw("PRAGMA cache_size").first()?.decode(column: "cache_size", as: Int64.self)
    }

    func cacheSize(_ executor: any SQLExecutor) async throws -> Int64? {
        try await executor.withDatabase { database in try await cacheSize(database) }
    }

    @Test func theWriterTakesItsCacheFromTheSettingAndTheReaderASmallOne() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("adem-cache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let executor = try await SQLiteExecutor.open(path: folder.appendingPathComponent("c.sqlite").path)
        let store = SQLCaseStore(executor: executor)
        _ = try await store.migrate()
        if ProcessInfo.processInfo.environment["ADEM_SQLITE_CACHE_MB"] == nil { #expect(SQLiteExecutor.writerCacheMiB == 64) }
        let writer = Int64(-SQLiteExecutor.writerCacheMiB * 1024)
        #expect(try await cacheSize(executor) == writer)
        let reader = try #require(try await executor.reader())
        #expect(try await cacheSize(reader) == -64 * 1024)

        // A bulk import into the empty store sets its indexes aside with a small cache, and gets
        // the writer's cache back with them.
        try await store.transaction { transaction in
            let bulk = transaction as! SQLCaseStore
            let suspended = try await bulk.suspendIndexes(forClaims: 1_000)
            #expect(!suspended.names.isEmpty)
            // Inside the transaction, through the transaction's own connection.
            #expect(try await bulk.run { database in try await cacheSize(database) } == -64 * 1024)
            try await bulk.restoreIndexes(suspended)
            #expect(try await bulk.run { database in try await cacheSize(database) } == writer)
        }
        try await store.close()
    }
}
