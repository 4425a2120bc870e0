import ArgumentParser
import Domain
import Foundation
import Money
import Store

/// Where the case store is: `--db PATH` (SQLite), `--postgres URL`, env `ADEM_DB`, or `adem.sqlite` here.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "SQLite database file (default: $ADEM_DB or adem.sqlite in the current folder).")
    var db: String?

    @Option(name: .long, help: "PostgreSQL URL, postgres://user:password@host:port/database, instead of SQLite.")
    var postgres: String?

    func validate() throws {
        if db != nil && postgres != nil { throw ValidationError("give --db or --postgres, not both") }
    }

    /// The chosen location.
    var location: StoreLocation {
        if let postgres { return .postgres(url: postgres) }
        let fallback = ProcessInfo.processInfo.environment["ADEM_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "adem.sqlite"
        return .sqlite(path: db ?? fallback)
    }

    /// Opens the store and runs `body`. SQLite gets its schema created or upgraded on the spot (adem
    /// works with zero set-up); PostgreSQL must be migrated explicitly with `adem db migrate`.
    func withStore<Result: Sendable>(_ body: (any CaseStore) async throws -> Result) async throws -> Result {
        let location = self.location
        return try await CaseStores.withStore(location) { store in
            if case .sqlite = location {
                _ = try await store.migrate()
            } else {
                let version = try await store.schemaVersion()
                if version < CaseStores.schemaVersion {
                    throw StoreError.schemaOutdated(databaseVersion: version, knownVersion: CaseStores.schemaVersion)
                }
                if version > CaseStores.schemaVersion {
                    throw StoreError.schemaTooNew(databaseVersion: version, knownVersion: CaseStores.schemaVersion)
                }
            }
            return try await body(store)
        }
    }
}

/// Shell helpers shared by the store commands.
enum Shell {
    /// Prints `message` to standard error.
    static func warn(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    /// Prints an operating error and ends with `code`.
    static func fail(_ message: String, code: Int32 = 2) -> ExitCode {
        warn("error: \(message)")
        return ExitCode(code)
    }

    /// Today in UTC: the business day when none is given.
    static func today() -> Day {
        let seconds = Int(Date().timeIntervalSince1970)
        return Day(daysSinceEpoch: seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
    }

    /// The wall-clock moment, for `recordedAt` stamps.
    static func now() -> String { ISO8601DateFormatter().string(from: Date()) }

    /// The store as one that takes responses, payments and the outbox, or a clear error.
    static func intakeStore(_ store: any CaseStore) throws -> any IntakeStore {
        guard let intake = store as? any IntakeStore else {
            throw fail("this store cannot take responses, payments or outbox reports")
        }
        return intake
    }

    /// Refuses a `--by` of nothing but spaces.
    static func validateOperator(_ given: String?) throws {
        if let given, given.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--by names who is at work; it cannot be empty")
        }
    }

    /// Who is at work: `given` (a `--by` option) when it holds more than spaces, else the login
    /// name, or "unknown" when the shell gives none.
    static func `operator`(_ given: String?) -> String {
        if let given = given?.trimmingCharacters(in: .whitespaces), !given.isEmpty { return given }
        let environment = ProcessInfo.processInfo.environment
        return [environment["USER"], environment["LOGNAME"]].compactMap { $0 }.first { !$0.isEmpty } ?? "unknown"
    }

    /// Parses a `--day`-style option.
    static func day(_ text: String?, option: String) throws -> Day? {
        guard let text else { return nil }
        guard let day = Day(iso: text) else { throw ValidationError("\(option) '\(text)' is not a day (YYYY-MM-DD)") }
        return day
    }

    /// `text` as a JSON string literal.
    static func json(_ text: String) -> String { JSONText.quoted(text) }
}
