import Domain
import Testing

@testable import Store

/// The log of who read personal data: appended in order, read back whole, by debtor and in pages,
/// and never part of the state digest (reading a file does not change its history).
@Suite struct AccessLogContractTests {
    @Test(arguments: Engine.covered)
    func accessesAreKeptInOrderAndFoundByDebtor(engine: Engine) async throws {
        try await StoreFixture.withFreshStore(engine) { (store: any CaseStore) async throws in
            let digest = try await store.stateDigest()
            #expect(try await store.accesses(ofDebtors: nil, after: 0, limit: 10).isEmpty)
            let anna = Debtor.ID("ACME/D-1")
            let bert = Debtor.ID("ACME/D-2")
            let written = [
                PersonalDataAccess(
                    accessedAt: "2026-03-02T09:00:00Z", accessedBy: "agent 1", debtorID: anna,
                    dossierID: Dossier.ID("ACME/D-1#1"), action: "dossier show"),
                PersonalDataAccess(
                    accessedAt: "2026-03-02T09:05:00Z", accessedBy: "privacy officer", debtorID: bert, dossierID: nil,
                    action: "debtor export"),
                PersonalDataAccess(
                    accessedAt: "2026-03-03T10:00:00Z", accessedBy: "agent 2", debtorID: anna, dossierID: nil,
                    action: "debtor export"),
            ]
            try await store.recordAccess(Array(written.prefix(2)))
            try await store.recordAccess(Array(written.suffix(1)))

            let all = try await store.accesses(ofDebtors: nil, after: 0, limit: 10)
            #expect(all.map(\.accessedBy) == ["agent 1", "privacy officer", "agent 2"])
            #expect(all.map(\.dossierID) == [Dossier.ID("ACME/D-1#1"), nil, nil])
            #expect(all.map(\.action) == ["dossier show", "debtor export", "debtor export"])
            #expect(all.map(\.accessedAt) == written.map(\.accessedAt))
            let sequences = all.compactMap(\.sequence)
            #expect(sequences.count == 3 && sequences == sequences.sorted() && Set(sequences).count == 3)

            let annas = try await store.accesses(ofDebtors: [anna], after: 0, limit: 10)
            #expect(annas.map(\.accessedBy) == ["agent 1", "agent 2"])
            #expect(try await store.accesses(ofDebtors: [], after: 0, limit: 10).isEmpty)
            #expect(try await store.accesses(ofDebtors: [Debtor.ID("ACME/D-9")], after: 0, limit: 10).isEmpty)

            let first = try await store.accesses(ofDebtors: nil, after: 0, limit: 2)
            let rest = try await store.accesses(ofDebtors: nil, after: first.last!.sequence!, limit: 2)
            #expect((first + rest).map(\.accessedBy) == all.map(\.accessedBy))

            #expect(try await store.stateDigest() == digest)
        }
    }
}
