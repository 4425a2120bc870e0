import Domain
import Money
@testable import Store
import Testing

/// A dossier's events are found through the journal's index by (day, dossier, sequence), one lookup
/// per day the journal holds (migration 10). These cases put events on scattered days, out of day
/// order and across many dossiers, and compare every way of reading by dossier with the journal
/// read in order and filtered here.
@Suite struct JournalByDossierContractTests {
    /// 40 dossiers (more than `journalDossiersLookedUpMax`, so a read of all of them goes by range),
    /// and events on days before, between and long after the seed day, appended out of day order.
    static func seeded(_ store: any CaseStore) async throws -> [Dossier] {
        let dossiers = try await Sample.seed(store, count: 40)
        var events: [JournalEvent] = []
        for (index, dossier) in dossiers.enumerated() where index % 3 != 1 {
            for (step, offset) in [400, -30, 2, 2, 17 * (index % 5)].enumerated() {
                events.append(
                    JournalEvent(
                        dossierID: dossier.id, day: Sample.day.adding(days: offset),
                        type: step % 2 == 0 ? .contactSent : .paymentReceived,
                        payload: JournalPayload(["step": String(step), "dossier": String(index)])))
            }
        }
        // Appended in two batches, the second in reverse dossier order.
        try await store.appendJournal(Array(events.prefix(40)), recordedAt: "2026-03-02T10:00:00Z")
        try await store.appendJournal(Array(events.dropFirst(40).reversed()), recordedAt: "2026-03-02T11:00:00Z")
        return dossiers
    }

    /// The events of `ids`, from the whole journal read in order: by dossier id, then sequence.
    static func expected(_ store: any CaseStore, _ ids: Set<Dossier.ID>) async throws -> [JournalEvent] {
        let all = try await store.journal(JournalFilter(), after: 0, limit: 100_000)
        return all.filter { ids.contains($0.dossierID) }.sorted {
            ($0.dossierID, $0.sequence!) < ($1.dossierID, $1.sequence!)
        }
    }

    @Test(arguments: Engine.covered)
    func eachDossiersEventsAreReadWhateverTheirDays(engine: Engine) async throws {
        try await StoreFixture.withFreshStore(engine) { (store: any CaseStore) async throws in
            let dossiers = try await Self.seeded(store)
            let ids = dossiers.map(\.id)
            // All 40 (by range), a few far apart (one lookup each), many far apart (a range, filtered),
            // one, and one with no events but those of its opening.
            let most: [Dossier.ID] = (0..<40).filter { $0 % 7 != 3 }.map { ids[$0] }
            let sets: [[Dossier.ID]] = [
                ids, [ids[0], ids[17], ids[39]], most, [ids[5]], [ids[1]], [ids[12], ids[12]],
            ]
            for wanted in sets {
                let read = try await store.journal(ofDossiers: wanted)
                let expected = try await Self.expected(store, Set(wanted))
                #expect(read == expected)
                let withEvents = Set(wanted).filter { ids.firstIndex(of: $0)! % 3 != 1 }.count
                let count = Set(wanted).count * 2 + withEvents * 5
                #expect(read.count == count)
            }
            #expect(try await store.journal(ofDossiers: [Dossier.ID("ACME/none")]).isEmpty)
        }
    }

    @Test(arguments: Engine.covered)
    func aDossierFilterPagesAndCountsInJournalOrder(engine: Engine) async throws {
        try await StoreFixture.withFreshStore(engine) { (store: any CaseStore) async throws in
            let dossiers = try await Self.seeded(store)
            let dossier = dossiers[9]
            let all = try await Self.expected(store, [dossier.id])
            #expect(all.count == 7)
            var paged: [JournalEvent] = []
            try await store.forEachJournalPage(JournalFilter(dossierID: dossier.id), pageSize: 2) { paged += $0 }
            #expect(paged == all)
            #expect(try await store.countJournal(JournalFilter(dossierID: dossier.id)) == 7)
            #expect(try await store.countJournal(JournalFilter(dossierID: dossier.id, type: .paymentReceived)) == 2)
            let through = Sample.day.adding(days: 2)
            let inPeriod = all.filter { $0.day >= Sample.day && $0.day <= through }.count
            #expect(inPeriod == 4)
            let counted = try await store.countJournal(
                JournalFilter(dossierID: dossier.id, from: Sample.day, through: through))
            #expect(counted == inPeriod)
            // The by-day reads are unchanged: 27 dossiers with events, two on day +2 each.
            let onDay = try await store.countJournal(JournalFilter(from: through, through: through))
            #expect(onDay == 27 * 2)
        }
    }
}
