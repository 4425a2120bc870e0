import Domain
import Money
import Store
import Testing

/// What payment intake and the simulation read and write in batches: dossiers by id, the ledger
/// transactions already booked, and dossiers woken by payments. Both engines.
@Suite struct IntakeContractTests {
    private func intake(_ store: any CaseStore) throws -> any IntakeStore {
        try #require(store as? any IntakeStore)
    }

    @Test(arguments: Engine.covered)
    func dossiersAreReadTogetherByID(engine: Engine) async throws {
        try await StoreFixture.withFreshStore(engine) { (store: any CaseStore) async throws in
            let seeded = try await Sample.seed(store, count: 3)
            let ids = [seeded[2].id, Dossier.ID("ACME/none#1"), seeded[0].id, seeded[2].id]
            let found = try await store.dossiers(ids)
            #expect(found == [seeded[0].id: seeded[0], seeded[2].id: seeded[2]])
            #expect(try await store.dossiers([]).isEmpty)
        }
    }

    /// Reads by a list of ids pad the list to one of a few lengths with its last id: every count
    /// still finds exactly the dossiers asked for, each once.
    @Test(arguments: Engine.covered)
    func anyNumberOfIDsFindsExactlyThoseDossiers(engine: Engine) async throws {
        try await StoreFixture.withFreshStore(engine) { (store: any CaseStore) async throws in
            let seeded = try await Sample.seed(store, count: 13)
            for count in 1...seeded.count {
                let ids = seeded.prefix(count).map(\.id).reversed()
                let found = try await store.dossiers(Array(ids))
                #expect(found.count == count, "\(count) ids")
                #expect(Set(found.keys) == Set(ids), "\(count) ids")
            }
        }
    }

    @Test(arguments: Engine.covered)
    func bookedTransactionsAreFoundByID(engine: Engine) async throws {
        try await StoreFixture.withFreshStore(engine) { (store: any CaseStore) async throws in
            let seeded = try await Sample.seed(store, count: 2)
            let store = try intake(store)
            let claims = try await store.claims(ofDossiers: seeded.map(\.id))
            let claim = try #require(claims[seeded[1].id]?.first)
            let handedOver = LedgerTransaction.claimHandedOver(claim, on: Sample.day).id
            let unknown = LedgerTransaction.ID("payment:ACME/D-1#1:NOPE")
            #expect(try await store.bookedTransactions([unknown, handedOver, handedOver]) == [handedOver])
            #expect(try await store.bookedTransactions([]).isEmpty)
        }
    }

    /// A dossier due later or paused wakes on the day (its version moves on once, however often it
    /// is named); one due earlier and a closed one stay as they are.
    @Test(arguments: Engine.covered)
    func wakingMovesOnlyWhatIsDueLaterAndOpen(engine: Engine) async throws {
        try await StoreFixture.withFreshStore(engine) { (store: any CaseStore) async throws in
            let seeded = try await Sample.seed(store, count: 4)
            let day = Sample.day.adding(days: 10)
            var later = seeded[0]
            later.nextActionDay = day.adding(days: 5)
            var paused = seeded[1]
            paused.nextActionDay = nil
            var earlier = seeded[2]
            earlier.nextActionDay = day.adding(days: -3)
            var closed = seeded[3]
            closed.close(on: Sample.day.adding(days: 1), reason: .paid)
            let written = try await store.updateDossiers([later, paused, earlier, closed])
            try await intake(store).wakeDossiers([later.id, paused.id, earlier.id, closed.id, later.id], on: day)
            let now = try await store.dossiers(seeded.map(\.id))
            #expect(now[later.id]?.nextActionDay == day)
            #expect(now[later.id]?.version == written[0].version + 1)
            #expect(now[paused.id]?.nextActionDay == day)
            #expect(now[paused.id]?.version == written[1].version + 1)
            #expect(now[earlier.id] == written[2])
            #expect(now[closed.id] == written[3])
            try await intake(store).wakeDossiers([], on: day)
        }
    }
}
