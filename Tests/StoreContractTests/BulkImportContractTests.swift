import Domain
import Foundation
import SQLKit
import Testing

@testable import Store

/// Setting indexes aside for a large import (`suspendIndexes`, `restoreIndexes`): SQLite drops the
/// secondary indexes the import never reads and builds them again before the commit; PostgreSQL
/// keeps them all. Either way the schema after the transaction is the schema before it, whether the
/// transaction commits or rolls back, and what was written reads back through the rebuilt indexes.
@Suite struct BulkImportContractTests {
    /// Every index of the store's own tables with its definition (key indexes included), by name.
    static func indexes(_ store: any CaseStore) async throws -> [String: String] {
        let sql =
            store.engineName == "sqlite"
            ? "SELECT name, COALESCE(sql, '') AS definition FROM sqlite_master WHERE type = 'index'"
            : "SELECT indexname AS name, indexdef AS definition FROM pg_indexes WHERE schemaname = 'public'"
        return try await (store as! SQLCaseStore).run { database in
            var found: [String: String] = [:]
            for row in try await database.raw(SQLQueryString(sql)).all() {
                found[try row.decode(column: "name", as: String.self)] = try row.decode(
                    column: "definition", as: String.self)
            }
            return found
        }
    }

    static let setAsideBySQLite = [
        "claims_by_dossier", "debtors_by_person", "debtors_by_reference", "dossiers_closed", "dossiers_due",
        "journal_by_day_dossier", "journal_by_type", "ledger_by_day_dossier",
    ]

    @Test(arguments: Engine.covered)
    func indexesSetAsideComeBackBeforeTheCommitAndServeTheRowsWrittenMeanwhile(engine: Engine) async throws {
        try await StoreFixture.withFreshStore(engine) { (store: any CaseStore) async throws in
            let before = try await Self.indexes(store)
            let set = try await store.transaction { store in
                let suspended = try await store.suspendIndexes(forClaims: 3)
                let during = try await Self.indexes(store)
                #expect(Set(during.keys) == Set(before.keys).subtracting(suspended.names))
                _ = try await Sample.seed(store, count: 3)
                try await store.restoreIndexes(suspended)
                return suspended.names
            }
            #expect(set == (engine == .sqlite ? Self.setAsideBySQLite : []))
            #expect(try await Self.indexes(store) == before)
            if engine == .sqlite {
                // The builds sorted in temporary files; the connection keeps its temporary data in
                // memory again afterwards (2, as SQLiteExecutor sets it).
                let setting = try await (store as! SQLCaseStore).run { database in
                    try await database.raw("PRAGMA temp_store").first()?.decode(column: "temp_store", as: Int64.self)
                }
                #expect(setting == 2)
            }
            // Read through the rebuilt indexes: by dossier, by due day, by type, by debtor reference.
            let dossier = Dossier.ID("ACME/D-2#1")
            #expect(try await store.claims(ofDossier: dossier).map(\.invoiceNumber) == ["F-2"])
            #expect(try await store.ledger(ofDossier: dossier).count == 1)
            #expect(try await store.journal(ofDossiers: [dossier]).map(\.type) == [.dossierOpened, .claimAdded])
            #expect(try await store.dossiersDue(on: Sample.day, after: nil, limit: 10).count == 3)
            #expect(try await store.countJournal(JournalFilter(type: .claimAdded)) == 3)
            #expect(try await store.debtors(reference: "D-3").map(\.id.rawValue) == ["ACME/D-3"])
        }
    }

    @Test(arguments: Engine.covered)
    func aRolledBackImportLeavesEveryIndexAsItWas(engine: Engine) async throws {
        struct Interrupted: Error {}
        try await StoreFixture.withFreshStore(engine) { (store: any CaseStore) async throws in
            let before = try await Self.indexes(store)
            await #expect(throws: Interrupted.self) {
                try await store.transaction { store in
                    _ = try await store.suspendIndexes(forClaims: 1_000)
                    _ = try await Sample.seed(store, count: 2)
                    throw Interrupted()
                }
            }
            #expect(try await Self.indexes(store) == before)
            #expect(try await store.counts().claims == 0)
        }
    }

    @Test(arguments: Engine.covered)
    func aStoreHoldingMoreClaimsThanAreComingKeepsItsIndexes(engine: Engine) async throws {
        try await StoreFixture.withFreshStore(engine) { (store: any CaseStore) async throws in
            _ = try await Sample.seed(store, count: 5)
            let kept = try await store.transaction { store in try await store.suspendIndexes(forClaims: 4) }
            #expect(kept.names.isEmpty)
            let more = try await store.transaction { store in
                let suspended = try await store.suspendIndexes(forClaims: 6)
                try await store.restoreIndexes(suspended)
                return suspended
            }
            #expect(more.names == (engine == .sqlite ? Self.setAsideBySQLite : []))
        }
    }

    /// SQLite's journal mode on the store's writing connection (`wal`, `delete`); nil on PostgreSQL.
    static func journalMode(_ store: any CaseStore) async throws -> String? {
        guard store.engineName == "sqlite" else { return nil }
        return try await (store as! SQLCaseStore).run { database in
            try await database.raw("PRAGMA journal_mode").first()?.decode(column: "journal_mode", as: String.self)
        }
    }

    /// A load that brings more claims than the store holds writes with SQLite's rollback journal (its
    /// pages go into the file once), then the store has its log back, with a reading connection again.
    @Test(arguments: Engine.covered)
    func aBulkLoadIntoASmallerStoreWritesWithoutTheLogAndGivesItBack(engine: Engine) async throws {
        try await StoreFixture.withFreshStore(engine) { (store: any CaseStore) async throws in
            let during = try await store.bulkLoading(claims: 3) {
                let mode = try await Self.journalMode(store)
                _ = try await store.transaction { store in try await Sample.seed(store, count: 3) }
                return mode
            }
            #expect(during == (engine == .sqlite ? "delete" : nil))
            #expect(try await Self.journalMode(store) == (engine == .sqlite ? "wal" : nil))
            #expect(try await store.counts().claims == 3)
            if engine == .sqlite {
                #expect(try await (store as! SQLCaseStore).executor.reader() != nil)
            }
            // Now the store holds as many as the next load brings: it keeps the log.
            let next = try await store.bulkLoading(claims: 3) { try await Self.journalMode(store) }
            #expect(next == (engine == .sqlite ? "wal" : nil))
        }
    }

    /// A connection reading beside the writer keeps the file in WAL: the load runs with the log.
    @Test func aBulkLoadBesideAReaderKeepsTheLog() async throws {
        try await StoreFixture.withFreshStore(.sqlite) { (store: any CaseStore) async throws in
            let reader = try await (store as! SQLCaseStore).executor.reader()
            #expect(reader != nil)
            let during = try await store.bulkLoading(claims: 3) {
                let mode = try await Self.journalMode(store)
                _ = try await store.transaction { store in try await Sample.seed(store, count: 3) }
                return mode
            }
            #expect(during == "wal")
            #expect(try await store.counts().claims == 3)
        }
    }

    /// A load that fails writes nothing, and the store has its log back.
    @Test(arguments: Engine.covered)
    func aFailedBulkLoadLeavesNothingAndTheLogBack(engine: Engine) async throws {
        struct Interrupted: Error {}
        try await StoreFixture.withFreshStore(engine) { (store: any CaseStore) async throws in
            await #expect(throws: Interrupted.self) {
                try await store.bulkLoading(claims: 1_000) {
                    try await store.transaction { store in
                        _ = try await Sample.seed(store, count: 2)
                        throw Interrupted()
                    }
                }
            }
            #expect(try await store.counts().claims == 0)
            #expect(try await Self.journalMode(store) == (engine == .sqlite ? "wal" : nil))
        }
    }

    /// A store opened while a bulk load holds it with the rollback journal waits for the load's
    /// commit (SQLite does not wait by itself for the lock that turning the log on needs) and then
    /// opens with its log; one held past the wait fails with a message that says why.
    @Test func openingWaitsForABulkLoadsCommitAndTellsWhenItCannot() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("adem-bulk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        /// A connection to a new file in `folder` that holds it with the rollback journal, as a bulk load does.
        func loading(_ name: String) throws -> SQLite3Connection {
            let load = try SQLite3Connection(path: folder.appendingPathComponent(name).path)
            for statement in ["PRAGMA journal_mode=DELETE", "CREATE TABLE t (k INTEGER)", "BEGIN EXCLUSIVE"] {
                _ = try rows(load, statement)
            }
            _ = try rows(load, "INSERT INTO t VALUES (1)")
            return load
        }
        let path = folder.appendingPathComponent("held.sqlite").path
        let load = try loading("held.sqlite")
        defer { load.close() }
        // On a thread of its own: opening blocks its thread in SQLite's busy wait, and with the
        // suite's other tests the task pool may have no thread left for the commit.
        let committed = DispatchSemaphore(value: 0)
        let committing = Thread {
            usleep(400_000)
            _ = try? rows(load, "COMMIT")
            committed.signal()
        }
        committing.start()
        let started = ContinuousClock.now
        let opened = try await SQLiteExecutor.open(path: path, readOnly: true)
        let waited = ContinuousClock.now - started
        committed.wait()
        #expect(waited >= .milliseconds(300), "opened after \(waited), before the load committed")
        let mode = try await opened.withDatabase { database in
            try await database.raw("PRAGMA journal_mode").first()?.decode(column: "journal_mode", as: String.self)
        }
        #expect(mode == "wal")
        try await opened.close()

        // Held past the wait: a clear refusal, after about the busy timeout.
        let held = try loading("held-long.sqlite")
        defer { held.close() }
        let heldPath = folder.appendingPathComponent("held-long.sqlite").path
        let refused = ContinuousClock.now
        do {
            _ = try await SQLiteExecutor.open(path: heldPath, readOnly: true)
            Issue.record("a store held by another connection opened")
        } catch StoreError.cannotOpen(let message) {
            #expect(message.contains("database is locked"), "\(message)")
            #expect(message.contains("another program holds the store"), "\(message)")
        }
        #expect(ContinuousClock.now - refused >= .milliseconds(SQLiteExecutor.busyTimeoutMilliseconds - 500))
    }
}
