import Domain
import Engine
import LawData
import Money
import Operations
import Store
import Testing

/// "Debtors debt-free" counts persons, not a client's debtors: a closing makes a person debt-free only
/// when it closes their last open dossier at any client (docs/social-report.md). Persons are known by
/// name, postcode and country (`PersonKey`).
@Suite struct DebtFreePersonTests {
    static let day = Day(iso: "2026-03-02")!
    static let context = EngineContext(law: try! LawData.netherlands())

    /// Jan and Piet owe ACME and BETA (each client knows them by a reference of its own), Kees only
    /// ACME; 70 more persons owe ACME and do not pay, so a chunk is stepped in partitions as a large
    /// one is.
    static let files: [(client: String, csv: String)] = [
        (
            "ACME",
            ([
                header, "A-1,J-1,consumer,Jan Jansen,Dorpsstraat 1,1234 AB,Ede,NL,2026-01-05,2026-01-19,100.00",
                "A-2,P-1,consumer,Piet Peters,Kerkweg 2,1234 AB,Ede,NL,2026-01-05,2026-01-19,80.00",
                "A-3,K-1,consumer,Kees Klaassen,Kerkweg 3,1234 AB,Ede,NL,2026-01-05,2026-01-19,60.00",
            ]
                + (1...70).map {
                    "A-F\($0),F-\($0),consumer,Filler \($0),Laan \($0),5678 CD,Ede,NL,2026-01-05,2026-01-19,50.00"
                })
                .joined(separator: "\n")
        ),
        (
            "BETA",
            [
                header, "B-1,JAN,consumer,jan jansen,Dorpsstraat 1,1234AB,Ede,NL,2026-01-10,2026-01-24,40.00",
                "B-2,PIET,consumer,Piet Peters,Kerkweg 2,1234 AB,Ede,NL,2026-01-10,2026-01-24,30.00",
            ]
            .joined(separator: "\n")
        ),
    ]

    static let janAtAcme = Dossier.ID("ACME/J-1#1")
    static let janAtBeta = Dossier.ID("BETA/JAN#1")
    static let pietAtAcme = Dossier.ID("ACME/P-1#1")
    static let pietAtBeta = Dossier.ID("BETA/PIET#1")
    static let keesAtAcme = Dossier.ID("ACME/K-1#1")

    /// Runs `body` on a store holding both clients' files, imported on `day`.
    func withBook(_ body: (any IntakeStore) async throws -> Void) async throws {
        try await CaseStores.withStore(.sqlite(path: ":memory:")) { store in
            _ = try await store.migrate()
            for (client, csv) in Self.files {
                try await store.insertClient(Client(id: Client.ID(client), name: client))
                var reader = try ClaimFileReader(source: MemoryByteSource(csv, chunkBytes: 1 << 16))
                let report = try await ClaimImport(
                    store: store, clientID: Client.ID(client), day: Self.day, recordedAt: "t"
                )
                .run(&reader, sourceName: "\(client).csv")
                #expect(report.rejected == 0, "\(report.errors)")
            }
            try await body(store as! any IntakeStore)
        }
    }

    /// Books what each of `dossiers` owes on `day`, then runs the day in chunks of `chunkDossiersMax`.
    func pay(_ dossiers: [Dossier.ID], andRun day: Day, chunkDossiersMax: Int = 500, in store: any IntakeStore)
        async throws
    {
        let balances = try await store.balances(of: dossiers)
        let payments = dossiers.map {
            ReceivedPayment(dossierID: $0, day: day, amount: balances[$0]!.outstanding, reference: "bank-\(day)")
        }
        #expect(try await PaymentIntake(store: store, recordedAt: "t").record(payments).allSatisfy { $0 == .booked })
        _ = try await DailyRun(
            store: store, context: Self.context, day: day, chunkDossiersMax: chunkDossiersMax, clock: { "t" }
        )
        .run()
    }

    /// The `closed` event of each of `dossiers` that closed.
    func closings(_ dossiers: [Dossier.ID], in store: any IntakeStore) async throws -> [Dossier.ID: DossierClosing] {
        var found: [Dossier.ID: DossierClosing] = [:]
        for event in try await store.journal(ofDossiers: dossiers) where event.type == .closed {
            guard case .closed(let closing) = ReportEvent(event)?.fact else {
                Issue.record("unreadable closing \(event)")
                continue
            }
            found[event.dossierID] = closing
        }
        return found
    }

    /// Jan pays both clients on one day: the first closing leaves his BETA dossier open, the second
    /// makes him debt-free. In one chunk (500) the count read before either closed is carried in the
    /// pass; in chunks of one dossier the second chunk reads the first one's closing from the store.
    @Test(arguments: [500, 1])
    func aPersonPayingTwoClientsOnOneDayIsDebtFreeOnce(chunkDossiersMax: Int) async throws {
        try await withBook { store in
            try await pay(
                [Self.janAtAcme, Self.janAtBeta, Self.keesAtAcme], andRun: Self.day, chunkDossiersMax: chunkDossiersMax,
                in: store)
            let closed = try await closings([Self.janAtAcme, Self.janAtBeta, Self.keesAtAcme], in: store)
            #expect(
                closed.mapValues(\.reason) == [Self.janAtAcme: .paid, Self.janAtBeta: .paid, Self.keesAtAcme: .paid])
            #expect(closed[Self.janAtAcme]?.debtorOpenDossiers == 1)
            #expect(closed[Self.janAtAcme]?.makesDebtorDebtFree == false)
            #expect(closed[Self.janAtBeta]?.debtorOpenDossiers == 0)
            #expect(closed[Self.janAtBeta]?.makesDebtorDebtFree == true)
            // Kees shares Jan's postcode but is another person.
            #expect(closed[Self.keesAtAcme]?.makesDebtorDebtFree == true)
        }
    }

    /// Piet pays ACME while his BETA dossier stays open: not debt-free; the next day he pays BETA too,
    /// and that closing makes him debt-free.
    @Test func aPersonWithAnotherClientsDossierOpenIsNotDebtFree() async throws {
        try await withBook { store in
            try await pay([Self.pietAtAcme], andRun: Self.day, in: store)
            var closed = try await closings([Self.pietAtAcme, Self.pietAtBeta], in: store)
            #expect(closed.keys.sorted() == [Self.pietAtAcme])
            #expect(closed[Self.pietAtAcme]?.debtorOpenDossiers == 1)
            #expect(closed[Self.pietAtAcme]?.makesDebtorDebtFree == false)

            try await pay([Self.pietAtBeta], andRun: Self.day.adding(days: 1), in: store)
            closed = try await closings([Self.pietAtAcme, Self.pietAtBeta], in: store)
            #expect(closed[Self.pietAtBeta]?.reason == .paid)
            #expect(closed[Self.pietAtBeta]?.debtorOpenDossiers == 0)
            #expect(closed[Self.pietAtBeta]?.makesDebtorDebtFree == true)
        }
    }
}
