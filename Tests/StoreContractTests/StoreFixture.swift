import Law
import Domain
import Foundation
import Money
@testable import Store
import Testing

/// The engines the contract suite runs against.
enum Engine: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgresql

    var testDescription: String { rawValue }

    /// `ADEM_TEST_POSTGRES_URL`: the PostgreSQL server the suite uses (CI always sets it).
    static var postgresURL: String? {
        guard let url = ProcessInfo.processInfo.environment["ADEM_TEST_POSTGRES_URL"], !url.isEmpty else { return nil }
        return url
    }

    /// `ADEM_SKIP_POSTGRES=1`: a developer without PostgreSQL opts out; the skip shows in the test output.
    static var skipPostgres: Bool {
        ProcessInfo.processInfo.environment["ADEM_SKIP_POSTGRES"] == "1" && postgresURL == nil
    }

    /// Every engine the suite must cover: PostgreSQL is left out only on an explicit skip.
    static var covered: [Engine] { skipPostgres ? [.sqlite] : [.sqlite, .postgresql] }
}

/// A fresh, migrated, empty store per test: a new SQLite file, or a new PostgreSQL database.
enum StoreFixture {
    static let missingPostgresMessage = """
        ADEM_TEST_POSTGRES_URL is not set, so the PostgreSQL engine cannot be tested. Start a server with \
        `eval "$(scripts/postgres-test-server.sh)"` (it exports the URL), or set ADEM_SKIP_POSTGRES=1 to skip it \
        knowingly (CI never does).
        """

    /// Runs `body` on a fresh store of `engine` migrated through `schemaVersion` (an older schema to
    /// test a migration with; the newest by default).
    static func withFreshStore(
        _ engine: Engine, schemaVersion: Int = Migrations.latestVersion, _ body: (any CaseStore) async throws -> Void
    ) async throws {
        switch engine {
        case .sqlite:
            let path = FileManager.default.temporaryDirectory.appendingPathComponent(
                "adem-contract-\(UUID().uuidString).sqlite"
            ).path
            defer {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            }
            try await CaseStores.withStore(.sqlite(path: path)) { store in
                _ = try await (store as! SQLCaseStore).migrate(through: schemaVersion)
                try await body(store)
            }
        case .postgresql:
            guard let baseURL = Engine.postgresURL else {
                Issue.record(Comment(rawValue: missingPostgresMessage))
                return
            }
            let name = "adem_t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
            try await administer(baseURL, "CREATE DATABASE \(name)")
            do {
                try await CaseStores.withStore(.postgres(url: url(baseURL, database: String(name)))) { store in
                    _ = try await (store as! SQLCaseStore).migrate(through: schemaVersion)
                    try await body(store)
                }
            } catch {
                try? await drop(String(name), at: baseURL)
                throw error
            }
            try await drop(String(name), at: baseURL)
        }
    }

    /// Drops a test database, trying again for a moment when it cannot end a process on it yet (an
    /// autovacuum worker of a server started without `scripts/postgres-test-server.sh`'s settings).
    static func drop(_ name: String, at baseURL: String) async throws {
        for attempt in 1...10 {
            do {
                return try await administer(baseURL, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
            } catch where attempt < 10 {
                try await Task.sleep(for: .milliseconds(200))
            }
        }
    }

    /// Runs one statement on the base test database.
    static func administer(_ baseURL: String, _ statement: String) async throws {
        try await CaseStores.withStore(.postgres(url: baseURL)) { store in
            try await (store as! SQLCaseStore).execute(statement)
        }
    }

    /// `url` pointing at `database` instead.
    static func url(_ url: String, database: String) -> String {
        var components = URLComponents(string: url)!
        components.path = "/" + database
        return components.string!
    }
}

/// Small builders for test data.
enum Sample {
    static let day = Day(iso: "2026-03-02")!
    static let client = Client(id: Client.ID("ACME"), name: "Acme Energie B.V.")

    static func debtor(_ reference: String, client: Client.ID = Client.ID("ACME")) -> Debtor {
        Debtor(
            clientID: client, reference: reference, kind: .consumer,
            profile: DebtorProfile(
                name: "Debtor \(reference)",
                address: PostalAddress(
                    street: "Dorpsstraat", houseNumber: "1", postcode: "1234 AB", city: "Ede", country: .netherlands),
                email: "\(reference.lowercased())@example.nl"))
    }

    static func dossier(for debtor: Debtor, nextActionDay: Day? = day) -> Dossier {
        Dossier(
            id: Dossier.id(debtor: debtor.id, ordinal: 1), clientID: debtor.clientID, debtorID: debtor.id,
            openedDay: day, nextActionDay: nextActionDay)
    }

    static func claim(_ invoice: String, dossier: Dossier, cents: Int64 = 10_000) -> Claim {
        Claim(
            clientID: dossier.clientID, dossierID: dossier.id, invoiceNumber: invoice,
            invoiceDay: day.adding(days: -30),
            dueDay: day.adding(days: -16), principal: Money(cents: cents), description: "energy \(invoice)")
    }

    /// A client, `count` debtors each with one dossier and one claim, with ledger and journal.
    static func seed(_ store: any CaseStore, count: Int, recordedAt: String = "2026-03-02T09:00:00Z") async throws
        -> [Dossier]
    {
        try await store.transaction { store in
            if try await store.client(client.id) == nil { try await store.insertClient(client) }
            let debtors = (1...count).map { debtor("D-\($0)") }
            let dossiers = debtors.map { dossier(for: $0) }
            let claims = dossiers.enumerated().map {
                claim("F-\($0.offset + 1)", dossier: $0.element, cents: Int64(1_000 + $0.offset))
            }
            try await store.insertDebtors(debtors)
            try await store.insertDossiers(dossiers)
            try await store.insertClaims(claims.map { StoredClaim(claim: $0) })
            try await store.appendLedger(claims.map { LedgerTransaction.claimHandedOver($0, on: day) })
            try await store.appendJournal(
                dossiers.map { JournalEvent(dossierID: $0.id, day: day, type: .dossierOpened) }
                    + claims.map {
                        JournalEvent(
                            dossierID: $0.dossierID, day: day, type: .claimAdded,
                            payload: JournalPayload(["invoice": $0.invoiceNumber]))
                    },
                recordedAt: recordedAt)
            return dossiers
        }
    }
}
