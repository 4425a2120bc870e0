import Domain
import Engine
import LawData
import Money
import Operations
import Store
import Testing

/// The Wki cap in the daily run: collection costs on a small claim stay within EUR 140 per six months
/// for a debtor at a client, counting the costs charged in the debtor's other dossiers, which the
/// run reads for each chunk's persons (`SnapshotReader`, `costCharges`).
@Suite struct EarlierCostsTests {
    static let day = Day(iso: "2026-03-02")!
    static let context = EngineContext(law: try! LawData.netherlands())
    static let header =
        "invoice_number,debtor_ref,debtor_type,name,street,postcode,city,country,invoice_date,due_date,amount"

    /// Jan has been charged EUR 120 in three earlier dossiers at ACME within six months, Kees nothing;
    /// both owe EUR 100 (costs EUR 40, below the monthly threshold of the cap), with the 14-day term
    /// over: Jan's costs are capped at EUR 20, Kees's are EUR 40.
    @Test(arguments: [1, 500])
    func costsChargedStayWithinTheCapOverADebtorsDossiers(chunkDossiersMax: Int) async throws {
        try await CaseStores.withStore(.sqlite(path: ":memory:")) { store in
            _ = try await store.migrate()
            try await store.insertClient(Client(id: Client.ID("ACME"), name: "ACME"))
            let csv = [
                Self.header, "A-1,J-1,consumer,Jan Jansen,Dorpsstraat 1,1234 AB,Ede,NL,2026-01-05,2026-01-19,100.00",
                "A-2,K-1,consumer,Kees Klaassen,Kerkweg 3,1234 AB,Ede,NL,2026-01-05,2026-01-19,100.00",
            ]
            .joined(separator: "\n")
            var reader = try ClaimFileReader(source: MemoryByteSource(csv, chunkBytes: 1 << 16))
            let report = try await ClaimImport(
                store: store, clientID: Client.ID("ACME"), day: Self.day.adding(days: -40), recordedAt: "t"
            )
            .run(&reader, sourceName: "ACME.csv")
            #expect(report.rejected == 0, "\(report.errors)")

            let jan = Debtor.ID("ACME/J-1")
            let earlier = (2...4).map { ordinal in
                Dossier(
                    id: Dossier.id(debtor: jan, ordinal: ordinal), clientID: Client.ID("ACME"), debtorID: jan,
                    openedDay: Day(iso: "2025-10-01")!, state: .closed,
                    closure: DossierClosure(day: Day(iso: "2026-02-25")!, reason: .paid))
            }
            try await store.insertDossiers(earlier)
            let chargeDays = ["2026-01-10", "2026-02-01", "2026-02-20"].map { Day(iso: $0)! }
            try await store.appendLedger(
                zip(earlier, chargeDays).map { dossier, day in
                    LedgerTransaction(
                        id: LedgerTransaction.ID("costs:\(dossier.id.rawValue)"), dossierID: dossier.id, day: day,
                        memo: "collection costs", postings: [
                            Posting(.debtorReceivable, Money(cents: 4_000)), Posting(.costs, Money(cents: -4_000)),
                        ])
                })

            // Both dossiers are in collection, the 14-day letter sent and its term over.
            let ids = [Dossier.ID("ACME/J-1#1"), Dossier.ID("ACME/K-1#1")]
            let read = try await ids.asyncMap { try #require(try await store.dossier($0)) }
            let collecting = read.map { dossier in
                var changed = dossier
                changed.state = .collecting
                changed.nextActionDay = Self.day
                return changed
            }
            let progress =
                #"{"collectionStartDay":"2026-02-10","formatVersion":1,"nextStepDay":"2026-06-01","nextStepIndex":5,"#
                + #""reminderLetter":{"channel":"post","costsDueFrom":"2026-02-25","sentDay":"2026-02-10"}}"#
            let run = store as! any DailyRunStore
            _ = try await run.updateDossiers(collecting, read: read, progress: [progress, progress])

            _ = try await DailyRun(
                store: run, context: Self.context, day: Self.day, chunkDossiersMax: chunkDossiersMax, clock: { "t" }
            )
            .run()
            let charged = try await store.journal(ofDossiers: ids).filter { $0.type == .costsCharged }
            let amounts = Dictionary(uniqueKeysWithValues: charged.map { ($0.dossierID, $0.payload["amount"]) })
            #expect(amounts == [ids[0]: "20.00", ids[1]: "40.00"])
        }
    }
}

extension Array {
    fileprivate func asyncMap<Mapped>(_ transform: (Element) async throws -> Mapped) async rethrows -> [Mapped] {
        var mapped: [Mapped] = []
        for element in self { mapped.append(try await transform(element)) }
        return mapped
    }
}
