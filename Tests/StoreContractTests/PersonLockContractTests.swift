import Domain
import Money
import SQLKit
import Testing

@testable import Store

/// Two workers stepping dossiers of one person (at different clients, so in different chunks) must
/// not both count that person's contacts before either has written: the weekly contact cap is per
/// person across clients. `lockPersons` makes the second transaction wait for the first.
///
/// On PostgreSQL the first transaction holds its lock until the server shows the second one waiting
/// for it (`pg_locks`), so the test fails without the lock (checked by disabling it) and does not
/// depend on timing. On SQLite it cannot fail: the executor's own lock already runs one transaction
/// at a time, which is the guarantee the contract asks for there.
@Suite struct PersonLockContractTests {
    static let day = Day(iso: "2026-03-02")!

    static func message(_ number: Int, person: String) -> OutboxRow {
        OutboxRow(
            id: "ACME/D\(number)#1/2026-03-02/firstReminder", dossierID: Dossier.ID("ACME/D\(number)#1"), channel: .email,
            plannedDay: day, personKey: person, message: "{}")
    }

    @Test(arguments: Engine.covered)
    func aSecondTransactionOnTheSamePersonSeesTheFirstOnesContacts(engine: Engine) async throws {
        try await StoreFixture.withFreshStore(engine) { (store: any CaseStore) async throws in
            let store = store as! any DailyRunStore
            let (locked, signal) = AsyncStream<Void>.makeStream()
            // The first worker locks the person, then takes its time before planning a contact.
            let first = Task {
                try await store.transaction { transaction in
                    let transaction = transaction as! any DailyRunStore
                    try await transaction.lockPersons(["jan|1234AB|NL", "piet|1000AA|NL"])
                    signal.yield()
                    if engine == .postgresql { try await Self.untilATransactionWaitsForAPerson(store) }
                    try await transaction.insertOutbox([Self.message(1, person: "jan|1234AB|NL")])
                }
            }
            for await _ in locked { break }
            // The second worker, on another dossier of the same person, counts contacts after it.
            let seen = try await store.transaction { transaction in
                let transaction = transaction as! any DailyRunStore
                try await transaction.lockPersons(["jan|1234AB|NL"])
                return try await transaction.plannedContacts(personKeys: ["jan|1234AB|NL"], from: Self.day)
            }
            try await first.value
            #expect(seen["jan|1234AB|NL"] == [Self.message(1, person: "jan|1234AB|NL").plannedContact])
        }
    }

    @Test(arguments: Engine.covered)
    func lockingNobodyOrTheSamePersonTwiceIsFine(engine: Engine) async throws {
        try await StoreFixture.withFreshStore(engine) { (store: any CaseStore) async throws in
            let store = store as! any DailyRunStore
            try await store.transaction { transaction in
                let transaction = transaction as! any DailyRunStore
                try await transaction.lockPersons([])
                try await transaction.lockPersons(["jan|1234AB|NL", "jan|1234AB|NL"])
                try await transaction.lockPersons(["jan|1234AB|NL"])
                try await transaction.insertOutbox([Self.message(2, person: "jan|1234AB|NL")])
            }
            #expect(try await store.plannedContacts(personKeys: ["jan|1234AB|NL"], from: Self.day).count == 1)
        }
    }

    /// Returns once PostgreSQL shows a transaction waiting for a person's lock (asked on a connection
    /// of its own); records an issue when none waits within five seconds.
    static func untilATransactionWaitsForAPerson(_ store: any DailyRunStore) async throws {
        let sql = store as! SQLCaseStore
        for _ in 0..<500 {
            let waiting = try await sql.run { database in
                try await database.raw("SELECT COUNT(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")
                    .first()?.decode(column: "n", as: Int64.self) ?? 0
            }
            if waiting > 0 { return }
            try await Task.sleep(for: .milliseconds(10))
        }
        Issue.record("no transaction waited for the person's lock within five seconds")
    }
}
