import SQLKit
import Testing

@testable import Store

/// What each engine's executor promises the shared SQL above it. Both engines.
@Suite struct ExecutorContractTests {
    /// `changed(eachOf:)` tells, per row, whether the guarded single-row UPDATE matched: a stale
    /// version or an unknown key changes nothing and says so; the rows that matched are written.
    @Test(arguments: Engine.covered)
    func eachGuardedUpdateSaysWhetherItMatched(engine: Engine) async throws {
        try await StoreFixture.withFreshStore(engine) { store in
            let executor = (store as! SQLCaseStore).executor
            let m = TypedStatement.mark
            let versions: [String: Int64] = try await executor.withTransaction { database in
                try await database.raw("CREATE TABLE guarded (k TEXT PRIMARY KEY, version BIGINT NOT NULL)").run()
                try await database.raw("INSERT INTO guarded (k, version) VALUES ('a', 1), ('b', 1), ('c', 5)").run()
                let changed = try await executor.changed(
                    eachOf: "UPDATE guarded SET version = version + 1 WHERE k = \(m) AND version = \(m)",
                    rows: [
                        [.text("a"), .integer(1)], [.text("b"), .integer(2)], [.text("c"), .integer(5)],
                        [.text("z"), .integer(1)], [.text("a"), .integer(1)],
                    ], on: database)
                #expect(changed == [true, false, true, false, false])
                let delete = "DELETE FROM guarded WHERE k = \(m)"
                let none = try await executor.changed(eachOf: delete, rows: [], on: database)
                #expect(none == [])
                var versions: [String: Int64] = [:]
                for row in try await database.raw("SELECT k, version FROM guarded").all() {
                    let key = try row.decode(column: "k", as: String.self)
                    versions[key] = try row.decode(column: "version", as: Int64.self)
                }
                return versions
            }
            #expect(versions == ["a": 2, "b": 1, "c": 6])
        }
    }
}
