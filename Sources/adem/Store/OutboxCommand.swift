import ArgumentParser
import Domain
import Engine
import Money
import Operations
import Store

/// `adem outbox list`: the messages the daily run planned for a day, for the channels to send.
struct OutboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outbox", abstract: "The messages planned for the channels.", subcommands: [List.self])

    /// Lists a day's planned messages in outbox id order (a dossier's messages together).
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the messages planned for a day: letters for the print house, e-mails, SMS and calls.")
        @Option(help: "The planned day (YYYY-MM-DD); default today (UTC).") var day: String?
        @Option(help: "Only this channel: \(Channel.allCases.map(\.rawValue).joined(separator: ", ")).")
        var channel: String?
        @Flag(help: "Print {\"day\": ..., \"messages\": [...]}, each message as the engine planned it.") var json =
            false
        @OptionGroup var store: StoreOptions

        func validate() throws {
            _ = try Shell.day(day, option: "--day")
            if let channel { let _: Channel = try Arguments.choice(channel, option: "--channel") }
        }

        func run() async throws {
            let day = try Shell.day(day, option: "--day") ?? Shell.today()
            let only: Channel? = try channel.map { try Arguments.choice($0, option: "--channel") }
            let rows: [OutboxRow]
            do {
                rows = try await store.withStore { store in
                    guard let intake = store as? any IntakeStore else { throw Shell.fail("this store has no outbox") }
                    var rows: [OutboxRow] = []
                    try await OutboxDispatch.forEachPage(plannedOn: day, in: intake) { page in
                        rows += page.filter { only == nil || $0.channel == only }
                    }
                    return rows
                }
            } catch let error as StoreError {
                throw Shell.fail(error.description)
            }
            if json {
                // Each message is stored as the engine's canonical JSON, so it is printed as it is.
                print(
                    "{\"day\": \(JSONOutput.string(day.description).rendered), \"messages\": ["
                        + rows.map(\.message)
                        .joined(separator: ", ") + "]}")
                return
            }
            let decoder = CanonicalJSONDecoder()
            var table = TextTable("Message", "Channel", "Template", "Deadline", "In client's name")
            for row in rows {
                let message = try decoder.decode(OutboxMessage.self, from: row.message)
                table.add(
                    message.id, message.channel.rawValue, message.template, message.deadline?.description ?? "",
                    message.inClientName ? "yes" : "no")
            }
            print("\(rows.count) message(s) planned for \(day)" + (only.map { " by \($0.rawValue)" } ?? "") + ".")
            if !rows.isEmpty { print(table.rendered) }
        }
    }
}
