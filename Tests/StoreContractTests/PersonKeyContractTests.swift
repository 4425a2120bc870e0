import Domain
import Law
import Money
import SQLKit
import Testing

@testable import Store

/// "Debt-free" counts a person's open dossiers at every client (docs/social-report.md): the store
/// keeps each debtor's `PersonKey` and counts open dossiers per person.
@Suite struct PersonKeyContractTests {
    static let acme = Client(id: Client.ID("ACME"), name: "Acme Energie B.V.")
    static let beta = Client(id: Client.ID("BETA"), name: "Beta Telecom B.V.")

    static func debtor(
        _ client: Client, _ reference: String, name: String, postcode: String, country: CountryCode = .netherlands
    )
        -> Debtor
    {
        Debtor(
            clientID: client.id, reference: reference, kind: .consumer,
            profile: DebtorProfile(
                name: name,
                address: PostalAddress(
                    street: "Dorpsstraat", houseNumber: "1", postcode: postcode, city: "Ede", country: country)))
    }

    /// Jan at ACME and at BETA (written differently: one person), Piet at ACME, and a Jan Jansen at
    /// the same postcode in Belgium (another person).
    static let janAtAcme = debtor(acme, "D-1", name: "Jan Jansen", postcode: "1234 AB")
    static let janAtBeta = debtor(beta, "X-9", name: "jan  jansen", postcode: "1234ab")
    static let pietAtAcme = debtor(acme, "D-2", name: "Piet Peters", postcode: "1234 AB")
    static let janInBelgium = debtor(beta, "X-10", name: "Jan Jansen", postcode: "1234 AB", country: CountryCode("BE")!)

    static func dossier(_ debtor: Debtor, _ ordinal: Int) -> Dossier {
        Dossier(
            id: Dossier.id(debtor: debtor.id, ordinal: ordinal), clientID: debtor.clientID, debtorID: debtor.id,
            openedDay: Sample.day, nextActionDay: Sample.day)
    }

    static let debtors = [janAtAcme, janAtBeta, pietAtAcme, janInBelgium]

    /// Both clients, `debtors` (by `insertDebtors` unless `writeDebtors` stores them another way) and
    /// their dossiers: Jan's are one open and one closed at ACME and one open at BETA; Piet and the
    /// Belgian Jan have one open dossier each.
    static func seed(_ store: any CaseStore, writeDebtors: ((any CaseStore) async throws -> Void)? = nil) async throws {
        try await store.insertClient(acme)
        try await store.insertClient(beta)
        if let writeDebtors { try await writeDebtors(store) } else { try await store.insertDebtors(debtors) }
        try await store.insertDossiers([
            dossier(janAtAcme, 1), dossier(janAtAcme, 2), dossier(janAtBeta, 1), dossier(pietAtAcme, 1),
            dossier(janInBelgium, 1),
        ])
        var closed = dossier(janAtAcme, 2)
        closed.close(on: Sample.day, reason: .paid)
        _ = try await store.updateDossiers([closed])
    }

    /// Jan's open dossiers at ACME and BETA count together; the closed one, Piet, the Belgian Jan and
    /// an unknown person do not add to his.
    @Test(arguments: Engine.covered)
    func openDossiersAreCountedPerPersonAtEveryClient(engine: Engine) async throws {
        try await StoreFixture.withFreshStore(engine) { (store: any CaseStore) async throws in
            let store = store as! any DailyRunStore
            try await Self.seed(store)
            let jan = PersonKey.of(Self.janAtAcme)
            #expect(PersonKey.of(Self.janAtBeta) == jan)
            let counts = try await store.openDossierCounts(persons: [
                jan, PersonKey.of(Self.pietAtAcme), PersonKey.of(Self.janInBelgium), "nobody|0000XX|NL", jan,
            ])
            #expect(counts == [jan: 2, PersonKey.of(Self.pietAtAcme): 1, PersonKey.of(Self.janInBelgium): 1])
            #expect(try await store.openDossierCounts(persons: []) == [:])
        }
    }

    /// Privacy: a pseudonymised debtor's key follows its new profile, so it no longer counts as the
    /// person it was (nor as any other pseudonymised debtor).
    @Test(arguments: Engine.covered)
    func aPseudonymisedDebtorLeavesThePersonItWas(engine: Engine) async throws {
        try await StoreFixture.withFreshStore(engine) { (store: any CaseStore) async throws in
            let store = store as! any DailyRunStore
            try await Self.seed(store)
            let day = Day(iso: "2026-03-02")!
            let sent = Self.dossier(Self.janAtAcme, 1)
            try await store.insertOutbox([
                OutboxRow(
                    id: "\(sent.id)/2026-03-02/reminder", dossierID: sent.id, channel: .email, plannedDay: day,
                    personKey: PersonKey.of(Self.janAtAcme), message: "{}")
            ])
            let hidden = Self.janAtAcme.profile.pseudonymised(token: "pseudonymised")
            try await store.updateDebtorProfile(Self.janAtAcme.id, profile: hidden)
            try await store.updateDebtorProfile(
                Self.pietAtAcme.id, profile: Self.pietAtAcme.profile.pseudonymised(token: "pseudonymised"))
            let jan = PersonKey.of(Self.janAtAcme)
            let hiddenJan = PersonKey.of(hidden, debtor: Self.janAtAcme.id)
            #expect(!hiddenJan.contains("jan"))
            let counts = try await store.openDossierCounts(persons: [jan, hiddenJan])
            #expect(counts == [jan: 1, hiddenJan: 1])
            // The messages sent to the debtor no longer carry the name and postcode in their key.
            let contacts = try await store.plannedContacts(personKeys: [jan, hiddenJan], from: day)
            #expect(contacts[jan] == nil)
            #expect(contacts[hiddenJan]?.map(\.dossierID) == [sent.id])
        }
    }

    /// A store of version 5 (debtors without a person key) gets every debtor's key on migrating, in
    /// batches: 2,345 debtors are three batches of at most 1,000.
    @Test(arguments: Engine.covered)
    func migratingAVersion5StoreKeysEveryDebtor(engine: Engine) async throws {
        try await StoreFixture.withFreshStore(engine, schemaVersion: 5) { (store: any CaseStore) async throws in
            let sql = store as! SQLCaseStore
            #expect(try await store.schemaVersion() == 5)
            let fillers = (1...2_341).map {
                Self.debtor(
                    $0 % 2 == 0 ? Self.acme : Self.beta, "F-\($0)", name: "Person \($0 % 1_500)", postcode: "1000 AA")
            }
            let debtors = Self.debtors + fillers
            try await Self.seed(store) { _ in
                // The debtors table as version 5 had it: no person key.
                try await sql.insertRows(
                    "debtors", columns: ["id", "client_id", "reference", "kind", "profile"],
                    rows: try debtors.map {
                        [
                            .text($0.id.rawValue), .text($0.clientID.rawValue), .text($0.reference),
                            .text($0.kind.rawValue),
                            .text(try SQLCaseStore.json($0.profile)),
                        ]
                    })
            }

            #expect(try await store.migrate().first == 6)
            let stored = try await sql.run { database in
                try await database.raw("SELECT id, person_key FROM debtors ORDER BY id").all().map {
                    (
                        try $0.decode(column: "id", as: String.self),
                        try $0.decode(column: "person_key", as: String?.self)
                    )
                }
            }
            #expect(stored.count == debtors.count)
            let expected = Dictionary(uniqueKeysWithValues: debtors.map { ($0.id.rawValue, PersonKey.of($0)) })
            let wrong = stored.filter { expected[$0.0] != $0.1 }
            #expect(wrong.count == 0, "every debtor has its PersonKey; not: \(wrong.prefix(3)) ...")
            let jan = PersonKey.of(Self.janAtAcme)
            #expect(try await (store as! any DailyRunStore).openDossierCounts(persons: [jan]) == [jan: 2])
        }
    }
}
