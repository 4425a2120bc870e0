import Testing

@testable import Store

/// `CaseStore.check` (`adem db check`): a new store is sound; a store that lacks an index the
/// migrations create, or whose schema is behind, is not, and the problem is named.
@Suite struct StoreCheckContractTests {
    @Test(arguments: Engine.covered)
    func aNewStoreIsSoundAndAMissingIndexIsNamed(engine: Engine) async throws {
        try await StoreFixture.withFreshStore(engine) { (store: any CaseStore) async throws in
            _ = try await Sample.seed(store, count: 3)
            let sound = try await store.check()
            #expect(sound.isSound, "\(sound.problems)")
            #expect(sound.schemaVersion == Migrations.latestVersion)
            // The same count on both engines: the migrations' own indexes, not those of keys.
            #expect(sound.indexes == (try await SQLCaseStore.migratedIndexNames()).count)
            #expect(sound.indexes > BulkImportContractTests.setAsideBySQLite.count)
            #expect(sound.integrityChecked == (engine == .sqlite))
            try await (store as! SQLCaseStore).execute("DROP INDEX journal_by_type")
            let lacking = try await store.check()
            #expect(lacking.problems == ["index journal_by_type is missing"])
            #expect(lacking.indexes == sound.indexes - 1)
        }
    }

    @Test(arguments: Engine.covered)
    func aSchemaBehindIsReported(engine: Engine) async throws {
        try await StoreFixture.withFreshStore(engine, schemaVersion: Migrations.latestVersion - 1) {
            (store: any CaseStore) async throws in
            let check = try await store.check()
            #expect(!check.isSound)
            #expect(check.problems.first?.contains("run `adem db migrate`") == true, "\(check.problems)")
        }
    }
}
