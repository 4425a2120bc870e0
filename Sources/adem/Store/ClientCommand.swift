import ArgumentParser
import Domain
import Foundation
import Store

/// `adem client`: the creditors we collect for.
struct ClientCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "client", abstract: "Register clients (creditors) and set their mandates.",
        subcommands: [Add.self, MandateCommand.self, History.self])

    /// `adem client add CLIENT_REF --name NAME`: registers a client with the default mandate, brand and strategy.
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Register a client with the default mandate, brand and strategy.")

        @Argument(help: "The client reference: letters, digits, '-', '_' or '.', at most 64.") var reference: String
        @Option(help: "The client's name as it appears on letters.") var name: String
        @Flag(
            name: .customLong("waive-interest"),
            help: "The client charges its debtors no statutory interest (docs/engine.md).")
        var waiveInterest = false
        @OptionGroup var store: StoreOptions

        func validate() throws {
            guard Client.isValidReference(reference) else {
                throw ValidationError(
                    "'\(reference)' is not a client reference (1-64 letters, digits, '-', '_' or '.')")
            }
            guard !name.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw ValidationError("--name must not be empty")
            }
        }

        func run() async throws {
            var mandate = Mandate.standard
            mandate.waivesStatutoryInterest = waiveInterest
            let client = Client(
                id: Client.ID(reference), name: name.trimmingCharacters(in: .whitespaces), mandate: mandate)
            do {
                try await store.withStore { store in try await store.insertClient(client) }
            } catch StoreError.duplicate {
                throw Shell.fail("client \(reference) exists already")
            } catch let error as StoreError {
                throw Shell.fail(error.description)
            }
            let waiver = waiveInterest ? " (statutory interest waived)" : ""
            print(
                "Client \(reference) (\(client.name)) registered with the standard mandate\(waiver), brand and strategy.")
        }
    }

    /// `adem client mandate CLIENT_REF [changes]`: shows a client's mandate, changing the fields given.
    struct MandateCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "mandate",
            abstract: "Show a client's mandate, and change the fields given (from each dossier's next step on).")

        @Argument(help: "The client reference.") var reference: String
        @Option(help: "Whether we may hand dossiers to a bailiff for court proceedings (true or false).")
        var mayGoToCourt: Bool?
        @Option(help: "Whether we may freeze interest for a debtor in hardship (true or false).")
        var mayFreezeInterest: Bool?
        @Option(help: "Whether we may contact a debtor's debt counsellor directly (true or false).")
        var mayContactDebtCounsellors: Bool?
        @Option(help: "The longest payment arrangement we may agree, in months (0-120).")
        var maxArrangementMonths: Int?
        @Option(help: "Whether the client waives statutory interest on all its files (true or false).")
        var waiveInterest: Bool?
        @Option(help: "Who makes the change, for the client's history (default: the login name, $USER).")
        var by: String?
        @Flag(help: "Print the mandate as JSON.") var json = false
        @OptionGroup var store: StoreOptions

        func validate() throws {
            if let months = maxArrangementMonths, !(0...120).contains(months) {
                throw ValidationError("--max-arrangement-months must be between 0 and 120, not \(months)")
            }
            try Shell.validateOperator(by)
        }

        func run() async throws {
            let id = Client.ID(reference)
            let mandate: Mandate
            do {
                mandate = try await store.withStore { store in
                    // The fields given are applied to the mandate as stored when the change is made.
                    try await store.updateMandate(
                        id, changedBy: Shell.operator(by), changedAt: Shell.now()
                    ) { mandate in
                        if let mayGoToCourt { mandate.mayGoToCourt = mayGoToCourt }
                        if let mayFreezeInterest { mandate.mayFreezeInterest = mayFreezeInterest }
                        if let mayContactDebtCounsellors { mandate.mayContactDebtCounsellors = mayContactDebtCounsellors }
                        if let maxArrangementMonths { mandate.maxArrangementMonths = maxArrangementMonths }
                        if let waiveInterest { mandate.waivesStatutoryInterest = waiveInterest }
                    }.mandate
                }
            } catch let error as StoreError {
                throw Shell.fail(error.description)
            }
            if json {
                print(try CanonicalJSONEncoder().encode(mandate))
                return
            }
            print("""
                Mandate of client \(reference):
                  may go to court              \(mandate.mayGoToCourt ? "yes" : "no")
                  may freeze interest          \(mandate.mayFreezeInterest ? "yes" : "no")
                  may contact debt counsellors \(mandate.mayContactDebtCounsellors ? "yes" : "no")
                  longest arrangement          \(mandate.maxArrangementMonths) months
                  statutory interest           \(mandate.waivesStatutoryInterest ? "waived" : "charged")
                  commission                   \(mandate.commission)
                """)
        }
    }

    /// `adem client history CLIENT_REF`: every change of the client's mandate, oldest first.
    struct History: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "history", abstract: "Show every change of a client's mandate: when, by whom, from what to what.")

        @Argument(help: "The client's reference.") var reference: String
        @Flag(help: "Print the changes as JSON.") var json = false
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let id = Client.ID(reference)
            let changes: [MandateChange]
            do {
                changes = try await store.withStore { store in
                    guard try await store.client(id) != nil else { throw StoreError.notFound("client \(reference)") }
                    return try await store.mandateChanges(id)
                }
            } catch let error as StoreError {
                throw Shell.fail(error.description)
            }
            if json {
                print(try CanonicalJSONEncoder().encode(changes.map(Entry.init)))
                return
            }
            guard !changes.isEmpty else {
                print("The mandate of client \(reference) has not been changed since it was registered.")
                return
            }
            print("Mandate changes of client \(reference):")
            for change in changes {
                let fields = change.differences.map { "\($0.field) \($0.before) -> \($0.after)" }.joined(separator: ", ")
                print("  \(change.sequence). \(change.changedAt) by \(change.changedBy): \(fields)")
            }
        }

        /// One change as `--json` prints it.
        struct Entry: Encodable {
            let sequence: Int
            let changedAt: String
            let changedBy: String
            let changes: [Field]
            let before: Mandate
            let after: Mandate

            struct Field: Encodable {
                let field: String
                let before: String
                let after: String
            }

            init(_ change: MandateChange) {
                sequence = change.sequence
                changedAt = change.changedAt
                changedBy = change.changedBy
                changes = change.differences.map { Field(field: $0.field, before: $0.before, after: $0.after) }
                before = change.before
                after = change.after
            }
        }
    }
}
