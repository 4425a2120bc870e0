import ArgumentParser
import Domain
import Foundation
import Store

/// `adem client`: the creditors we collect for.
struct ClientCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "client", abstract: "Register clients (creditors).", subcommands: [Add.self])

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
}
