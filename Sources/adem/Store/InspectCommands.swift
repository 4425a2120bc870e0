import ArgumentParser
import Domain
import Foundation
import Money
import Operations
import Store

/// `adem state digest`: a fingerprint of the whole case history.
struct StateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "state", abstract: "Inspect the stored state.", subcommands: [Digest.self])

    /// Prints the SHA-256 over dossier states, ledger postings and journal events (no wall-clock fields).
    struct Digest: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "digest",
            abstract:
                "SHA-256 of all dossier states, ledger postings and journal events; equal histories print equal digests."
        )
        @OptionGroup var store: StoreOptions

        func run() async throws {
            do {
                print(try await store.withStore { store in try await store.stateDigest() })
            } catch let error as StoreError {
                throw Shell.fail(error.description)
            }
        }
    }
}

/// `adem journal count`: how many events, of a type, in a period.
struct JournalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journal", abstract: "Read the journal.", subcommands: [Count.self])

    /// Counts journal events matching the options.
    struct Count: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "count", abstract: "Count journal events.")
        @Option(help: "Only events of this type (e.g. claimAdded, paymentReceived).") var type: String?
        @Option(help: "Only events on or after this day (YYYY-MM-DD).") var from: String?
        @Option(help: "Only events on or before this day (YYYY-MM-DD).") var through: String?
        @OptionGroup var store: StoreOptions

        func validate() throws {
            if let type, JournalEventType(rawValue: type) == nil {
                throw ValidationError(
                    "unknown event type '\(type)'; known: \(JournalEventType.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            _ = try Shell.day(from, option: "--from")
            _ = try Shell.day(through, option: "--through")
        }

        func run() async throws {
            let filter = JournalFilter(
                type: type.flatMap(JournalEventType.init(rawValue:)), from: try Shell.day(from, option: "--from"),
                through: try Shell.day(through, option: "--through"))
            do {
                print(try await store.withStore { store in try await store.countJournal(filter) })
            } catch let error as StoreError {
                throw Shell.fail(error.description)
            }
        }
    }
}

/// `adem debtor export DEBTOR_REF`: everything held on one debtor, as JSON.
struct DebtorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "debtor", abstract: "Debtor data.", subcommands: [Export.self])

    /// Prints the export; exit 1 when no client knows the reference.
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Print, as JSON, everything held on a debtor (right of access, AVG/GDPR art. 15).")
        @Argument(help: "The debtor reference (debtor_ref of the import).") var reference: String
        @Option(help: "Only at this client.") var client: String?
        @Option(help: "Who reads it, for the access log (default: the login name, $USER).") var by: String?
        @OptionGroup var store: StoreOptions

        func validate() throws { try Shell.validateOperator(by) }

        func run() async throws {
            let reference = self.reference
            let clientID = client.map { Client.ID($0) }
            let by = Shell.operator(self.by)
            let export: DebtorExport
            do {
                export = try await store.withStore { store in
                    let export = try await DebtorExport.collect(reference: reference, clientID: clientID, from: store)
                    // Logged before it is printed: what cannot be logged is not shown.
                    try await store.recordAccess(
                        export.debtors.map {
                            PersonalDataAccess(
                                accessedAt: Shell.now(), accessedBy: by, debtorID: $0.debtor.id, dossierID: nil,
                                action: "debtor export")
                        })
                    return export
                }
            } catch let error as StoreError {
                throw Shell.fail(error.description)
            }
            guard !export.debtors.isEmpty else { throw Shell.fail("no debtor with reference \(reference)", code: 1) }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(export), as: UTF8.self))
        }
    }
}

/// `adem privacy retain`: apply the retention rule of docs/privacy.md.
struct PrivacyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "privacy", abstract: "Personal data (AVG/GDPR).", subcommands: [Retain.self, AccessLog.self])

    /// Lists who read personal data, and when (docs/privacy.md).
    struct AccessLog: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "access-log",
            abstract: "List who read a debtor's personal data, when, and through what; oldest first.")
        @Option(help: "Only the debtor records with this reference.") var debtor: String?
        @Option(help: "With --debtor: only at this client.") var client: String?
        @Flag(help: "Print {\"accesses\": [...]} as JSON.") var json = false
        @OptionGroup var store: StoreOptions

        func validate() throws {
            if client != nil, debtor == nil { throw ValidationError("--client goes with --debtor") }
        }

        /// Entries read per query.
        static let pageEntriesMax = 1_000

        func run() async throws {
            let reference = debtor
            let clientID = client.map { Client.ID($0) }
            let accesses: [PersonalDataAccess]
            do {
                accesses = try await store.withStore { store in
                    var debtorIDs: [Debtor.ID]?
                    if let reference {
                        debtorIDs = try await store.debtors(reference: reference)
                            .filter { clientID == nil || $0.clientID == clientID }.map(\.id)
                    }
                    var all: [PersonalDataAccess] = []
                    while true {
                        let page = try await store.accesses(
                            ofDebtors: debtorIDs, after: all.last?.sequence ?? 0, limit: Self.pageEntriesMax)
                        all += page
                        if page.count < Self.pageEntriesMax { return all }
                    }
                }
            } catch let error as StoreError {
                throw Shell.fail(error.description)
            }
            if json {
                let entries = accesses.map { access in
                    JSONOutput.object([
                        ("sequence", .number(Int(access.sequence ?? 0))), ("accessedAt", .string(access.accessedAt)),
                        ("accessedBy", .string(access.accessedBy)), ("debtor", .string(access.debtorID.rawValue)),
                        ("dossier", access.dossierID.map { .string($0.rawValue) } ?? .null),
                        ("action", .string(access.action)),
                    ])
                }
                print(JSONOutput.object([("accesses", .array(entries))]).rendered)
                return
            }
            var table = TextTable("#", "When", "Who", "Debtor", "Dossier", "Through", rightAligned: [0])
            for access in accesses {
                table.add(
                    String(access.sequence ?? 0), access.accessedAt, access.accessedBy, access.debtorID.rawValue,
                    access.dossierID?.rawValue ?? "", access.action)
            }
            print("\(accesses.count) access(es) to personal data" + (reference.map { " of debtor \($0)" } ?? "") + ".")
            if !accesses.isEmpty { print(table.rendered) }
        }
    }

    /// Pseudonymises debtors whose dossiers all closed before the cut-off.
    struct Retain: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "retain",
            abstract:
                "Pseudonymise the personal data of debtors whose dossiers all closed before a day; ledger totals stay.")
        @Option(name: .customLong("closed-before"), help: "Cut-off day (YYYY-MM-DD).") var closedBefore: String?
        @Option(
            name: .customLong("retention-days"),
            help: "Instead of --closed-before: days after closing (cut-off = --day minus this).")
        var retentionDays: Int?
        @Option(help: "The business day of the run (YYYY-MM-DD); default today (UTC).") var day: String?
        @OptionGroup var store: StoreOptions

        func validate() throws {
            guard (closedBefore == nil) != (retentionDays == nil) else {
                throw ValidationError("give --closed-before or --retention-days")
            }
            if let retentionDays, retentionDays < 0 { throw ValidationError("--retention-days must not be negative") }
        }

        func run() async throws {
            let today = try Shell.day(day, option: "--day") ?? Shell.today()
            let cutoff =
                try Shell.day(closedBefore, option: "--closed-before") ?? today.adding(days: -(retentionDays ?? 0))
            do {
                let outcome = try await store.withStore { store in
                    try await Retention(store: store, day: today, recordedAt: Shell.now()).run(closedBefore: cutoff)
                }
                print(
                    "Pseudonymised \(outcome.pseudonymised) debtor(s) whose dossiers all closed before \(cutoff); "
                        + "\(outcome.keptForOtherDossiers) kept for a dossier still open or closed later.")
            } catch let error as StoreError {
                throw Shell.fail(error.description)
            }
        }
    }
}
