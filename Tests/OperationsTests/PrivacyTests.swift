import Domain
import Engine
import Law
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
            // Each debtor stated something: a vulnerability note and finances, kept in its progress.
            let runStore = store as! any DailyRunStore
            var stated: [Dossier] = []
            for id in ["ACME/D-1#1", "ACME/D-2#1"] {
                let dossier = try #require(try await store.dossier(Dossier.ID(id)))
                _ = try await runStore.recordResponse(
                    dossierID: dossier.id, day: Day(iso: "2026-03-01")!, response: #"{"vulnerabilitySignalled":{"note":"ziek"}}"#)
                stated.append(try #require(try await store.dossier(dossier.id)))
            }
            _ = try await runStore.updateDossiers(
                stated, read: stated, progress: stated.map { _ in #"{"circumstances":{"netIncome":150000}}"# })
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
            // What the debtor stated on the closed dossier is gone; the open one keeps its own.
            let open = Dossier.ID("ACME/D-2#1")
            let responses = try await runStore.responses(ofDossiers: [closed.id, open], through: Day(iso: "2028-05-01")!)
            #expect(responses.keys.sorted() == [open])
            #expect(try await runStore.progress(of: [closed.id, open]).keys.sorted() == [open])

            // Running it again changes nothing.
            #expect(try await retention.run(closedBefore: Day(iso: "2026-05-01")!).pseudonymised == 0)
        }
    }

    /// The person key follows pseudonymisation: when the pseudonymised debtor later gets a new dossier,
    /// it no longer counts as an open dossier of the person it was (nor of other pseudonymised debtors).
    @Test func aPseudonymisedDebtorNoLongerCountsAsThePersonItWas() async throws {
        try await importing([csv]) { (store: any CaseStore, _: [ImportReport]) async throws in
            let store = store as! any DailyRunStore
            let original = try await store.debtors([Debtor.ID("ACME/D-1"), Debtor.ID("ACME/D-2")])
            var closing: [Dossier] = []
            for id in ["ACME/D-1#1", "ACME/D-2#1"] {
                var dossier = try #require(try await store.dossier(Dossier.ID(id)))
                dossier.close(on: Day(iso: "2026-04-01")!, reason: .paid)
                closing.append(dossier)
            }
            _ = try await store.updateDossiers(closing)
            let retention = Retention(store: store, day: Day(iso: "2028-05-01")!, recordedAt: "t")
            #expect(try await retention.run(closedBefore: Day(iso: "2026-05-01")!).pseudonymised == 2)

            // Two years on, ACME hands over a new claim against the same debtor reference.
            let later = """
                \(header),email
                F-3,D-1,consumer,Jan Jansen,Dorpsstraat 1,1234 AB,Ede,NL,2028-04-01,2028-04-15,30.00,
                """
            var reader = try ClaimFileReader(source: MemoryByteSource(later, chunkBytes: 1 << 16))
            _ = try await ClaimImport(
                store: store, clientID: Client.ID("ACME"), day: Day(iso: "2028-05-02")!, recordedAt: "t"
            ).run(&reader, sourceName: "later.csv")
            let pseudonymised = try await store.debtors([Debtor.ID("ACME/D-1"), Debtor.ID("ACME/D-2")])
            let jan = PersonKey.of(try #require(original[Debtor.ID("ACME/D-1")]))
            let hiddenJan = PersonKey.of(try #require(pseudonymised[Debtor.ID("ACME/D-1")]))
            let hiddenPiet = PersonKey.of(try #require(pseudonymised[Debtor.ID("ACME/D-2")]))
            #expect(Set([jan, hiddenJan, hiddenPiet]).count == 3)
            #expect(try await store.openDossierCounts(persons: [jan, hiddenJan, hiddenPiet]) == [hiddenJan: 1])
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
            #expect(entry.dossiers[0].responses.isEmpty && entry.dossiers[0].circumstances == nil)

            // What the debtor stated is held, so it is exported: the response and the finances kept.
            let runStore = store as! any DailyRunStore
            let dossier = entry.dossiers[0].dossier
            _ = try await runStore.recordResponse(
                dossierID: dossier.id, day: Day(iso: "2026-03-01")!, response: #"{"vulnerabilitySignalled":{"note":"ziek"}}"#)
            var progress = CollectionProgress()
            progress.circumstances = DebtorCircumstances(netIncome: Money(cents: 150_000), household: .single)
            let woken = try #require(try await store.dossier(dossier.id))
            _ = try await runStore.updateDossiers(
                [woken], read: [woken], progress: [try CanonicalJSONEncoder().encode(progress)])
            let stated = try await DebtorExport.collect(reference: "D-2", clientID: nil, from: store).debtors[0].dossiers[0]
            #expect(stated.responses.map(\.response) == [.vulnerabilitySignalled(note: "ziek")])
            #expect(stated.responses.map(\.day) == [Day(iso: "2026-03-01")!])
            #expect(stated.circumstances == progress.circumstances)
            #expect(try await DebtorExport.collect(reference: "nobody", clientID: nil, from: store).debtors.isEmpty)
        }
    }
}
