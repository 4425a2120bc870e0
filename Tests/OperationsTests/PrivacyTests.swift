import Domain
import Money
import Operations
import Store
import Testing

@Suite struct PrivacyTests {
    let csv = """
        \(header),email
        F-1,D-1,consumer,Jan Jansen,Dorpsstraat 1,1234 AB,Ede,NL,2026-01-05,2026-01-19,100.00,jan@example.nl
        F-2,D-2,consumer,Piet Peters,Kerkweg 2,1234 AB,Ede,NL,2026-01-05,2026-01-19,50.00,piet@example.nl
        """

    @Test func retentionPseudonymisesClosedDebtorsOnlyAndKeepsTheLedger() async throws {
        try await importing([csv]) { (store: any CaseStore, _: [ImportReport]) async throws in
            var closed = try #require(try await store.dossier(Dossier.ID("ACME/D-1#1")))
            closed.close(on: Day(iso: "2026-04-01")!, reason: .paid)
            _ = try await store.updateDossiers([closed])
            let ledgerBefore = try await store.ledger(ofDossier: closed.id)

            let retention = Retention(store: store, day: Day(iso: "2028-05-01")!, recordedAt: "t")
            let outcome = try await retention.run(closedBefore: Day(iso: "2026-05-01")!)
            #expect(outcome.pseudonymised == 1)
            let debtors = try await store.debtors([Debtor.ID("ACME/D-1"), Debtor.ID("ACME/D-2")])
            #expect(debtors[Debtor.ID("ACME/D-1")]?.profile.isPseudonymised == true)
            #expect(debtors[Debtor.ID("ACME/D-1")]?.profile.email == nil)
            #expect(debtors[Debtor.ID("ACME/D-2")]?.profile.name == "Piet Peters")
            #expect(try await store.ledger(ofDossier: closed.id) == ledgerBefore)
            #expect(try await store.countJournal(JournalFilter(type: .pseudonymised)) == 1)

            // Running it again changes nothing.
            #expect(try await retention.run(closedBefore: Day(iso: "2026-05-01")!).pseudonymised == 0)
        }
    }

    @Test func theExportHoldsEverythingOnTheDebtor() async throws {
        try await importing([csv]) { (store: any CaseStore, _: [ImportReport]) async throws in
            let export = try await DebtorExport.collect(reference: "D-2", clientID: nil, from: store)
            #expect(export.debtors.count == 1)
            let entry = export.debtors[0]
            #expect(entry.debtor.profile.email == "piet@example.nl")
            #expect(entry.dossiers.count == 1)
            #expect(entry.dossiers[0].claims.map(\.invoiceNumber) == ["F-2"])
            #expect(entry.dossiers[0].outstandingCents == 5_000)
            #expect(entry.dossiers[0].journal.map(\.type) == [.dossierOpened, .claimAdded])
            #expect(try await DebtorExport.collect(reference: "nobody", clientID: nil, from: store).debtors.isEmpty)
        }
    }
}
